# Import while the browser is open: the browser runs on a copy of the fixtures, `itu-browser
# import` adds a press release from another process, and its title appears in the News pane
# without a restart, with the status line saying what changed.
IMPORT_LIVE="$WORK/import-live-fixtures"
mkdir -p "$IMPORT_LIVE"
cp "$(dirname "$0")/../fixtures/"*.json "$IMPORT_LIVE/"
cat >"$WORK/import-live.txt" <<'RELEASE'
Intersputnik opens a regional office for satellite coordination in 2031
International Cooperation
2 January 2031

Intersputnik said it would open a regional office to help its member states with ITU-R satellite coordination.
RELEASE
start_browser import-live --fixtures "$IMPORT_LIVE"
wait_for "$TEXT_NEWS" 20
keys 3
if "$BINARY" import "$WORK/import-live.txt" --fixtures "$IMPORT_LIVE" >"$WORK/import-live.out" 2>&1; then
    pass "import-live: the import ran in another process"
else
    fail "import-live: the import failed: $(cat "$WORK/import-live.out")"
fi
wait_for "2031-01-02  Intersputnik opens a" 10
wait_for "fixtures changed: +1 news"
keys q
check_restored import-live 0
