# Snapshot: the browser once with a cold cache (it builds the index and writes the snapshot in
# the background) and once with a warm one (it reads the snapshot); the one-shot search answers
# the same with and without it, two searches started at once leave one valid snapshot, and a
# changed fixture file makes the next call rebuild.
SNAPSHOT_FIXTURES="$WORK/snapshot-fixtures"
mkdir -p "$SNAPSHOT_FIXTURES"
cp "$(dirname "$0")/../fixtures/"*.json "$SNAPSHOT_FIXTURES/"
# Old enough that the snapshot can be written at once (files modified within two seconds of a
# start are hashed again later, see FixtureStamp).
touch -d '2020-01-01 00:00:00' "$SNAPSHOT_FIXTURES/"*.json

snapshot_info() { "$BINARY" cache info --fixtures "$SNAPSHOT_FIXTURES"; }
snapshot_valid() { snapshot_info | grep -q '^status: *valid'; }

"$BINARY" cache clear --fixtures "$SNAPSHOT_FIXTURES" >/dev/null
start_browser snapshot-cold --fixtures "$SNAPSHOT_FIXTURES"
wait_for "$TEXT_LISTS"
keys /
type_text "gold sector member"
wait_for "$TEXT_ANNOUNCEMENT" 20
wait_until "the cold browser wrote a valid snapshot" 20 snapshot_valid
keys Escape
wait_for "$TEXT_LISTS"
keys q
check_restored snapshot-cold 0

start_browser snapshot-warm --fixtures "$SNAPSHOT_FIXTURES"
wait_for "$TEXT_LISTS"
keys /
type_text "gold sector member"
wait_for "$TEXT_ANNOUNCEMENT" 20
keys Escape
wait_for "$TEXT_LISTS"
keys q
check_restored snapshot-warm 0

with_cache=$("$BINARY" search "satellite spec" --fixtures "$SNAPSHOT_FIXTURES" --verbose 2>"$WORK/snapshot-notes")
without=$("$BINARY" search "satellite spec" --fixtures "$SNAPSHOT_FIXTURES" --no-cache)
if grep -q "using the snapshot" "$WORK/snapshot-notes" && [ "$with_cache" = "$without" ]; then
    pass "snapshot: search answers from the snapshot exactly as without it"
else
    fail "snapshot: search through the snapshot differs or did not use it ($(cat "$WORK/snapshot-notes"))"
fi

"$BINARY" cache clear --fixtures "$SNAPSHOT_FIXTURES" >/dev/null
"$BINARY" search "satellite spec" --fixtures "$SNAPSHOT_FIXTURES" >"$WORK/snapshot-first" &
first=$!
"$BINARY" search "satellite spec" --fixtures "$SNAPSHOT_FIXTURES" >"$WORK/snapshot-second"
wait "$first"
leftovers=$(ls "$XDG_CACHE_HOME/itu-browser" | grep -c 'tmp-')
if [ "$(cat "$WORK/snapshot-first")" = "$without" ] && [ "$(cat "$WORK/snapshot-second")" = "$without" ] \
    && snapshot_valid && [ "$leftovers" = 0 ]; then
    pass "snapshot: two searches started at once both answer, and one valid snapshot remains"
else
    fail "snapshot: concurrent first runs ($leftovers temporary files left; $(snapshot_info | tail -n 1))"
fi

touch "$SNAPSHOT_FIXTURES/sectors.json"
"$BINARY" search "satellite" --fixtures "$SNAPSHOT_FIXTURES" --verbose >/dev/null 2>"$WORK/snapshot-notes"
if grep -q "rebuilding the snapshot: sectors.json was modified" "$WORK/snapshot-notes"; then
    pass "snapshot: a touched fixture file makes the next call rebuild"
else
    fail "snapshot: touching sectors.json did not rebuild ($(cat "$WORK/snapshot-notes"))"
fi
