# SPDX-License-Identifier: GPL-3.0-or-later
# werkstatt_embed(OUTPUT out.cpp FILES name=path ...): compile files into the binary, so that the
# program needs no install prefix to find its schema and reference data. `embedded_file(name)`
# (lib/core/embedded.hpp) returns their bytes.
function(werkstatt_embed)
  cmake_parse_arguments(ARG "" "OUTPUT" "FILES" ${ARGN})
  set(deps "")
  set(args "")
  foreach(entry IN LISTS ARG_FILES)
    string(REPLACE "=" ";" parts "${entry}")
    list(GET parts 1 path)
    list(APPEND deps "${path}")
    list(APPEND args "${entry}")
  endforeach()
  string(REPLACE ";" "|" joined "${args}")
  add_custom_command(
    OUTPUT "${ARG_OUTPUT}"
    COMMAND ${CMAKE_COMMAND} "-DOUTPUT=${ARG_OUTPUT}" "-DENTRIES=${joined}"
            -P "${PROJECT_SOURCE_DIR}/cmake/EmbedRun.cmake"
    DEPENDS ${deps} "${PROJECT_SOURCE_DIR}/cmake/EmbedRun.cmake"
    COMMENT "Embedding schema and reference data"
    VERBATIM)
endfunction()
