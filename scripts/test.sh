#!/usr/bin/env bash
# Everything CI checks, in order, stopping at the first failure:
#   1. setup (installs what is missing)
#   2. cargo test --workspace: the domain rules, store and API tests (on
#      SQLite; provisioning's against a Kamailio and SIPp they start on
#      loopback), then the API tests again on PostgreSQL: a throwaway
#      cluster (scripts/pg.sh) in a temporary folder, stopped when this
#      script ends
#   3. cargo leptos build --release --precompress --split: what
#      scripts/run.sh serves, the one build the browser tests use (the main
#      bundle and the lazily loaded pages' chunks)
#   4. release smoke test: the server starts, sends its security headers,
#      names the content-hashed bundle and sends it precompressed and
#      cacheable for a year
#   5. Playwright: one spec per procedure, against freshly seeded release
#      servers (one of 100,000 users, one provisioning to the simulated
#      phone system) and two servers sharing one database on that
#      PostgreSQL cluster; a test that fails, or passes only on a retry
#      (flaky), fails the run
# Respects CARGO_TARGET_DIR. Extra arguments go to the Playwright run of
# step 5, e.g.
#   bash scripts/test.sh remove-number
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
# Each step says how long the run has taken so far (the figures the ~30 minute
# budget is checked against).
step() { printf '\n==> %s  [%dm%02ds]\n' "$*" $((SECONDS / 60)) $((SECONDS % 60)); }
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

# What this script leaves running is stopped however it ends: the
# PostgreSQL cluster here, the release smoke server further down.
cleanups=()
cleanup() {
  local c
  for c in "${cleanups[@]}"; do "$c"; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

step "cargo test --workspace"
# cargo-leptos builds the debug server with `--cfg erase_components` added to
# RUSTFLAGS and LEPTOS_OUTPUT_NAME set: the same here lets the builds share.
RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg erase_components" LEPTOS_OUTPUT_NAME="$output_name" \
  cargo test --workspace || fail "cargo test --workspace"

step "API tests on PostgreSQL"
pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-pg.XXXXXX") || fail "making a temporary directory"
stop_pg() { bash "$root/scripts/pg.sh" stop "$pg_dir" || true; }
cleanups+=(stop_pg)
pg_url=$(bash scripts/pg.sh start "$pg_dir") || fail "starting PostgreSQL (log: $pg_dir/log)"
echo "PostgreSQL: $pg_url"
# Every test gets a database of its own on the cluster (server/tests/api/helpers/postgres.rs).
SWITCHBOARD_TEST_PG="$pg_url" RUSTFLAGS="${RUSTFLAGS:+$RUSTFLAGS }--cfg erase_components" \
  LEPTOS_OUTPUT_NAME="$output_name" cargo test -p server --test api ||
  fail "API tests on PostgreSQL (SWITCHBOARD_TEST_PG=$pg_url)"
# The database two Playwright servers share (two-servers.spec.ts).
psql "$pg_url" -X -q -v ON_ERROR_STOP=1 -c 'CREATE DATABASE switchboard_e2e' </dev/null ||
  fail "creating the end-to-end tests' PostgreSQL database"
export SWITCHBOARD_E2E_PG="${pg_url%/*}/switchboard_e2e"

# Runs Playwright in end2end/ with the given arguments and prints one plain
# closing line with the counts, e.g. "end2end: 40 passed, 0 flaky, 0 failed,
# 0 skipped". Fails on a failed test and on a flaky one (passed on a retry).
run_playwright() {
  local label=$1 results=$2
  shift 2
  rm -f "$results"
  local status=0
  PLAYWRIGHT_JSON_OUTPUT_NAME="$results" npx playwright test --reporter=list,json "$@" || status=$?
  [[ -f $results ]] || fail "$label: Playwright wrote no results (exit status $status)"
  node -e '
    const { stats } = require(process.argv[1]);
    console.log(`${process.argv[2]}: ${stats.expected} passed, ${stats.flaky} flaky, ` +
      `${stats.unexpected} failed, ${stats.skipped} skipped`);
  ' "$PWD/$results" "$label" || fail "$label: reading $results"
  local flaky
  flaky=$(node -p 'require(process.argv[1]).stats.flaky' "$PWD/$results")
  ((flaky == 0)) || fail "$label: $flaky flaky test(s), passed only on a retry; a flaky test is a failure"
  ((status == 0)) || fail "$label (traces and screenshots: end2end/test-results)"
}

# The release build is what scripts/run.sh serves, and what the browser
# tests run against: one build of the server and the bundle, not two.
# --split: the pages in app/src/lazy_pages.rs load their code when first
# opened; without it their chunks' imports would be left dangling.
step "cargo leptos build --release --split (what scripts/run.sh serves)"
cd "$root"
PATH="$root/end2end/node_modules/.bin:$PATH" cargo leptos build --release --precompress --split ||
  fail "cargo leptos build --release"
# cargo-leptos writes the site to site-root under the workspace, not under
# CARGO_TARGET_DIR (LEPTOS_SITE_ROOT, when set, overrides both).
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-$root/$(meta 'm.metadata.leptos[0]["site-root"]')}"
[[ -d $LEPTOS_SITE_ROOT/pkg ]] || fail "finding the site: no $LEPTOS_SITE_ROOT/pkg"

