#!/usr/bin/env bash
# The figures we report: the size of what the browser downloads (release
# build, after wasm-opt; raw, gzip and brotli as the server sends them) and how
# long the voice users API takes to list and search (cargo bench), on
# SQLite, then on PostgreSQL (a throwaway cluster, scripts/pg.sh).
#
# The bundle is split (`--split`): the first page needs the main WASM, its JS
# and the stylesheet; each page in app/src/lazy_pages.rs brings chunks of its
# own when first opened, listed per page (a chunk two pages share is counted
# in both).
#
#   bash scripts/measure.sh           # build for release, then measure
#   bash scripts/measure.sh --no-build
#   bash scripts/measure.sh --sizes   # build, sizes only (no bench)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$PWD/end2end/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if [[ ${1:-} != --no-build ]]; then
  bash scripts/setup.sh
  cargo leptos build --release --precompress --split
fi

pkg=${LEPTOS_SITE_ROOT:-target/site}/pkg
# File names carry content hashes (hash-files in Cargo.toml), e.g.
# switchboard.<hash>.wasm; the split manifest says which chunks each lazily
# loaded page needs.
node - "$pkg" <<'EOF'
const fs = require('fs');
const path = require('path');
const pkg = process.argv[2];
const files = fs.readdirSync(pkg);
const size = (f) => (fs.existsSync(path.join(pkg, f)) ? fs.statSync(path.join(pkg, f)).size : 0);
const sizes = (f) => [size(f), size(`${f}.gz`), size(`${f}.br`)];
const add = (a, b) => a.map((x, i) => x + b[i]);
const named = (re) => files.find((f) => re.test(f));
const row = (label, s) =>
  console.log(`${label.padEnd(34)} ${s.map((n) => n.toLocaleString('en-US').padStart(11)).join(' ')}`);

console.log(`\n${'first page'.padEnd(34)} ${['raw B', 'gzip B', 'brotli B'].map((h) => h.padStart(11)).join(' ')}`);
let first = [0, 0, 0];
for (const [label, re] of [
  ['switchboard.wasm', /^switchboard\.[^.]+\.wasm$|^switchboard\.wasm$/],
  ['switchboard.js', /^switchboard\.[^.]+\.js$|^switchboard\.js$/],
  ['switchboard.css', /^switchboard\.[^.]+\.css$|^switchboard\.css$/],
]) {
  const file = named(re);
  if (!file) throw new Error(`no ${label} in ${pkg}`);
  row(label, sizes(file));
  first = add(first, sizes(file));
}
row('  total', first);

const manifestFile = named(/^__wasm_split_manifest.*\.json$/);
if (!manifestFile) {
  console.log('\n(no split manifest: built without --split)');
  process.exit(0);
}
const loader = named(/^__wasm_split\..*\.js$/);
const manifest = JSON.parse(fs.readFileSync(path.join(pkg, manifestFile), 'utf8'));
console.log(`\n${'lazily loaded, on top of the first'.padEnd(34)} ${['raw B', 'gzip B', 'brotli B'].map((h) => h.padStart(11)).join(' ')}`);
row('chunk loader (__wasm_split.js)', sizes(loader));
const all = new Set();
for (const [split, chunks] of Object.entries(manifest).sort()) {
  let total = [0, 0, 0];
  for (const chunk of chunks) {
    total = add(total, sizes(`${chunk}.wasm`));
    all.add(chunk);
  }
  const page = split.replace(/^__/, '').replace(/_route_view_\d+$/, '');
  row(`${page} (${chunks.length} chunks)`, total);
}
let total = [0, 0, 0];
for (const chunk of all) total = add(total, sizes(`${chunk}.wasm`));
row(`all ${all.size} chunks, each once`, total);
EOF

[[ ${1:-} == --sizes ]] && exit 0

bench() { RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg erase_components" cargo bench -p server --bench api -- "$@"; }

printf '\nVoice users API over HTTP (release build, %s runs per row), on SQLite:\n' 200
bench

printf '\nThe same on PostgreSQL:\n'
pg_dir=$(mktemp -d)
trap 'bash scripts/pg.sh stop "$pg_dir"' EXIT
bench --postgres="$(bash scripts/pg.sh start "$pg_dir")"
