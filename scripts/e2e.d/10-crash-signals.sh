# A fatal signal sent to the running browser gives the terminal back: for each signal, within
# 2 s the shell finds echo and canonical input on again, the browser died of that signal, a
# crash report is in $XDG_STATE_HOME/itu-browser/ and its path is on the screen, and the Swift
# runtime's interactive backtracer did not appear.

crash_reports() {
    find "$XDG_STATE_HOME/itu-browser" -name 'crash-*.txt' 2>/dev/null | sort
}

# The screen and its history (a dead pane may have scrolled), wrapped lines joined so a long
# path is found whole.
joined_screen_has() {
    tmux -L "$SOCKET" capture-pane -p -J -S - -t "$SESSION" 2>/dev/null | grep -qF -- "$1"
}

# Numbers of SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE and SIGTRAP on Linux.
for crash_number in 11 6 7 4 8 5; do
    crash_signal=$(kill -l "$crash_number")
    run="crash-$crash_signal"
    crash_reports >"$WORK/reports-before"
    start_browser "$run"
    wait_for "$TEXT_LISTS" 20
    # Keep the pane after the browser and its shell end, to read what was printed.
    tmux -L "$SOCKET" set-option -t "$SESSION" remain-on-exit on >/dev/null
    pid=$(browser_pid)
    if [ -z "$pid" ]; then
        fail "$run: cannot find the browser's process"
        continue
    fi
    kill "-$crash_signal" "$pid"
    wait_until "$run: the shell ran within 2 s" 2 file_written "$WORK/stty-$run"
    check_restored "$run" "$((128 + crash_number))"
    report=$(crash_reports | comm -13 "$WORK/reports-before" -)
    if [ -n "$report" ] && [ "$(echo "$report" | wc -l)" -eq 1 ] && grep -q "^Signal: SIG$crash_signal " "$report"; then
        pass "$run: a crash report was written"
    else
        fail "$run: expected one new crash report naming SIG$crash_signal in $XDG_STATE_HOME/itu-browser, found: $report"
    fi
    wait_until "$run: the screen names the report" 2 joined_screen_has "itu-browser crashed (SIG$crash_signal); crash report: $report"
    if joined_screen_has "Press space"; then fail "$run: the Swift backtracer's prompt appeared"; else pass "$run: no backtracer prompt"; fi
    tmux -L "$SOCKET" kill-session -t "$SESSION" >/dev/null 2>&1
done