step "Release smoke test: the release server, its headers and its hashed, precompressed assets"
release_bin="$target_dir/release/switchboard"
[[ -x $release_bin ]] || fail "finding the release binary: nothing at $release_bin"
pkg="$LEPTOS_SITE_ROOT/pkg"
smoke=$(mktemp -d "${TMPDIR:-/tmp}/switchboard-smoke.XXXXXX") || fail "making a temporary directory"
smoke_pid=""
# Stops the smoke server and removes its data, however this script ends.
stop_smoke() {
  if [[ -n $smoke_pid ]]; then
    kill "$smoke_pid" 2>/dev/null || true
    wait "$smoke_pid" 2>/dev/null || true
    smoke_pid=""
  fi
  rm -rf "$smoke"
}
cleanups+=(stop_smoke)

# Port 0: the system picks a free port, and the server says which.
(
  unset DATABASE_URL
  SWITCHBOARD_ADMIN_PASSWORD="release-smoke-pass-7q2x" exec "$release_bin" --listen 127.0.0.1:0 \
    --data-dir "$smoke/data" --demo contoso --site-root "$LEPTOS_SITE_ROOT"
) >"$smoke/server.log" 2>&1 &
smoke_pid=$!
url=""
for _ in $(seq 1 150); do
  url=$(sed -n 's|^Switchboard is listening on \(http://[0-9.:]*\)$|\1|p' "$smoke/server.log")
  [[ -n $url ]] && break
  kill -0 "$smoke_pid" 2>/dev/null || { cat "$smoke/server.log" >&2; fail "release smoke: the server stopped"; }
  sleep 0.2
done
[[ -n $url ]] || { cat "$smoke/server.log" >&2; fail "release smoke: the server did not start within 30 s"; }
echo "release server: $url"

# Fetches $1 (a path) with extra curl arguments; leaves the status in
# $smoke/status, the headers in $smoke/headers and the body in $smoke/body.
fetch() {
  local path=$1
  shift
  curl -sS "$@" -D "$smoke/headers" -o "$smoke/body" -w '%{http_code}' "$url$path" >"$smoke/status" ||
    fail "release smoke: fetching $path"
}
# The value of header $1 in the last response (names are case-insensitive).
header() {
  sed -n "s/^$1: *//Ip" "$smoke/headers" | tr -d '\r' | head -n 1
}
expect_header() {
  local name=$1 want=$2 got
  got=$(header "$name")
  [[ $got =~ $want ]] || fail "release smoke: $name is '$got', expected /$want/ (for $3)"
}

