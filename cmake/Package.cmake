# SPDX-License-Identifier: GPL-3.0-or-later
# What `cmake --install` adds for a Debian-style install, and the .deb that `make package` (cpack
# -G DEB) builds from it: man pages and the Debian changelog gzipped, the copyright file, the
# completion scripts written by the built binary, the examples as documentation and the scripts
# that examples/crontab and examples/systemd run. Included by the top CMakeLists.txt.
find_program(WERKSTATT_GZIP gzip REQUIRED)
set(WERKSTATT_DEB_RELEASE 1)
set(WERKSTATT_DEB_VERSION "${PROJECT_VERSION}-${WERKSTATT_DEB_RELEASE}")
set(pkg "${PROJECT_BINARY_DIR}/package")

# Man pages, gzipped without a name or time stamp (reproducible, as dh_compress does).
file(GLOB WERKSTATT_MAN_PAGES CONFIGURE_DEPENDS "${PROJECT_SOURCE_DIR}/man/*.1")
set(WERKSTATT_PACKAGE_FILES "")
foreach(page IN LISTS WERKSTATT_MAN_PAGES)
  get_filename_component(name "${page}" NAME)
  add_custom_command(OUTPUT "${pkg}/man/${name}.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${pkg}/man"
    COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" ${WERKSTATT_GZIP} "${page}" "${pkg}/man/${name}.gz"
    DEPENDS "${page}" VERBATIM)
  list(APPEND WERKSTATT_PACKAGE_FILES "${pkg}/man/${name}.gz")
  install(FILES "${pkg}/man/${name}.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()

configure_file("${PROJECT_SOURCE_DIR}/cmake/deb/changelog.in" "${pkg}/changelog.Debian" @ONLY)
add_custom_command(OUTPUT "${pkg}/changelog.Debian.gz"
  COMMAND sh -c "\"$0\" -9n -c \"$1\" > \"$2\"" ${WERKSTATT_GZIP} "${pkg}/changelog.Debian"
          "${pkg}/changelog.Debian.gz"
  DEPENDS "${pkg}/changelog.Debian" VERBATIM)
list(APPEND WERKSTATT_PACKAGE_FILES "${pkg}/changelog.Debian.gz")

# The completion scripts, printed by the binary just built from its own command tree.
set(completions "${pkg}/completions/werkstatt" "${pkg}/completions/_werkstatt"
                "${pkg}/completions/werkstatt.fish")
add_custom_command(OUTPUT ${completions}
  COMMAND ${CMAKE_COMMAND} -E make_directory "${pkg}/completions"
  COMMAND sh -c "\"$0\" completion bash > \"$1/werkstatt\" && \"$0\" completion zsh > \"$1/_werkstatt\" && \"$0\" completion fish > \"$1/werkstatt.fish\""
          $<TARGET_FILE:werkstatt> "${pkg}/completions"
  DEPENDS werkstatt VERBATIM)
list(APPEND WERKSTATT_PACKAGE_FILES ${completions})
add_custom_target(package_files ALL DEPENDS ${WERKSTATT_PACKAGE_FILES})

install(FILES "${pkg}/changelog.Debian.gz" "${PROJECT_SOURCE_DIR}/cmake/deb/copyright"
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES "${pkg}/completions/werkstatt"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES "${pkg}/completions/_werkstatt" DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES "${pkg}/completions/werkstatt.fish"
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# Examples are documentation (read, copied, not run in place); the scripts the crontab and the
# systemd units run are installed as programs of their own.
install(DIRECTORY examples/ DESTINATION ${CMAKE_INSTALL_DOCDIR}/examples
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ)
install(PROGRAMS examples/backup.sh examples/sync-members.sh examples/quarterly-rotation.sh
                 examples/import-drop-folder.sh examples/weekly-matching.sh examples/due.sh
        DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/werkstatt)

# The Debian package: Depends from the binary's shared libraries (dpkg-shlibdeps), stripped.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME werkstatt)
set(CPACK_PACKAGE_VENDOR "werkstatt maintainers")
set(CPACK_PACKAGE_CONTACT "werkstatt maintainers <maintainers@users.noreply.r-seed-764ab0f9.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${WERKSTATT_DEB_RELEASE})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded with dlopen() when a workbook is written (lib/io/xlsx_library.cpp) or read (minizip and
# expat: lib/io/zip_library.cpp, lib/io/expat_library.cpp): dpkg-shlibdeps does not see them, so
# they are named here.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libxlsxwriter4, libminizip1, libexpat1")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion, sqlite3")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ
    GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
# CPack indents every line after the first (the synopsis) by one blank itself.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"coordinate an employers' network for the integration of migrants into work
werkstatt is the command-line tool of the coordinators of the Betriebliche
Werkstatt Arbeits-(Kultur-)Integration in Sachsen-Anhalt: the member
companies and their contacts, a quarterly rotation of events with their
calendar, candidate lists imported from job agencies, matching candidates to
openings, an advisory map, hiring checklists, funding instruments and
reports, in one SQLite database.")
include(CPack)
