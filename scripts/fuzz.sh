#!/usr/bin/env bash
# Builds one libFuzzer target of Fuzz/ and runs it for a while.
#
# Usage: scripts/fuzz.sh TARGET SECONDS     run Fuzz/TARGET for SECONDS (0: build only)
#        scripts/fuzz.sh --list              print every target (each folder of Fuzz/ with an entry.swift)
#
# A target is a folder Fuzz/TARGET/ with:
#   entry.swift  defines LLVMFuzzerTestOneInput (@_cdecl) and imports the modules it tests;
#   modules      the Sources modules it needs, one per line, in dependency order; system-library
#                modules (a Sources folder with a module.modulemap, such as CNcurses) included,
#                with the compiler and linker flags of their pkgConfig name in Package.swift;
#   corpus/      small seed inputs.
#
# Each Swift module is compiled once, as its own module (-enable-testing, so @testable import
# works), with -sanitize=fuzzer,address, into .build-fuzz/modules/, and rebuilt when one of its
# sources, the sources of a module listed before it (its dependencies come first) or this script
# is newer; a lock per module lets several targets build at once. The entry is then linked with
# the objects of its modules and run on a copy of the seed corpus. The Swift runtime's
# backtracer is turned off in the fuzzer (SWIFT_BACKTRACE=enable=no): libFuzzer and
# AddressSanitizer report the crash themselves, and the two reporters together misbehave.
#
# Exit status: 0 when the run found nothing; 1 when it found a crash, a leak or a timeout (the
# input that triggers it is printed: replay it with the printed command); 2 on a usage or build error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/.build-fuzz"

usage() {
    sed -n '4,5p' "${BASH_SOURCE[0]}" | sed 's/^# //' >&2
    exit 2
}

