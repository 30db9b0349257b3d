# Config: a bad config.toml stops the browser with exit status 78 and the file:line of each
# problem; a remapped key quits, the old one no longer does, and the help shows the new key.
mkdir -p "$XDG_CONFIG_HOME/itu-browser"
printf '[keys]\nquit = "x"\n\n[colors]\nshine = "red"\n' >"$XDG_CONFIG_HOME/itu-browser/config.toml"
config_out=$(XDG_CONFIG_HOME="$XDG_CONFIG_HOME" "$BINARY" browse </dev/null 2>&1)
config_status=$?
if [ "$config_status" = 78 ]; then pass "config: a bad config exits 78"; else fail "config: a bad config exited $config_status"; fi
case $config_out in
    *"config.toml:5: unknown color role \"shine\" in [colors]"*) pass "config: the problem names file:line" ;;
    *) fail "config: the message was: $config_out" ;;
esac

printf '[keys]\nquit = "x"\n\n[colors]\nhighlight = 208\n' >"$XDG_CONFIG_HOME/itu-browser/config.toml"
start_browser config
wait_for "$TEXT_LISTS" 20
keys q
wait_for "q does nothing here"
keys '?'
wait_for_pattern "x +Quit"
keys Escape
wait_gone "$TEXT_HELP"
keys x
check_restored config 0
rm -f "$XDG_CONFIG_HOME/itu-browser/config.toml"