fetch /
[[ $(<"$smoke/status") == 200 ]] || fail "release smoke: / answered $(<"$smoke/status"), expected 200"
expect_header Content-Security-Policy "'nonce-[A-Za-z0-9+/=_-]+'" /
expect_header X-Frame-Options '^DENY$' /
expect_header X-Content-Type-Options '^nosniff$' /
expect_header Referrer-Policy '^same-origin$' /
expect_header Cache-Control '^no-store$' /
# The nonce of this response is the one on the page's inline script.
nonce=$(header Content-Security-Policy | sed -n "s/.*'nonce-\([^']*\)'.*/\1/p")
grep -qF "nonce=\"$nonce\"" "$smoke/body" || fail "release smoke: no element of / carries the CSP nonce $nonce"
echo "/: 200, no-store, Content-Security-Policy with nonce $nonce (on the page too), X-Frame-Options DENY, nosniff, same-origin"

# The page names the bundle by its content-hashed file names (hash-files in
# Cargo.toml; the server reads them from hash.txt beside its binary).
page="$smoke/page.html"
cp "$smoke/body" "$page"
named() {
  grep -o "/pkg/$1\.[A-Za-z0-9_-]\{22\}\.$2\"" "$page" | head -n 1 | sed 's|^/pkg/||; s|"$||'
}
wasm=$(named switchboard wasm) js=$(named switchboard js) css=$(named switchboard css)
[[ -n $wasm && -n $js && -n $css ]] ||
  fail "release smoke: / does not name the hashed switchboard.<hash>.wasm, .js and .css (no hash.txt beside $release_bin?)"
# A lazily loaded page's chunk (app/src/lazy_pages.rs), from the site itself.
chunk=$(cd "$pkg" && ls split___voice_users_route_view_*.wasm 2>/dev/null | head -n 1)
[[ -n $chunk ]] || fail "release smoke: no chunk of the Voice users page in $pkg (built without --split?)"

# The browser's bundle: asked with Accept-Encoding: br, each file comes as
# its precompressed .br sibling, byte for byte, with its own content type,
# cacheable for a year: a new build has new names.
for asset in "$wasm":'^application/wasm$' "$js":'^(text|application)/javascript' \
  "$css":'^text/css' "$chunk":'^application/wasm$'; do
  file=${asset%%:*} type=${asset#*:}
  [[ -f $pkg/$file.br ]] || fail "release smoke: no $pkg/$file.br (built without --precompress?)"
  fetch "/pkg/$file" -H 'Accept-Encoding: br'
  [[ $(<"$smoke/status") == 200 ]] || fail "release smoke: /pkg/$file answered $(<"$smoke/status")"
  expect_header Content-Encoding '^br$' "/pkg/$file"
  expect_header Content-Type "$type" "/pkg/$file"
  expect_header Cache-Control '^public, max-age=31536000, immutable$' "/pkg/$file"
  size=$(stat -c %s "$smoke/body") want=$(stat -c %s "$pkg/$file.br")
  ((size == want)) || fail "release smoke: /pkg/$file sent $size bytes, $file.br has $want"
  cmp -s "$smoke/body" "$pkg/$file.br" || fail "release smoke: /pkg/$file is not $file.br"
  echo "/pkg/$file: br, $(header Content-Type), immutable, $size bytes = $file.br"
done
stop_smoke

step "Playwright end-to-end specs, against the release build"
cd "$root/end2end"
# The config starts its servers from SWITCHBOARD_BIN; the release build
# wrote its WASM, JS and CSS to the site ($LEPTOS_SITE_ROOT). The
# 100,000-user spec reports the release build's keystroke-to-grid latency.
export SWITCHBOARD_BIN="$release_bin"
run_playwright end2end test-results/summary.json "$@"

step "All checks passed"
