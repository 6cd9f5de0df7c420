#!/usr/bin/env bash
# A throwaway PostgreSQL 15 + pgvector server for CI, on 127.0.0.1 only.
#   .ci/postgres.sh install        Debian's postgresql-15 and pgvector built from source (idempotent)
#   .ci/postgres.sh start DIR      a new cluster in DIR; prints the URL of a CREATEDB role's database
#   .ci/postgres.sh stop DIR       stops that cluster and deletes DIR
# Debian 12 ships PostgreSQL 15 but no pgvector binary package, so the extension is built from
# Debian's own source package (trixie, or bookworm-backports when it has one), fetched with a private
# apt configuration that leaves the machine's apt sources untouched.
set -euo pipefail

PG_MAJOR=15
PG_BIN=/usr/lib/postgresql/$PG_MAJOR/bin

log() { echo "ci/postgres: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else log "needs root for: $*"; return 1; fi
}

# The server refuses to run as root; root runs it as the postgres user the package created.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_packages() {
  local missing=()
  for p in postgresql-$PG_MAJOR postgresql-server-dev-$PG_MAJOR build-essential; do
    installed "$p" || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  log "installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# The mirror the machine already uses (deb822 or one-line sources), else Debian's CDN.
debian_mirror() {
  local m
  m=$(grep -hoE '^URIs: *http[^ ]*/debian/?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -1 | sed 's/^URIs: *//') || true
  [ -n "$m" ] || m=$(grep -hoE '^deb +(\[[^]]*\] +)?http[^ ]*/debian/? ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -1 | awk '{print $NF}') || true
  echo "${m:-http://deb.debian.org/debian}"
}

install_pgvector() {
  local sharedir
  sharedir=$("$PG_BIN/pg_config" --sharedir)
  if [ -f "$sharedir/extension/vector.control" ]; then return 0; fi
  local work mirror
  work=$(mktemp -d /tmp/kam-ci-pgvector.XXXXXX)
  mirror=$(debian_mirror)
  log "building pgvector from Debian source packages ($mirror)"
  mkdir -p "$work"/lists/partial "$work"/cache/archives/partial "$work"/src
  cat >"$work/sources.list" <<EOF
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror bookworm-backports main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror trixie main
EOF
  local apt_opts=(-o "Dir::Etc::SourceList=$work/sources.list" -o Dir::Etc::SourceParts=/nonexistent
    -o "Dir::State::Lists=$work/lists" -o "Dir::Cache=$work/cache" -o APT::Sandbox::User=root -qq)
  # A suite the mirror lacks only warns; the source download below fails when none has pgvector.
  apt-get "${apt_opts[@]}" update >/dev/null 2>&1 || log "apt-get update reported problems; trying the download anyway"
  (cd "$work/src" && apt-get "${apt_opts[@]}" source --download-only pgvector >/dev/null)
  tar -xzf "$work"/src/pgvector_*.orig.tar.gz -C "$work/src"
  local dir
  dir=$(find "$work/src" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -1)
  # OPTFLAGS= keeps the build portable (no -march=native); the JIT bitcode step's clang warnings are harmless.
  make -s -C "$dir" PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS= -j"$(nproc)" >/dev/null 2>"$work/build.log" || { cat "$work/build.log" >&2; return 1; }
  as_root make -s -C "$dir" PG_CONFIG="$PG_BIN/pg_config" OPTFLAGS= install >/dev/null
  log "installed pgvector $(sed -n "s/^default_version = '\(.*\)'/\1/p" "$sharedir/extension/vector.control")"
  rm -rf "$work"
}

free_port() {
  node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"
}

start_cluster() {
  local dir=$1 port
  mkdir -p "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  chmod 700 "$dir"
  port=$(free_port)
  as_pg "$PG_BIN/initdb" -D "$dir/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
  # Durability is not what CI tests; jit stays at its default so the product's own setting is what runs.
  as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -s start -o \
    "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  # An operator's setup in miniature: a superuser enables pgvector once (in template1, so every
  # database created later has it), the product runs as a non-superuser role owning its database,
  # allowed to switch per-row foreign-key triggers off for its imports (README, "PostgreSQL server").
  local psql=("$PG_BIN/psql" -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 -q)
  as_pg "${psql[@]}" -d template1 -c 'CREATE EXTENSION vector'
  as_pg "${psql[@]}" -d postgres -c "CREATE ROLE kam LOGIN CREATEDB PASSWORD 'kam'" -c 'CREATE DATABASE kam OWNER kam' \
    -c 'GRANT SET ON PARAMETER session_replication_role TO kam'
  echo "postgres://kam:kam@127.0.0.1:$port/kam"
}

stop_cluster() {
  local dir=$1
  if [ -f "$dir/data/postmaster.pid" ]; then as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -s stop || true; fi
  rm -rf "$dir"
}

case "${1:-}" in
  install) install_packages; install_pgvector ;;
  start) start_cluster "${2:?usage: postgres.sh start DIR}" ;;
  stop) stop_cluster "${2:?usage: postgres.sh stop DIR}" ;;
  *) echo "usage: $0 install | start DIR | stop DIR" >&2; exit 2 ;;
esac
