#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the tests and benchmarks: initdb into DIR, listening
# only on a Unix socket in DIR/socket (no TCP port to collide with), trust authentication for
# its one superuser "kcfield" (a role named kc_password_probe alone must give a password). PostgreSQL refuses to run as root, so under root the cluster
# runs as the unprivileged user "nobody".
#   scripts/pg-test-cluster.sh start DIR [--fast]
#                                          prints the libpq connection string; --fast (for the
#                                          tests, never the benchmarks): no fsync, as on a tmpfs
#   scripts/pg-test-cluster.sh stop DIR    stops it and removes DIR
#   scripts/pg-test-cluster.sh halt DIR    stops it and keeps it (start brings it back, as a
#                                          database server that went away and returns)
#   scripts/pg-test-cluster.sh uri DIR     prints the connection string of a started cluster
set -euo pipefail
export PATH="$PATH:/usr/sbin:/sbin"  # runuser, for a CI that runs with a short PATH
action=${1:-}; dir=${2:-}; fast=${3:-}
if [[ -z "$action" || -z "$dir" ]]; then
  echo "usage: $0 start|stop|halt|uri DIR" >&2; exit 2
fi
bin=${KC_PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$bin/initdb" ]]; then
  echo "pg-test-cluster: no PostgreSQL 15 in $bin (run scripts/setup.sh, which installs postgresql-15)" >&2
  exit 1
fi
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u nobody -- "$@"; else "$@"; fi
}
uri() { printf 'host=%s/socket user=kcfield dbname=postgres\n' "$(cd "$dir" && pwd)"; }

case "$action" in
  start)
    if [[ -f "$dir/data/postmaster.pid" ]] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
      uri; exit 0  # already running (a re-run of the fixture)
    fi
    if [[ -f "$dir/data/PG_VERSION" ]]; then  # halted: the same cluster, started again
      rm -f "$dir/data/postmaster.pid"
      as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
        { cat "$dir/server.log" >&2; exit 1; }
      uri; exit 0
    fi
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    [[ $(id -u) -eq 0 ]] && chown -R nobody: "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U kcfield --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # One role signs in with a password (the refused-password test); everyone else is trusted.
    printf 'local all kc_password_probe scram-sha-256\nlocal all all trust\n' >"$dir/data/pg_hba.conf"
    cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$(cd "$dir" && pwd)/socket'
max_connections = 200
shared_buffers = 128MB
log_min_messages = warning
CONF
    if [[ "$fast" == "--fast" ]]; then
      printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >>"$dir/data/postgresql.conf"
    else
      printf 'fsync = on\nsynchronous_commit = on\n' >>"$dir/data/postgresql.conf"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null ||
      { cat "$dir/server.log" >&2; exit 1; }
    uri
    ;;
  stop)
    if [[ -d "$dir/data" ]]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  halt)
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  uri) uri ;;
  *) echo "usage: $0 start|stop|halt|uri DIR" >&2; exit 2 ;;
esac
