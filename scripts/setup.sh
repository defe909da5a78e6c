#!/usr/bin/env bash
# Installs what building and testing Switchboard needs, and only what is
# missing: a second run does nothing and takes a second or two.
#
#   Debian packages  chromium (Playwright drives it), fonts, a C toolchain,
#                    PostgreSQL (a second store the tests run on), Kamailio
#                    and SIPp (a real phone system to provision to)
#   Rust             the wasm32 target, cargo-leptos, wasm-bindgen-cli
#   npm              end2end/node_modules (Playwright, wasm-opt from binaryen)
#
# Assumes a Rust toolchain installed with rustup, node and npm. Needs no
# input; runs as root (or with sudo available for apt-get).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

CARGO_LEPTOS_VERSION=0.3.10

say() { printf '==> %s\n' "$*"; }
die() { printf 'setup: %s\n' "$*" >&2; exit 1; }

for tool in cargo rustup node npm; do
  command -v "$tool" >/dev/null || die "$tool is not installed (need a rustup toolchain, node and npm)"
done

# --- Debian packages --------------------------------------------------------
# chromium: Playwright can't download its own browser here, it uses Debian's.
# fonts-liberation: headless Chromium needs a font to lay text out.
# build-essential, perl, pkg-config: build crates with C parts (SQLite,
# cargo-leptos's vendored OpenSSL).
# postgresql: the tests run the API suite and two servers on a throwaway
# cluster too (scripts/pg.sh); its service is not used.
# kamailio, sip-tester: provisioning's tests start a SIP server of their own
# on loopback (kamailio/switchboard.cfg) and call through it with SIPp; the
# packaged service is not used.
apt_packages=(chromium fonts-liberation build-essential perl pkg-config postgresql kamailio sip-tester)
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if ((${#missing[@]})); then
  say "Installing Debian packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq "${missing[@]}" </dev/null
fi

# --- Rust -------------------------------------------------------------------
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# Whether version output ($3) reads "$1 $2", e.g. "cargo-leptos 0.3.10".
has_version() { grep -qE "^$1 ${2//./\\.}([^0-9]|$)" <<<"$3"; }

if ! has_version cargo-leptos "$CARGO_LEPTOS_VERSION" "$(cargo leptos --version 2>/dev/null)"; then
  say "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 20 minutes on 2 cores)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --force
fi

# wasm-bindgen-cli must be the very version of the wasm-bindgen crate the app
# is built with; Cargo.lock says which.
wasm_bindgen_version=$(awk '
  $0 == "name = \"wasm-bindgen\"" { found = 1; next }
  found && /^version = / { gsub(/"/, "", $3); print $3; exit }
' Cargo.lock)
[[ -n $wasm_bindgen_version ]] || die "could not read the wasm-bindgen version from Cargo.lock"
if ! has_version wasm-bindgen "$wasm_bindgen_version" "$(wasm-bindgen --version 2>/dev/null)"; then
  say "Installing wasm-bindgen-cli $wasm_bindgen_version"
  cargo install wasm-bindgen-cli --version "$wasm_bindgen_version" --force
fi

# --- npm --------------------------------------------------------------------
# npm writes node_modules/.package-lock.json on every install: if it is older
# than package-lock.json, the lock file changed since.
if [[ ! -f end2end/node_modules/.package-lock.json ||
      end2end/package-lock.json -nt end2end/node_modules/.package-lock.json ]]; then
  say "Installing end2end's npm packages"
  (cd end2end && npm ci --no-audit --no-fund)
fi
