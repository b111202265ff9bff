# Sourced by .ci/run before the build: what the stores need on a fresh Debian bookworm machine, as root.
#
#   - libsqlite3-dev, which GRDB (the SQLite store) builds against, and zlib1g-dev, which the command-line tool
#     reads gzip input with;
#   - PostgreSQL 15 from Debian's packages, started, with a role and a database for the PostgreSQL store tests,
#     named to them by CHRONICLE_TEST_POSTGRES_URL (exported here).
#
# An already-set CHRONICLE_TEST_POSTGRES_URL is used as it is. Anything that fails stops CI: under CI the
# PostgreSQL tests fail rather than skip when the variable is missing.

stores_missing=()
dpkg -s libsqlite3-dev > /dev/null 2>&1 || stores_missing+=(libsqlite3-dev)
dpkg -s zlib1g-dev > /dev/null 2>&1 || stores_missing+=(zlib1g-dev)
if [ -z "${CHRONICLE_TEST_POSTGRES_URL:-}" ] && ! [ -x /usr/lib/postgresql/15/bin/postgres ]; then
  stores_missing+=(postgresql-15 postgresql-client-15)
fi
if [ ${#stores_missing[@]} -gt 0 ]; then
  echo "installing ${stores_missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${stores_missing[@]}" > /dev/null
fi

if [ -z "${CHRONICLE_TEST_POSTGRES_URL:-}" ]; then
  stores_clusters=$(pg_lsclusters -h)
  grep -q '^15 \+main ' <<< "$stores_clusters" || pg_createcluster 15 main > /dev/null
  pg_ctlcluster 15 main status > /dev/null 2>&1 || pg_ctlcluster 15 main start
  stores_clusters=$(pg_lsclusters -h)
  stores_port=$(awk '$1 == "15" && $2 == "main" { print $3 }' <<< "$stores_clusters")
  for _ in $(seq 1 30); do
    pg_isready -q -h 127.0.0.1 -p "$stores_port" && break
    sleep 1
  done
  pg_isready -h 127.0.0.1 -p "$stores_port" || { echo "PostgreSQL 15 did not start on port $stores_port" >&2; exit 1; }
  (
    cd /tmp
    runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 -p "$stores_port" <<'SQL'
SELECT 'CREATE ROLE chronicle_ci LOGIN PASSWORD ''chronicle_ci''' WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'chronicle_ci')
\gexec
SELECT 'CREATE DATABASE chronicle_test OWNER chronicle_ci' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'chronicle_test')
\gexec
SQL
  )
  export CHRONICLE_TEST_POSTGRES_URL="postgres://chronicle_ci:chronicle_ci@127.0.0.1:$stores_port/chronicle_test"
fi
if command -v psql > /dev/null; then  # the tests' credentials work (the URL is not printed: it holds a password)
  echo "PostgreSQL for the store tests: server $(psql "$CHRONICLE_TEST_POSTGRES_URL" -tAc 'SHOW server_version')"
fi
