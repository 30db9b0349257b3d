# Read, starred and notes from the browser: a star survives a restart, a second browser sees a
# star made in the first within a few seconds, and a note written by $EDITOR is kept; the
# command line (list news --starred, show) sees them.
# Sourced by scripts/e2e.sh, which defines the helpers and $BINARY, $WORK and the XDG folders
# (the state database lives in $XDG_STATE_HOME, inside $WORK).

STATE_NEWS="2021-11-01-intersputnik-gold-sector-member"
STATE_ORG="intersputnik"

# A star survives a restart.
start_browser star --open "$STATE_NEWS"
wait_for "Gold Sector Member" 20
keys s
wait_for "read · ★ starred"
keys q
check_restored star 0
start_browser star-again --open "$STATE_NEWS"
wait_for "★ starred" 20
keys q
check_restored star-again 0
if "$BINARY" list news --starred | grep -qF "$STATE_NEWS"; then
    pass "star: list news --starred lists the item starred in the browser"
else
    fail "star: list news --starred does not list $STATE_NEWS"
fi

# Two browsers at once: a star made in one shows in the other.
start_browser watcher --open "$STATE_ORG"
wait_for "Memberships" 20
start_browser starrer --open "$STATE_ORG"
wait_for "Memberships" 20
keys s
wait_for "★ starred"
SESSION=watcher
wait_for "★ starred" 5
keys q
check_restored watcher 0
SESSION=starrer
keys q
check_restored starrer 0

# A note written by $EDITOR is kept and shown.
cat >"$WORK/write-note.sh" <<EOF2
#!/bin/sh
printf 'Ask about the Gold fee.\n' >"\$1"
EOF2
chmod +x "$WORK/write-note.sh"
E2E_ENV="EDITOR='$WORK/write-note.sh' VISUAL=" start_browser note --open "$STATE_NEWS"
E2E_ENV=""
wait_for "Gold Sector Member" 20
keys a
wait_for "note saved"
wait_for "Ask about the Gold fee."
keys q
check_restored note 0
if "$BINARY" show "$STATE_NEWS" | grep -qF "Ask about the Gold fee."; then
    pass "note: show prints the note written in the editor"
else
    fail "note: show does not print the note"
fi

# A damaged state database opens read-only: the status line says so, and marks are refused.
SAVED_STATE_HOME=$XDG_STATE_HOME
XDG_STATE_HOME="$WORK/xdg/damaged-state"
mkdir -p "$XDG_STATE_HOME/itu-browser"
printf 'this is not a SQLite database, just garbage written over it\n' >"$XDG_STATE_HOME/itu-browser/state.sqlite"
start_browser damaged --open "$STATE_ORG"
wait_for "state is read-only" 20
keys j
wait_gone "state is read-only"
keys s
wait_for "state is read-only"
keys q
check_restored damaged 0
XDG_STATE_HOME=$SAVED_STATE_HOME
