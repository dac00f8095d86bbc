#!/usr/bin/env bash
# Throwaway PostgreSQL clusters for the tests: never the machine's own server.
#
#   cluster.sh run COMMAND…   a new cluster in a temporary folder, started, COMMAND run with
#                             BILAN_TEST_POSTGRES set to its URL, then the cluster stopped and its
#                             folder removed, whatever COMMAND's outcome (also on Ctrl-C). Exits
#                             with COMMAND's status. Without PostgreSQL installed, COMMAND runs
#                             alone and the tests that need a server say they were skipped.
#   cluster.sh init DIR       initdb into DIR (a new folder): superuser bilan_admin with a random
#                             password, a self-signed certificate for 127.0.0.1, a free port
#   cluster.sh start DIR      pg_ctl start: listens on 127.0.0.1 and a Unix socket in DIR only
#   cluster.sh stop DIR [MODE]  pg_ctl stop -m MODE (fast by default; immediate = a crash)
#   cluster.sh url DIR        prints the cluster's URL (database bilan_test, sslmode=disable)
#
# Run as root, the server runs as the `postgres` account (initdb refuses root).
# Environment given to COMMAND: BILAN_TEST_POSTGRES (the URL), BILAN_TEST_POSTGRES_ROOT_CERT
# (the certificate the server presents, to test sslmode=verify-full), BILAN_TEST_POSTGRES_CLUSTER
# (this script, for tests that start a cluster of their own), BILAN_TEST_POSTGRES_BIN (psql's folder).
set -euo pipefail

script=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")

bindir() {
  if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then echo "$PG_BINDIR"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir; return
  fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  if [ -n "$found" ] && [ -x "$found/initdb" ]; then echo "$found"; return; fi
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  return 1
}

# Runs a server program as the account that owns the cluster.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

init() {
  local dir=$1 bin
  bin=$(bindir) || { echo "cluster.sh: PostgreSQL's initdb not found (apt-get install postgresql)" >&2; exit 1; }
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres: "$dir"
  echo "$bin" > "$dir/bindir"
  free_port > "$dir/port"
  python3 -c 'import secrets; print(secrets.token_hex(12))' > "$dir/password"
  chmod 644 "$dir/bindir" "$dir/port"
  chmod 600 "$dir/password"
  local pwfile="$dir/pwfile"
  cp "$dir/password" "$pwfile"
  [ "$(id -u)" = 0 ] && chown postgres: "$pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U bilan_admin --pwfile="$pwfile" -E UTF8 --no-locale \
    --auth-local=trust --auth-host=scram-sha-256 -N >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$pwfile"
  # A certificate for 127.0.0.1 and localhost, signed by itself: the tests trust it as a root.
  if command -v openssl >/dev/null 2>&1; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=localhost" \
      -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" \
      -keyout "$dir/data/server.key" -out "$dir/data/server.crt" >/dev/null 2>&1
    cp "$dir/data/server.crt" "$dir/root.crt"
    chmod 644 "$dir/root.crt"
    chmod 600 "$dir/data/server.key"
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/data/server.key" "$dir/data/server.crt"
    echo "ssl = on" >> "$dir/data/postgresql.conf"
  fi
  # The role bilan_tls may connect over TLS only: the tests prove sslmode=require encrypts.
  { printf 'hostnossl all bilan_tls 127.0.0.1/32 reject\nhostssl all bilan_tls 127.0.0.1/32 scram-sha-256\n'
    cat "$dir/data/pg_hba.conf"; } > "$dir/pg_hba.conf"
  cat "$dir/pg_hba.conf" > "$dir/data/pg_hba.conf"
  rm -f "$dir/pg_hba.conf"
  cat >> "$dir/data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $(cat "$dir/port")
unix_socket_directories = '$dir'
max_connections = 200
fsync = off
full_page_writes = off
EOF
}

# The server outlives this script: it must not keep any descriptor the caller gave it (a test
# process's pipes to other commands would never see their end while the server runs).
close_inherited() {
  local fd
  for fd in $(ls /proc/$$/fd); do
    if [ "$fd" -gt 2 ]; then eval "exec $fd>&-" 2>/dev/null || true; fi
  done
}

start() {
  local dir=$1
  close_inherited
  as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null \
    || { tail -20 "$dir/server.log" >&2; exit 1; }
}

stop() {
  local dir=$1 mode=${2:-fast}
  [ -f "$dir/bindir" ] || return 0
  as_owner "$(cat "$dir/bindir")/pg_ctl" -D "$dir/data" -m "$mode" -w -t 60 stop >/dev/null 2>&1 || true
}

url() {
  local dir=$1
  echo "postgres://bilan_admin:$(cat "$dir/password")@127.0.0.1:$(cat "$dir/port")/bilan_test?sslmode=disable"
}

createdb() {
  local dir=$1
  as_owner "$(cat "$dir/bindir")/createdb" -h "$dir" -p "$(cat "$dir/port")" -U bilan_admin bilan_test
}

run() {
  if ! bindir >/dev/null; then
    echo "cluster.sh: PostgreSQL is not installed: the tests that need a server are skipped" >&2
    "$@"
    return
  fi
  local dir status=0
  dir=$(mktemp -d "${TMPDIR:-/tmp}/bilan-pg.XXXXXX")
  run_dir=$dir
  # The server's account must reach the cluster inside.
  chmod 711 "$dir"
  trap 'stop "$run_dir/cluster" immediate || true; rm -rf "$run_dir"' EXIT
  trap 'exit 130' INT TERM
  init "$dir/cluster"
  start "$dir/cluster"
  createdb "$dir/cluster"
  BILAN_TEST_POSTGRES=$(url "$dir/cluster") \
    BILAN_TEST_POSTGRES_ROOT_CERT=$([ -f "$dir/cluster/root.crt" ] && echo "$dir/cluster/root.crt" || true) \
    BILAN_TEST_POSTGRES_CLUSTER=$script BILAN_TEST_POSTGRES_BIN=$(cat "$dir/cluster/bindir") \
    "$@" || status=$?
  return $status
}

command=${1:-}
shift || true
case "$command" in
  run) run "$@" ;;
  init) init "$1" ;;
  start) start "$1" ;;
  stop) stop "$@" ;;
  url) url "$1" ;;
  createdb) createdb "$1" ;;
  *) sed -n '2,20p' "$0" >&2; exit 2 ;;
esac
