#!/usr/bin/env bash
# Builds Switchboard for release and starts it with the Contoso demo data.
#
#   bash scripts/run.sh [server flags...]   e.g. --listen 0.0.0.0:8080
#
# The address, data directory and demo data follow SWITCHBOARD_LISTEN,
# SWITCHBOARD_DATA_DIR (or DATABASE_URL) and SWITCHBOARD_DEMO; flags given
# to this script go to the server and win over them. The demo data is only
# loaded into an empty database, so a second run keeps your changes.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh

# wasm-opt (from the binaryen npm package) shrinks the release WASM bundle.
export PATH="$PWD/end2end/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

echo "==> Building Switchboard (release)"
# --split: the pages in app/src/lazy_pages.rs load their code when first opened.
cargo leptos build --release --precompress --split

# Cargo's target directory, wherever CARGO_TARGET_DIR or .cargo/config put it.
target_dir=$(cargo metadata --no-deps --format-version 1 |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))')

export SWITCHBOARD_DEMO="${SWITCHBOARD_DEMO:-contoso}"
echo "==> Starting Switchboard (demo data: $SWITCHBOARD_DEMO); Ctrl+C stops it"
exec "$target_dir/release/switchboard" "$@"
