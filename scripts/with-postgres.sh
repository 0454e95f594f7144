#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL cluster: `scripts/with-postgres.sh npx jest test/contract`.
#
# The cluster lives in a temporary directory, listens on loopback only (and a Unix socket in the same
# directory), trusts local connections and is deleted when the command ends. The command sees
# MEND_TEST_POSTGRES_URL, which the PostgreSQL suites need. When MEND_TEST_POSTGRES_URL is already
# set, the command runs against that server instead and nothing is started.
#
# PostgreSQL comes from Debian's packages; as root the script installs them when missing. initdb and
# the server refuse to run as root, so as root they run as the `postgres` user (created if missing).
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

if [ -n "${MEND_TEST_POSTGRES_URL:-}" ]; then
  exec "$@"
fi

find_bindir() {
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    pg_config --bindir
    return
  fi
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return
    fi
  done
}

bindir="$(find_bindir || true)"
if [ -z "$bindir" ] && [ "$(id -u)" -eq 0 ]; then
  echo "with-postgres: installing PostgreSQL from Debian's packages" >&2
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) ||
    echo "with-postgres: warning: apt-get install postgresql failed" >&2
  bindir="$(find_bindir || true)"
fi
if [ -z "$bindir" ]; then
  echo "with-postgres: PostgreSQL is not installed (no initdb found); the PostgreSQL suites will say they are skipped" >&2
  exec "$@"
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
  fi
  as_owner=(runuser -u postgres --)
fi

dir="$(mktemp -d "${TMPDIR:-/tmp}/mend-postgres.XXXXXX")"
chmod 700 "$dir"
[ "${#as_owner[@]}" -gt 0 ] && chown postgres: "$dir"

# A free loopback port: the kernel picks one, we release it and PostgreSQL takes it.
port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as_owner[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
  { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a throwaway test cluster needs no durability, and the machine is shared.
"${as_owner[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off -c max_connections=300" \
  start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }

export MEND_TEST_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on $MEND_TEST_POSTGRES_URL" >&2
set +e
"$@"
status=$?
exit $status
