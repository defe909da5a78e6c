#!/usr/bin/env bash
# The figures we report: the size of what the browser downloads (release
# build, after wasm-opt; raw, gzip and brotli as the server sends them) and how
# long the voice users API takes to list and search (cargo bench).
#
#   bash scripts/measure.sh           # build for release, then measure
#   bash scripts/measure.sh --no-build
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/end2end/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [[ ${1:-} != --no-build ]]; then
  bash scripts/setup.sh
  cargo leptos build --release --precompress
fi

pkg=${LEPTOS_SITE_ROOT:-target/site}/pkg
size() { [[ -f $1 ]] && wc -c <"$1" || echo "-"; }
printf '\n%-22s %10s %10s %10s\n' "asset" "raw B" "gzip B" "brotli B"
for file in switchboard.wasm switchboard.js switchboard.css; do
  printf '%-22s %10s %10s %10s\n' "$file" "$(size "$pkg/$file")" "$(size "$pkg/$file.gz")" "$(size "$pkg/$file.br")"
done

printf '\nVoice users API over HTTP (release build, %s runs per row):\n' 200
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg erase_components" cargo bench -p server --bench api
