#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests: initdb in a temp folder, pg_ctl on a free port of 127.0.0.1,
# no system service. Run as root (CI) it runs the server as the unprivileged user "bhci" (created when missing).
#   eval "$(tests/postgres.sh start)"   # prints: export BROADCASTHUB_TEST_POSTGRES=...; export BROADCASTHUB_TEST_POSTGRES_DIR=...
#   tests/postgres.sh stop              # stops the cluster of $BROADCASTHUB_TEST_POSTGRES_DIR and deletes its folder
set -euo pipefail

bindir() {
  local pgc; pgc=$(command -v pg_config 2>/dev/null || true)
  if [ -n "$pgc" ] && [ -x "$("$pgc" --bindir)/initdb" ]; then "$pgc" --bindir; return; fi
  local d; d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ]; then echo "$d"; return; fi
  dirname "$(command -v initdb)"
}

as_owner() {   # runs "$@" as the cluster's owner: bhci when we are root, else ourselves
  if [ "$(id -u)" -eq 0 ]; then runuser -u bhci -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $(( 20000 + RANDOM % 20000 ))
}

start() {
  local bin dir port
  bin=$(bindir)
  [ -x "$bin/initdb" ] || { echo "postgres.sh: initdb not found; install the 'postgresql' package" >&2; exit 1; }
  if [ "$(id -u)" -eq 0 ] && ! id bhci >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin bhci
  fi
  dir=$(mktemp -d /tmp/bh-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown bhci "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
  echo "export BROADCASTHUB_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
  echo "export BROADCASTHUB_TEST_POSTGRES_DIR='$dir'"
}

stop() {
  local dir="${1:-${BROADCASTHUB_TEST_POSTGRES_DIR:-}}"
  [ -n "$dir" ] && [ -d "$dir/data" ] || { echo "postgres.sh: no cluster folder given" >&2; exit 1; }
  as_owner "$(bindir)/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

case "${1:-}" in
  start) start ;;
  stop) stop "${2:-}" ;;
  *) echo "usage: tests/postgres.sh start|stop [dir]" >&2; exit 2 ;;
esac
