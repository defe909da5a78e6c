#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
#   1. setup (installs what is missing)
#   2. cargo test --workspace: the domain rules, store and API tests
#   3. cargo leptos build: the debug server and WASM bundle the browser loads
#   4. Playwright: one spec per procedure, against three freshly seeded servers
#   5. cargo leptos build --release: what scripts/run.sh serves
# Respects CARGO_TARGET_DIR. Extra arguments go to Playwright, e.g.
#   bash scripts/test.sh remove-number
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\ntest.sh: FAILED at: %s\n' "$*" >&2; exit 1; }

step "Setup"
bash scripts/setup.sh || fail "setup (scripts/setup.sh)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# Reads a value from `cargo metadata`: a JavaScript expression over `m`.
metadata=$(cargo metadata --no-deps --format-version 1) || fail "cargo metadata"
meta() {
  node -e 'const m = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(eval(process.argv[1]));' \
    "$1" <<<"$metadata"
}
target_dir=$(meta 'm.target_directory')
# The name cargo-leptos gives the WASM bundle (output-name, else the project's
# name), which it also passes to the server build as LEPTOS_OUTPUT_NAME.
output_name=$(meta 'm.metadata.leptos[0]["output-name"] || m.metadata.leptos[0].name')

step "cargo test --workspace"
# cargo-leptos builds the debug server with `--cfg erase_components` added to
# RUSTFLAGS and LEPTOS_OUTPUT_NAME set: the same here lets the builds share.
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg erase_components" LEPTOS_OUTPUT_NAME="$output_name" \
  cargo test --workspace || fail "cargo test --workspace"

step "cargo leptos build (debug)"
cargo leptos build || fail "cargo leptos build"

export SWITCHBOARD_BIN="$target_dir/debug/switchboard"
# cargo-leptos writes the site to site-root under the workspace, not under
# CARGO_TARGET_DIR (LEPTOS_SITE_ROOT, when set, overrides both).
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$root/$(meta 'm.metadata.leptos[0]["site-root"]')}"
[[ -x $SWITCHBOARD_BIN ]] || fail "finding the server binary: nothing at $SWITCHBOARD_BIN"
[[ -d $LEPTOS_SITE_ROOT/pkg ]] || fail "finding the site: no $LEPTOS_SITE_ROOT/pkg"

step "Playwright end-to-end specs"
cd end2end
results=test-results/summary.json
rm -f "$results"
status=0
PLAYWRIGHT_JSON_OUTPUT_NAME="$results" npx playwright test --reporter=list,json "$@" || status=$?
if [[ -f $results ]]; then
  # One plain closing line with the counts.
  node -e '
    const { stats } = require(process.argv[1]);
    const passed = stats.expected + stats.flaky;
    console.log(`end2end: ${passed} passed, ${stats.unexpected} failed, ${stats.skipped} skipped`);
  ' "$PWD/$results"
fi
((status == 0)) || fail "Playwright end-to-end specs (traces and screenshots: end2end/test-results)"

# The release build is what scripts/run.sh serves; it compiles differently
# (no erase_components, wasm-opt), so it has to build here too.
step "cargo leptos build --release (what scripts/run.sh serves)"
cd "$root"
PATH="$root/end2end/node_modules/.bin:$PATH" cargo leptos build --release --precompress ||
  fail "cargo leptos build --release"

step "All checks passed"
