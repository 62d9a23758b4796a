#!/bin/sh
# Issue 15: the Debian package. cpack builds the .deb from this build tree; its files are where
# the FHS and Debian expect them, its Depends come from the binary's shared libraries, and the
# binary extracted from it runs, finds its German catalogue under usr/share/locale and keeps a
# database. Skipped without dpkg-deb or cpack. lintian is the test "package: lintian".
. "$(dirname "$0")/lib.sh"
: "${BUILD_DIR:?set BUILD_DIR to the build tree}"

case_ "tools"
for tool in cpack dpkg-deb dpkg-shlibdeps; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
if [ "$skipped" -gt 0 ]; then
    finish
    exit $?
fi
: >"$T/out"
: >"$T/err"

case_ "cpack builds the .deb"
cpack -G DEB --config "$BUILD_DIR/CPackConfig.cmake" -B "$T/pkg" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
deb=$(ls "$T"/pkg/werkstatt_*.deb 2>/dev/null | head -1)
check; [ -f "$deb" ] || fail "no werkstatt_*.deb in $T/pkg"

case_ "the package's name, version, section and Depends"
dpkg-deb -f "$deb" Package Version Section Architecture Depends Maintainer >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "Package: werkstatt"
expect_out_has "Section: utils"
expect_out_has "Architecture: amd64"
check; grep -qE '^Version: [0-9.]+-1$' "$T/out" || fail "the version has no Debian revision"
# The package names of Depends, one a line, without their versions.
sed -n 's/^Depends: //p' "$T/out" | sed 's/ ([^)]*)//g; s/, */\n/g' >"$T/depends"
for lib in libc6 libstdc++6 libsqlite3-0 libfmt9 libnettle8 libgcc-s1 libxlsxwriter4 libminizip1 libexpat1; do
    check
    grep -qxF "$lib" "$T/depends" || fail "Depends lacks $lib"
done

case_ "the files are where Debian puts them"
dpkg-deb -c "$deb" | awk '{ print $1, $NF }' >"$T/contents"
cp "$T/contents" "$T/out"
for path in ./usr/bin/werkstatt ./usr/share/man/man1/werkstatt.1.gz \
    ./usr/share/man/man1/werkstatt-company.1.gz ./usr/share/man/man1/werkstatt-completion.1.gz \
    ./usr/share/locale/de/LC_MESSAGES/werkstatt.mo ./usr/share/werkstatt/werkstatt.toml \
    ./usr/share/werkstatt/import-profiles.toml ./usr/share/werkstatt/schemas/report.schema.json \
    ./usr/share/doc/werkstatt/copyright ./usr/share/doc/werkstatt/changelog.Debian.gz \
    ./usr/share/doc/werkstatt/examples/crontab ./usr/share/doc/werkstatt/examples/demo.sh \
    ./usr/share/doc/werkstatt/examples/systemd/werkstatt-backup.timer \
    ./usr/share/bash-completion/completions/werkstatt ./usr/share/zsh/vendor-completions/_werkstatt \
    ./usr/share/fish/vendor_completions.d/werkstatt.fish ./usr/libexec/werkstatt/weekly-matching.sh; do
    expect_out_has " $path"
done
check; ! grep -qE ' \./usr/share/man/man1/.*\.1$' "$T/contents" || fail "a man page is not gzipped"
check; ! grep -qE ' \./usr/local/' "$T/contents" || fail "the package installs into /usr/local"
check; grep -qE '^-rwxr-xr-x \./usr/bin/werkstatt$' "$T/contents" || fail "usr/bin/werkstatt is not 0755"
check; grep -qE '^-rwxr-xr-x \./usr/libexec/werkstatt/import-drop-folder.sh$' "$T/contents" ||
    fail "the job scripts are not executable"
check; ! grep -qE '^-rwx.* \./usr/share/doc/' "$T/contents" || fail "an executable file in /usr/share/doc"
for page in "$SOURCE_DIR"/man/*.1; do
    expect_out_has " ./usr/share/man/man1/$(basename "$page").gz"
done

case_ "the binary is stripped and the examples' scripts match the crontab"
dpkg-deb -x "$deb" "$T/root"
check; ! readelf -S "$T/root/usr/bin/werkstatt" | grep -qF '.symtab' || fail "usr/bin/werkstatt is not stripped"
grep -oE '/usr/libexec/werkstatt/[a-z-]+\.sh' "$T/root/usr/share/doc/werkstatt/examples/crontab" |
    sort -u >"$T/cron-scripts"
check; [ -s "$T/cron-scripts" ] || fail "the crontab names no script of /usr/libexec/werkstatt"
while read -r script; do
    check; [ -x "$T/root$script" ] || fail "the crontab runs $script, which the package lacks"
done <"$T/cron-scripts"
check; gzip -dc "$T/root/usr/share/doc/werkstatt/changelog.Debian.gz" |
    head -1 | grep -qF "werkstatt ($(dpkg-deb -f "$deb" Version))" ||
    fail "changelog.Debian.gz does not name the package's version"

case_ "the extracted binary runs: --version, init, company list, the German catalogue"
export LANGUAGE=
"$T/root/usr/bin/werkstatt" --version >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "werkstatt "
"$T/root/usr/bin/werkstatt" init >"$T/out" 2>"$T/err"
status=$?
expect_status 0
check; [ -f "$HOME/.local/share/werkstatt/werkstatt.db" ] || fail "init made no database in HOME"
"$T/root/usr/bin/werkstatt" company add --key probe --name "Probe GmbH" --plz 39104 >"$T/out" 2>"$T/err"
status=$?
expect_status 0
"$T/root/usr/bin/werkstatt" company list --format csv >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "probe,Probe GmbH"
# A German document needs the catalogue beside the binary: <exe>/../share/locale.
"$T/root/usr/bin/werkstatt" report quarterly --lang de --period 2027Q1 >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_lacks "English"
expect_out_has "Quartalsbericht"
WERKSTATT_LOCALEDIR="$T/nowhere" "$T/root/usr/bin/werkstatt" report quarterly --lang de --period 2027Q1 >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_err_has "English" # the check above can fail: without the catalogue the report is English
expect_out_lacks "Quartalsbericht"

case_ "the packaged bash completion loads"
bash --norc -c ". '$T/root/usr/share/bash-completion/completions/werkstatt' && complete -p werkstatt" >"$T/out" 2>"$T/err"
status=$?
expect_status 0
expect_out_has "complete -F _werkstatt werkstatt"

finish
