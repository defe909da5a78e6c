#!/usr/bin/env bash
# A Kamailio SIP server on loopback that Switchboard provisions to
# (kamailio/switchboard.cfg), for the demo and for trying it by hand.
#
#   scripts/kamailio.sh start DIR   start Kamailio with its runtime files in
#                                   DIR (created if absent), SIP on UDP port
#                                   SIP_PORT (default 5060) and JSON-RPC on
#                                   TCP port RPC_PORT (default 5092); print
#                                   the JSON-RPC URL to give Switchboard:
#                                     http://127.0.0.1:5092/RPC
#                                   Log: DIR/log. Already running: just print.
#   scripts/kamailio.sh stop DIR    stop it.
#
# Then: switchboard --phone-system kamailio --kamailio-url <that URL>.
# Phones register sip:<username> at 127.0.0.1:SIP_PORT; a call to an
# assigned number reaches its holder's phone, any other gets 404.
# The tests start Kamailio themselves (server/tests/api/provisioning/).
set -euo pipefail

die() { printf 'kamailio.sh: %s\n' "$*" >&2; exit 1; }
[[ $# -eq 2 ]] || die "usage: $0 start|stop DIR"
command -v kamailio >/dev/null || die "kamailio is not installed (scripts/setup.sh installs it)"

cd "$(dirname "${BASH_SOURCE[0]}")/.."
config=$PWD/kamailio/switchboard.cfg
dir=$(realpath -m -- "$2")
pidfile=$dir/kamailio.pid
sip_port=${SIP_PORT:-5060}
rpc_port=${RPC_PORT:-5092}

running() { [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

case $1 in
  start)
    mkdir -p "$dir"
    if ! running; then
      kamailio -f "$config" -A "SIP_PORT=$sip_port" -A "RPC_PORT=$rpc_port" -M 64 \
        -Y "$dir" -w "$dir" -P "$pidfile" >"$dir/log" 2>&1 </dev/null ||
        die "Kamailio did not start (log: $dir/log)"
      for _ in $(seq 1 50); do
        curl -sf -m 1 -d '{"jsonrpc":"2.0","method":"core.version","id":1}' \
          "http://127.0.0.1:$rpc_port/RPC" >/dev/null && break
        sleep 0.1
      done
    fi
    echo "http://127.0.0.1:$rpc_port/RPC"
    ;;
  stop)
    if running; then
      kill "$(cat "$pidfile")"
      for _ in $(seq 1 50); do running || break; sleep 0.1; done
    fi
    rm -f "$pidfile"
    ;;
  *) die "usage: $0 start|stop DIR" ;;
esac
