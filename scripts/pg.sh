#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests: no durability, trust auth,
# listening on 127.0.0.1 only.
#
#   scripts/pg.sh start DIR   initdb in DIR/data (DIR is created if absent),
#                             start it on a free TCP port and a unix socket
#                             in DIR/socket, and print its URL, only that,
#                             on stdout:
#                               postgres://switchboard@127.0.0.1:PORT/postgres
#                             (role `switchboard` is a superuser, so tests can
#                             CREATE DATABASE). Server log: DIR/log. A DIR
#                             whose cluster runs already just prints its URL;
#                             one whose cluster stopped is started again.
#   scripts/pg.sh stop DIR    stop it at once (-m immediate) and remove DIR.
#   scripts/pg.sh url DIR     print the URL of the running cluster in DIR.
#
# As root (initdb refuses root) the server runs as the `postgres` system
# user, via runuser; otherwise as the calling user. DIR, and the folders
# above it, must let that user in: a `mktemp -d` folder does (the script
# hands it to postgres). PG_BIN overrides the PostgreSQL binaries' folder
# (default: the newest /usr/lib/postgresql/*/bin). Needs no input.
set -euo pipefail

die() { printf 'pg.sh: %s\n' "$*" >&2; exit 1; }
usage() { die "usage: $0 start|stop|url DIR"; }

[[ $# -eq 2 ]] || usage
command=$1
[[ -n $2 ]] || usage
dir=$(realpath -m -- "$2")
[[ $dir != / ]] || die "refusing to use / as the cluster's folder"

data=$dir/data
socket=$dir/socket
marker=$dir/.switchboard-pg
role=switchboard

if [[ -z ${PG_BIN:-} ]]; then
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
fi
[[ -n ${PG_BIN:-} && -x $PG_BIN/pg_ctl ]] ||
  die "no PostgreSQL binaries (pg_ctl) found; set PG_BIN"

# Runs a command as the cluster's owner.
if [[ $(id -u) -eq 0 ]]; then
  owner=postgres
  id -u "$owner" >/dev/null 2>&1 || die "running as root needs the '$owner' system user"
  as_owner() { runuser -u "$owner" -- "$@"; }
else
  owner=$(id -un)
  as_owner() { "$@"; }
fi

url_of() { printf 'postgres://%s@127.0.0.1:%s/postgres\n' "$role" "$1"; }

# The port the cluster in DIR was started on, if it runs.
running_port() {
  [[ -f $data/PG_VERSION && -f $dir/port ]] || return 1
  as_owner "$PG_BIN/pg_ctl" status -D "$data" </dev/null >/dev/null 2>&1 || return 1
  cat "$dir/port"
}

# A port the system has free now (perl is there for the build: setup.sh).
free_port() {
  perl -MIO::Socket::INET -e \
    'print IO::Socket::INET->new(Listen => 1, LocalAddr => "127.0.0.1:0")->sockport, "\n"'
}

start() {
  local port
  if port=$(running_port); then
    url_of "$port"
    return
  fi
  if [[ -e $dir ]]; then
    [[ -d $dir ]] || die "$dir is not a folder"
    # A folder of someone else's files is not ours to fill (or, later, remove).
    if [[ ! -e $marker && -n $(ls -A -- "$dir") ]]; then
      die "$dir is neither empty nor a cluster this script made"
    fi
  else
    mkdir -p -- "$dir"
  fi
  touch -- "$marker" "$dir/log"
  chown "$owner" -- "$dir" "$marker" "$dir/log" 2>/dev/null || true
  as_owner test -w "$dir" ||
    die "$owner can't write to $dir (is a folder above it closed to $owner?)"

  if [[ ! -f $data/PG_VERSION ]]; then
    rm -rf -- "$data"
    # C collation: byte order, as SQLite compares text; C.UTF-8 character
    # classes (where the system has them), so pg_trgm sees non-ASCII
    # letters as letters.
    local ctype=C
    if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then ctype=C.UTF-8; fi
    as_owner "$PG_BIN/initdb" -D "$data" -A trust -U postgres \
      --encoding=UTF8 --locale=C --lc-ctype="$ctype" \
      --no-sync --no-instructions </dev/null >>"$dir/log" 2>&1 ||
      die "initdb failed; see $dir/log"
    as_owner mkdir -p "$socket"
    cat >>"$data/postgresql.conf" <<EOF

# scripts/pg.sh: a throwaway cluster for tests.
listen_addresses = '127.0.0.1'
unix_socket_directories = '$socket'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
shared_buffers = 128MB
EOF
  fi

  # A free port may be taken between looking and listening: try again.
  local attempt
  for attempt in 1 2 3; do
    port=$(free_port)
    # pg_ctl keeps -o in postmaster.opts; the port goes there, not in the conf.
    if as_owner "$PG_BIN/pg_ctl" start -w -t 20 -D "$data" -l "$dir/log" \
      -o "-p $port" </dev/null >/dev/null 2>>"$dir/log"; then
      printf '%s\n' "$port" >"$dir/port"
      break
    fi
    port=
    as_owner "$PG_BIN/pg_ctl" stop -D "$data" -m immediate </dev/null >/dev/null 2>&1 || true
  done
  [[ -n $port ]] || die "the server didn't start; see $dir/log"

  as_owner "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$socket" -p "$port" -U postgres \
    -d postgres </dev/null >/dev/null 2>>"$dir/log" -c "
      DO \$\$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$role') THEN
          CREATE ROLE $role LOGIN SUPERUSER;
        END IF;
      END \$\$;" || die "creating role $role failed; see $dir/log"
  url_of "$port"
}

stop() {
  [[ -e $dir ]] || return 0
  [[ -d $dir ]] || die "$dir is not a folder"
  if [[ ! -e $marker && -n $(ls -A -- "$dir") ]]; then
    die "$dir is not a cluster this script made; not removing it"
  fi
  if [[ -f $data/PG_VERSION ]]; then
    as_owner "$PG_BIN/pg_ctl" stop -D "$data" -m immediate -w </dev/null >/dev/null 2>&1 || true
  fi
  rm -rf -- "$dir"
}

case $command in
  start) start ;;
  stop) stop ;;
  url) port=$(running_port) || die "no cluster runs in $dir"; url_of "$port" ;;
  *) usage ;;
esac
