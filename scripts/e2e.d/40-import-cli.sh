# Import from the command line: a press release into a copy of the bundled fixtures, then the
# copy validates, a second import changes nothing, and an invalid feed exits 65 and writes nothing.
import_fixtures="$WORK/import-fixtures"
mkdir -p "$import_fixtures"
import_source="$(dirname "$0")/../fixtures"
cp "$import_source/sectors.json" "$import_source/organizations.json" "$import_source/news.json" "$import_fixtures/"
import_failures=$FAILED
news_before=$("$BINARY" validate "$import_fixtures" | sed -n 's/.* \([0-9][0-9]*\) news items.*/\1/p')
cat >"$WORK/import-release.txt" <<'RELEASE'
Intersputnik and EUTELSAT IGO sign a memorandum on WRC-27 preparations
International Cooperation
15 March 2026

Intersputnik and the European Telecommunications Satellite Organization signed a memorandum in Moscow.
RELEASE
if ! "$BINARY" import "$WORK/import-release.txt" --fixtures "$import_fixtures" | grep -q '^added'; then
    fail "import: the press release was not added"
fi
"$BINARY" validate "$import_fixtures" | grep -q " $((news_before + 1)) news items" || fail "import: the fixtures do not validate with the new item"
before=$(cksum <"$import_fixtures/news.json")
"$BINARY" import "$WORK/import-release.txt" --fixtures "$import_fixtures" >/dev/null || fail "import: a second import failed"
printf '<rss version="2.0">\n<channel><item><title>x</titel></channel></rss>\n' >"$WORK/import-bad.xml"
status=0
"$BINARY" import "$WORK/import-bad.xml" --fixtures "$import_fixtures" >/dev/null 2>"$WORK/import-bad.err" || status=$?
[ "$status" -eq 65 ] || fail "import: an invalid feed gave exit status $status, not 65"
grep -q 'import-bad.xml:2:' "$WORK/import-bad.err" || fail "import: the invalid feed's message has no line and column"
[ "$(cksum <"$import_fixtures/news.json")" = "$before" ] || fail "import: news.json changed after a duplicate and an invalid import"
[ "$FAILED" -eq "$import_failures" ] && pass "import: a press release added, validated, idempotent; an invalid feed refused with file:line:column"
