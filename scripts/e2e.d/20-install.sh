# Install: scripts/install.sh into a temporary prefix, with HOME in a temporary folder; then the
# installed binary, run from / with only HOME and PATH set, finds the installed fixtures. The
# script installs the debug build (--configuration debug), which is already made, rather than
# compiling the whole package again in release mode.
install_home="$WORK/install-home"
install_prefix="$WORK/install-prefix"
mkdir -p "$install_home"
if env -u XDG_DATA_HOME HOME="$install_home" bash "$(dirname "$0")/install.sh" --configuration debug "$install_prefix" >"$WORK/install.log" 2>&1; then
    pass "install: scripts/install.sh --configuration debug $install_prefix"
else
    fail "install: scripts/install.sh failed: $(tail -5 "$WORK/install.log")"
fi
if [ -f "$install_home/.local/share/itu-browser/fixtures/news.json" ]; then
    pass "install: fixtures in ~/.local/share/itu-browser/fixtures"
else
    fail "install: no fixtures in $install_home/.local/share/itu-browser/fixtures"
fi
installed_out=$(cd / && env -i HOME="$install_home" PATH=/usr/bin:/bin "$install_prefix/bin/itu-browser" list sectors 2>&1)
case $installed_out in
    *"ITU-D  Telecommunication Development Sector"*) pass "install: the installed binary lists the Sectors from /" ;;
    *) fail "install: the installed binary run from / printed: $installed_out" ;;
esac
installed_out=$(cd / && env -i HOME="$install_home" PATH=/usr/bin:/bin "$install_prefix/bin/itu-browser" search intersputnik --type orgs --limit 1 2>&1)
case $installed_out in
    *"intersputnik"*) pass "install: the installed binary searches from /" ;;
    *) fail "install: search from / printed: $installed_out" ;;
esac
# The fetch helper is installed beside the binary, and the installed binary finds it: an address
# nothing listens on is then a transfer error from the helper, not a missing helper.
if [ -x "$install_prefix/bin/itu-browser-fetch" ]; then
    pass "install: itu-browser-fetch installed beside itu-browser"
else
    fail "install: no $install_prefix/bin/itu-browser-fetch"
fi
installed_out=$(cd / && env -i HOME="$install_home" PATH=/usr/bin:/bin "$install_prefix/bin/itu-browser" import http://127.0.0.1:1/feed --dry-run 2>&1)
installed_status=$?
case "$installed_status:$installed_out" in
    *"not there"*) fail "install: the installed binary did not find its fetch helper: $installed_out" ;;
    "1:"*"http://127.0.0.1:1/feed: cannot fetch it"*) pass "install: import of an address runs the installed fetch helper (exit 1, transfer error)" ;;
    *) fail "install: import of an unreachable address exited $installed_status and printed: $installed_out" ;;
esac
