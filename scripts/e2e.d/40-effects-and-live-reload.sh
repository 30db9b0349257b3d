# Browser effects and live reload: `o` hands the item's address to $BROWSER (or the config's
# open-command), `y` copies it with OSC 52 (read back from tmux's paste buffer), and a news item written into the fixtures
# folder by another process (a temporary file renamed over news.json) appears in the open
# browser's News pane without a restart.
# Sourced by scripts/e2e.sh, which defines the helpers and $BINARY, $WORK and the XDG folders.

EFFECTS_ID="2021-11-01-intersputnik-gold-sector-member"
EFFECTS_URL=$("$BINARY" show "$EFFECTS_ID" --format json | tr ',' '\n' | sed -n 's/^ *"source" *: *"\(http[^"]*\)".*/\1/p' | head -n 1)

cat >"$WORK/record-url.sh" <<EOF2
#!/bin/sh
printf '%s\n' "\$1" >"$WORK/opened-url"
EOF2
chmod +x "$WORK/record-url.sh"

recorded_url_is() { [ "$(cat "$WORK/opened-url" 2>/dev/null)" = "$1" ]; }
paste_buffer_is() { [ "$(tmux -L "$SOCKET" show-buffer 2>/dev/null)" = "$1" ]; }

if [ -z "$EFFECTS_URL" ]; then
    fail "effects: $EFFECTS_ID has no web address in the fixtures"
else
    tmux -L "$SOCKET" set-option -g set-clipboard on
    E2E_ENV="BROWSER='$WORK/record-url.sh'" start_browser effects --open "$EFFECTS_ID"
    E2E_ENV=""
    wait_for "Gold Sector Member" 20
    keys o
    wait_until "effects: o handed $EFFECTS_URL to \$BROWSER" 10 recorded_url_is "$EFFECTS_URL"
    wait_for "Gold Sector Member"
    keys y
    wait_for "copied to the clipboard (OSC 52)"
    wait_until "effects: y copied the address (tmux paste buffer)" 10 paste_buffer_is "$EFFECTS_URL"
    keys q
    check_restored effects 0
fi

# A graphical browser (known by its program's name) is started in the background.
if [ -n "$EFFECTS_URL" ]; then
    rm -f "$WORK/opened-url"
    mkdir -p "$WORK/bin"
    cp "$WORK/record-url.sh" "$WORK/bin/firefox"
    E2E_ENV="BROWSER='$WORK/bin/firefox'" start_browser graphical --open "$EFFECTS_ID"
    E2E_ENV=""
    wait_for "Gold Sector Member" 20
    keys o
    wait_until "effects: o started a graphical \$BROWSER in the background" 10 recorded_url_is "$EFFECTS_URL"
    wait_for "Gold Sector Member"
    keys q
    check_restored graphical 0
fi

# The config's [browser] open-command comes before $BROWSER (the config file is removed after).
if [ -n "$EFFECTS_URL" ]; then
    rm -f "$WORK/opened-url"
    mkdir -p "$XDG_CONFIG_HOME/itu-browser"
    printf '[browser]\nopen-command = "%s"\n' "$WORK/record-url.sh" >"$XDG_CONFIG_HOME/itu-browser/config.toml"
    E2E_ENV="BROWSER=false" start_browser open-command --open "$EFFECTS_ID"
    E2E_ENV=""
    wait_for "Gold Sector Member" 20
    keys o
    wait_until "effects: o used the config's open-command" 10 recorded_url_is "$EFFECTS_URL"
    keys q
    check_restored open-command 0
    rm -f "$XDG_CONFIG_HOME/itu-browser/config.toml"
fi

# Live reload: the browser on a copy of the fixtures; another process adds a news item.
LIVE="$WORK/live-fixtures"
mkdir -p "$LIVE"
cp "$(dirname "$0")/../fixtures/"*.json "$LIVE/"
start_browser live --fixtures "$LIVE"
wait_for "$TEXT_NEWS" 20
keys 3
LIVE_TITLE="Live reload check: a news item written while the browser is open"
sed '/^  "news": \[$/a\
    {\
      "id": "2030-01-01-live-reload-check",\
      "date": "2030-01-01",\
      "category": "Testing",\
      "title": "'"$LIVE_TITLE"'",\
      "summary": "Added by the end-to-end check.",\
      "body": "Added by the end-to-end check while the browser was open.",\
      "organizations": [],\
      "sectors": ["ITU-T"],\
      "tags": [],\
      "source": "https://example.org/live-reload-check"\
    },' "$LIVE/news.json" >"$LIVE/.news.json.tmp"
mv "$LIVE/.news.json.tmp" "$LIVE/news.json"
wait_for "Live reload check" 10
wait_for "fixtures changed: +1 news"
keys R
wait_for "reloaded: no changes"
# A file broken in the middle of an edit leaves the data on screen and says why.
printf '{ "schemaVersion": 1, "news": [' >"$LIVE/news.json"
wait_for "not reloaded"
wait_for "Live reload check"
keys q
check_restored live 0