list_targets() {
    local entry
    for entry in "$ROOT"/Fuzz/*/entry.swift; do
        [[ -f $entry ]] && basename "$(dirname "$entry")"
    done
    return 0
}

if [[ ${1:-} == --list ]]; then
    list_targets
    exit 0
fi
[[ $# -eq 2 ]] || usage
TARGET=$1
DURATION=$2
TARGET_DIR="$ROOT/Fuzz/$TARGET"
[[ $DURATION =~ ^[0-9]+$ ]] || { echo "fuzz: SECONDS must be a whole number, not '$DURATION'" >&2; exit 2; }
[[ -f $TARGET_DIR/entry.swift ]] || {
    echo "fuzz: no target '$TARGET' (expected $TARGET_DIR/entry.swift); targets: $(list_targets | tr '\n' ' ')" >&2
    exit 2
}
[[ -f $TARGET_DIR/modules ]] || { echo "fuzz: $TARGET_DIR/modules is missing" >&2; exit 2; }

# Flags shared by every module and the entry: optimized (a fuzzer lives on speed) but with
# assert() kept, Swift 6, and the fuzzer's coverage and AddressSanitizer instrumentation.
SWIFT_FLAGS=(-swift-version 6 -O -assert-config Debug -g -sanitize=fuzzer,address -parse-as-library -warnings-as-errors -use-ld=lld)
MODULES_DIR="$BUILD/modules"
mkdir -p "$MODULES_DIR"

include_flags=(-I "$MODULES_DIR")
link_flags=()
objects=()
dependency_dirs=()

# pkg_config_name NAME: the pkgConfig name Package.swift gives the system-library target NAME
# (looked for within the few lines after its name), or nothing.
pkg_config_name() {
    awk -v wanted="name: \"$1\"" '
        index($0, wanted) { found = NR }
        found && NR <= found + 3 && match($0, /pkgConfig: "[^"]+"/) {
            print substr($0, RSTART + 12, RLENGTH - 13)
            exit
        }' "$ROOT/Package.swift"
}

# build_module NAME: compiles Sources/NAME into MODULES_DIR/NAME.o and NAME.swiftmodule when
# a source is newer than the object (or the object is missing).
build_module() {
    local name=$1 source_dir="$ROOT/Sources/$1"
    local object="$MODULES_DIR/$name.o"
    local sources=()
    while IFS= read -r -d '' file; do sources+=("$file"); done \
        < <(find "$source_dir" -name '*.swift' -print0 | sort -z)
    if ((${#sources[@]} == 0)); then
        echo "fuzz: Sources/$name has no Swift files and no module.modulemap" >&2
        exit 2
    fi
    (
        flock 9
        # Up to date: an object newer than this script, its sources and the sources of every
        # module before it in the list (its dependencies come first; a module compiled against
        # an older layout of one of them would read its values wrongly). Sources, not objects:
        # another target may compile an unrelated module later, which must not make this stale.
        if [[ -f $object && ! ${BASH_SOURCE[0]} -nt $object ]] \
            && [[ -z $(find "$source_dir" ${dependency_dirs[@]+"${dependency_dirs[@]}"} -newer "$object" -name '*.swift' -print -quit) ]]; then
            exit 0
        fi
        echo "fuzz: compiling module $name"
        swiftc "${SWIFT_FLAGS[@]}" "${include_flags[@]}" -enable-testing -module-name "$name" \
            -emit-module -emit-module-path "$MODULES_DIR/$name.swiftmodule" \
            -wmo -c -o "$object.partial" "${sources[@]}"
        mv "$object.partial" "$object"
    ) 9>"$MODULES_DIR/$name.lock"
}

while IFS= read -r line || [[ -n $line ]]; do
    module=${line%%#*}
    module=${module//[[:space:]]/}
    [[ -n $module ]] || continue
    if [[ ! -d $ROOT/Sources/$module ]]; then
        echo "fuzz: $TARGET_DIR/modules names '$module', which is not a folder of Sources/" >&2
        exit 2
    fi
    if [[ -f $ROOT/Sources/$module/module.modulemap ]]; then
        include_flags+=(-I "$ROOT/Sources/$module")
        package=$(pkg_config_name "$module")
        if [[ -n $package ]]; then
            read -r -a package_flags <<<"$(pkg-config --cflags "$package")"
            for flag in "${package_flags[@]}"; do include_flags+=(-Xcc "$flag"); done
            read -r -a package_libraries <<<"$(pkg-config --libs "$package")"
            link_flags+=("${package_libraries[@]}")
        fi
    else
        build_module "$module"
        objects+=("$MODULES_DIR/$module.o")
        dependency_dirs+=("$ROOT/Sources/$module")
    fi
done <"$TARGET_DIR/modules"

OUT="$BUILD/targets/$TARGET"
mkdir -p "$OUT"
echo "fuzz: linking $TARGET"
swiftc "${SWIFT_FLAGS[@]}" "${include_flags[@]}" -module-name "Fuzz_${TARGET//[^A-Za-z0-9]/_}" \
    "$TARGET_DIR/entry.swift" "${objects[@]}" ${link_flags[@]+"${link_flags[@]}"} -o "$OUT/fuzzer"

if ((DURATION == 0)); then
    echo "fuzz: built $OUT/fuzzer"
    exit 0
fi

# A fresh copy of the seeds: what the fuzzer adds to its corpus stays in the build folder.
rm -rf "$OUT/corpus" "$OUT/artifacts"
mkdir -p "$OUT/corpus" "$OUT/artifacts"
if [[ -d $TARGET_DIR/corpus ]]; then cp -R "$TARGET_DIR/corpus/." "$OUT/corpus/"; fi

echo "fuzz: running $TARGET for ${DURATION}s (log: $OUT/log.txt)"
status=0
(cd "$OUT" && SWIFT_BACKTRACE=enable=no "$OUT/fuzzer" \
    -max_total_time="$DURATION" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$OUT/artifacts/" "$OUT/corpus") >"$OUT/log.txt" 2>&1 || status=$?
grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)' "$OUT/log.txt" || true

found=$(find "$OUT/artifacts" -type f | sort)
if ((status != 0)) || [[ -n $found ]]; then
    echo "fuzz: $TARGET FAILED (fuzzer exit status $status); the end of its log:" >&2
    tail -n 60 "$OUT/log.txt" >&2
    for input in $found; do
        echo "fuzz: crashing input: $input" >&2
        echo "fuzz: replay with: SWIFT_BACKTRACE=enable=no $OUT/fuzzer $input" >&2
    done
    exit 1
fi
echo "fuzz: $TARGET passed: no crash in ${DURATION}s"
