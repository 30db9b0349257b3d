#!/bin/sh
# End-to-end test: drives the built itu-browser in a detached tmux session and checks what a
# person would see, then that the terminal is restored after quitting and after SIGTERM.
#
# Usage: scripts/e2e.sh [path-to-itu-browser-binary]   (default .build/debug/itu-browser)
#
# Pinned: the pane size (120x40), TERM=xterm-256color, a UTF-8 locale and TZ=UTC, and the XDG
# folders (config, state, cache, data) point into a temporary folder, so no run reads or writes
# the user's own files. Every check waits until the screen shows what it expects (polling every
# 0.1 s up to a timeout) instead of sleeping a fixed time, and prints the screen when it fails.
#
# The scenarios of single features live in scripts/e2e.d/*.sh, run in name order after the
# main scenario below; they use the helpers defined here (start_browser, wait_for, keys, ...).
set -u

BINARY=${1:-.build/debug/itu-browser}
SOCKET="itu-e2e-$$"
# Seconds since the epoch, for the time each scenario takes.
now() { date +%s; }
run_start=$(now)
PASSED=0
FAILED=0

case $BINARY in
    /*) ;;
    *) BINARY="$(pwd)/$BINARY" ;;
esac
if [ ! -x "$BINARY" ]; then
    echo "e2e: $BINARY is not an executable file (build it first: swift build)" >&2
    exit 2
fi
if ! command -v tmux >/dev/null 2>&1; then
    echo "e2e: tmux is needed to run the end-to-end test" >&2
    exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/itu-e2e.XXXXXX") || exit 2
cleanup() {
    tmux -L "$SOCKET" kill-server >/dev/null 2>&1
    rm -rf "$WORK"
}
trap cleanup EXIT
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_STATE_HOME="$WORK/xdg/state" \
    XDG_CACHE_HOME="$WORK/xdg/cache" XDG_DATA_HOME="$WORK/xdg/data"
mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
trap 'exit 130' INT
trap 'exit 143' TERM

# The pane runs this: the browser, then its exit status and the terminal's modes, saved to files
# named after the run ($1), so the checks can tell whether the terminal was restored.
cat >"$WORK/run-browser.sh" <<EOF
#!/bin/sh
run=\$1
shift
"$BINARY" "\$@"
echo \$? >"$WORK/status-\$run"
stty -a >"$WORK/stty-\$run"
EOF

# Screen texts the checks wait for; adjust here when the browser's wording changes.
TEXT_LISTS="1 Organizations" # the pane title (wide) or tab (narrow); not shown over results
TEXT_NEWS="News"
TEXT_HELP="Keys"
TEXT_FACET="Sector: ITU-D"
TEXT_MEMBERSHIPS="Memberships (2)"
TEXT_DIRECTOR="Ksenia Drozdova"
TEXT_RESULTS="Results for"
TEXT_ANNOUNCEMENT="2021-11-01  Intersputnik announces it has"
TEXT_ANNOUNCEMENT_BODY="United Nations Development Programme"
PATTERN_NARROW="1 Organizations +2 Sectors +3 News"
TEXT_TOO_SMALL="enlarge"

pass() {
    PASSED=$((PASSED + 1))
    echo "ok   $1"
}

fail() {
    FAILED=$((FAILED + 1))
    echo "FAIL $1"
}

screen() {
    tmux -L "$SOCKET" capture-pane -p -t "$SESSION" 2>/dev/null
}

# Prints the screen (without its trailing blank lines) under a failed check.
show_screen() {
    echo "---- screen ----"
    screen | awk '{ line[NR] = $0 } NF { last = NR } END { for (i = 1; i <= last; i++) print "| " line[i] }'
    echo "----------------"
}

# wait_until DESCRIPTION TIMEOUT COMMAND...: polls COMMAND every 0.1 s until it succeeds.
wait_until() {
    description=$1
    tries=$(($2 * 10))
    shift 2
    while [ "$tries" -gt 0 ]; do
        if "$@"; then
            pass "$description"
            return 0
        fi
        sleep 0.1
        tries=$((tries - 1))
    done
    fail "$description"
    show_screen
    return 1
}

screen_has() { screen | grep -qF -- "$1"; }
screen_matches() { screen | grep -qE -- "$1"; }
screen_lacks() { ! screen_has "$1"; }
file_written() { [ -s "$1" ]; }

# wait_for TEXT [TIMEOUT]: waits until TEXT is on screen (10 s by default).
wait_for() { wait_until "screen shows \"$1\"" "${2:-10}" screen_has "$1"; }
# wait_for_pattern REGEX [TIMEOUT]: the same with an extended regular expression.
wait_for_pattern() { wait_until "screen matches /$1/" "${2:-10}" screen_matches "$1"; }
# wait_gone TEXT [TIMEOUT]: waits until TEXT has left the screen.
wait_gone() { wait_until "screen no longer shows \"$1\"" "${2:-10}" screen_lacks "$1"; }

keys() { tmux -L "$SOCKET" send-keys -t "$SESSION" "$@"; }
type_text() { tmux -L "$SOCKET" send-keys -t "$SESSION" -l "$1"; }
resize() { tmux -L "$SOCKET" resize-window -t "$SESSION" -x "$1" -y "$2"; }

# A session that does nothing keeps the private tmux server up between runs of the browser
# (a server with no session left exits, and a new one could race with its shutdown).
tmux -L "$SOCKET" -f /dev/null new-session -d -s keeper "sleep 86400" || exit 2

# start_browser RUN [ARGUMENT...]: a new session running the browser at 120x40 in the pinned
# environment, with the given arguments (each is single-quoted for the pane's shell, so it must
# not contain a single quote). Extra environment variables, as NAME=value words, go in E2E_ENV.
start_browser() {
    SESSION=$1
    shift
    arguments=""
    for argument in "$@"; do arguments="$arguments '$argument'"; done
    tmux -L "$SOCKET" new-session -d -s "$SESSION" -x 120 -y 40 \
        "env TERM=xterm-256color LANG=C.UTF-8 LC_ALL=C.UTF-8 TZ=UTC \
XDG_CONFIG_HOME='$XDG_CONFIG_HOME' XDG_STATE_HOME='$XDG_STATE_HOME' \
XDG_CACHE_HOME='$XDG_CACHE_HOME' XDG_DATA_HOME='$XDG_DATA_HOME' ${E2E_ENV:-} \
sh '$WORK/run-browser.sh' '$SESSION'$arguments"
}

# The process id of the browser: the child of the pane's shell.
browser_pid() {
    shell=$(tmux -L "$SOCKET" display-message -p -t "$SESSION" '#{pane_pid}' 2>/dev/null) || return 1
    if command -v pgrep >/dev/null 2>&1; then
        pgrep -P "$shell" | head -n 1
    else
        ps -o pid= --ppid "$shell" | head -n 1 | tr -d ' '
    fi
}

# check_restored RUN EXPECTED_STATUS: the browser's exit status, and the terminal modes the
# shell found afterwards (echo and canonical input back on).
check_restored() {
    wait_until "$1: the shell ran after the browser ended" 10 file_written "$WORK/stty-$1" || return
    status=$(cat "$WORK/status-$1")
    if [ "$status" = "$2" ]; then pass "$1: exit status $status"; else fail "$1: exit status $status, expected $2"; fi
    modes=$(tr '\n' ' ' <"$WORK/stty-$1")
    case " $modes " in
        *" -echo "*) fail "$1: echo is still off after the browser ended" ;;
        *" echo "*) pass "$1: echo restored" ;;
        *) fail "$1: stty -a did not mention echo" ;;
    esac
    case " $modes " in
        *" -icanon "*) fail "$1: canonical input is still off after the browser ended" ;;
        *" icanon "*) pass "$1: canonical input restored" ;;
        *) fail "$1: stty -a did not mention icanon" ;;
    esac
}

echo "e2e: $BINARY"

start_browser quit
wait_for "$TEXT_LISTS" 20
wait_for "$TEXT_NEWS"

keys '?'
wait_for "$TEXT_HELP"
keys Escape
wait_gone "$TEXT_HELP"

# Find Intersputnik from its Sector: choose ITU-D, then open Intersputnik among its members.
keys 2
keys j
keys j
keys Enter
wait_for "$TEXT_FACET"
keys 1
wait_for "Organizations in ITU-D"
keys j
keys Enter
wait_for "$TEXT_MEMBERSHIPS"
wait_for "$TEXT_DIRECTOR"
keys Escape
wait_for "News in ITU-D"
wait_for "$TEXT_FACET"
keys Escape
wait_gone "$TEXT_FACET"

# Search as you type, open the 2021 announcement, come back to the results, then to the lists.
keys /
type_text "gold sector member"
wait_for "$TEXT_RESULTS"
wait_for "$TEXT_ANNOUNCEMENT"
keys Enter
keys Enter
wait_for "$TEXT_ANNOUNCEMENT_BODY"
keys BSpace
wait_for "$TEXT_RESULTS"
keys Escape
wait_gone "$TEXT_RESULTS"
wait_for "$TEXT_LISTS"

resize 60 20
wait_for_pattern "$PATTERN_NARROW"
resize 30 8
wait_for "$TEXT_TOO_SMALL"
resize 120 40
wait_gone "$TEXT_TOO_SMALL"
wait_for "$TEXT_NEWS"

keys q
check_restored quit 0

start_browser sigterm
wait_for "$TEXT_LISTS" 20
pid=$(browser_pid)
if [ -n "$pid" ]; then
    kill -TERM "$pid"
    check_restored sigterm 143
else
    fail "sigterm: cannot find the browser's process"
fi

scenario_start=$(now)
echo "e2e: main scenario: $((scenario_start - run_start)) s"
for scenario in "$(dirname "$0")"/e2e.d/*.sh; do
    [ -f "$scenario" ] || continue
    echo "e2e: scenario $(basename "$scenario")"
    . "$scenario"
    echo "e2e: scenario $(basename "$scenario"): $(($(now) - scenario_start)) s"
    scenario_start=$(now)
done

echo "e2e: $PASSED passed, $FAILED failed"
[ "$FAILED" -eq 0 ]
