#!/usr/bin/env bash
# Installs itu-browser for the current user, so that it works from any directory.
#
# Usage: scripts/install.sh [--configuration release|debug] [PREFIX]
#        (default: release, and PREFIX ~/.local)
#
# Builds in release mode with the Swift runtime and Foundation linked statically (a command then
# starts faster: the dynamic loader binds a few libraries instead of some twenty; the fetch
# helper's static FoundationNetworking needs libcurl4-openssl-dev), or in debug mode, which the
# end-to-end test uses to install the build it has just made instead of compiling the package a
# second time. Copies the binary and its fetch helper (itu-browser-fetch, which `import` runs for
# http(s) sources and looks for beside itu-browser) to PREFIX/bin and the bundled fixtures
# to $XDG_DATA_HOME/itu-browser/fixtures (default ~/.local/share/itu-browser/fixtures), where
# the binary looks for its data when no --fixtures, ITU_BROWSER_FIXTURES or config says
# otherwise. Running it again replaces them.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

configuration=release
if [[ ${1:-} == --configuration || ${1:-} == -c ]]; then
    configuration=${2:-}
    shift 2 || true
fi
case $configuration in
    release | debug) ;;
    *) echo "install: --configuration must be release or debug, not '$configuration'" >&2; exit 2 ;;
esac
if [[ $# -gt 1 || ${1:-} == -* ]]; then
    sed -n '4,5p' "${BASH_SOURCE[0]}" | sed 's/^# //' >&2
    exit 2
fi
prefix=${1:-$HOME/.local}
data_home=${XDG_DATA_HOME:-}
case $data_home in
    /*) ;;
    *) data_home="$HOME/.local/share" ;;
esac
fixtures="$data_home/itu-browser/fixtures"

build_options=(-c "$configuration")
if [[ $configuration == release ]]; then build_options+=(--static-swift-stdlib); fi
echo "==> building itu-browser ($configuration)"
# Building itu-browser builds its fetch helper too (a dependency in Package.swift).
swift build "${build_options[@]}" --product itu-browser
bin_path="$(swift build "${build_options[@]}" --show-bin-path)"

install -d "$prefix/bin"
for program in itu-browser-fetch itu-browser; do
    echo "==> installing $prefix/bin/$program"
    install -m 0755 "$bin_path/$program" "$prefix/bin/$program.new"
    mv -f "$prefix/bin/$program.new" "$prefix/bin/$program"
done

echo "==> installing the fixtures in $fixtures"
install -d "$fixtures"
for file in sectors.json organizations.json news.json; do
    install -m 0644 "fixtures/$file" "$fixtures/$file"
done

echo "installed: $prefix/bin/itu-browser and its fetch helper (data: $fixtures)"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "note: $prefix/bin is not on your PATH; add it, or run $prefix/bin/itu-browser" ;;
esac
