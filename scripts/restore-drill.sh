#!/usr/bin/env bash
# Restore drill, run by ./test: a throwaway PostgreSQL cluster with this project's schema, archiving its WAL to
# pgBackRest as ops/postgresql-archiving.conf says and configured by ops/pgbackrest.conf (paths moved into a
# temporary directory). scripts/backup-db.sh takes a full backup; one booking is committed before a moment and one
# after it; scripts/restore-db.sh restores the latest state into a lost data directory (both bookings), then, the
# machine lost with its repository, the moment (only the first) from the off-machine one, and refuses a vague moment
# or one it cannot reach. The off-machine repository is ops/pgbackrest.conf's repo2 lines, uncommented, on a local
# S3 server (ops/s3-stub, over TLS checked against the certificate the drill makes for it).
# Needs pgBackRest and PostgreSQL's server programs (Debian: apt-get install -y pgbackrest postgresql), jq, and for
# repo2 node, openssl and the stub (npm ci --prefix ops/s3-stub). Without them it says so and passes (without repo2:
# restores from repo1 only), unless OPS_CHECKS_REQUIRED=1 (CI sets it). As root it runs as the postgres user.
set -euo pipefail
cd "$(dirname "$0")/.."
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if ! command -v pgbackrest >/dev/null || [ ! -x "$bindir/initdb" ]; then
  echo "restore drill: pgBackRest or PostgreSQL's server programs are missing (apt-get install -y pgbackrest postgresql)" >&2
  [ "${OPS_CHECKS_REQUIRED:-0}" = 1 ] && exit 1
  echo "restore drill: skipped" >&2
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root. The postgres user may not be able to read this checkout (a private home, a
  # umask of 077): it gets a copy of what the drill uses, and /tmp rather than root's TMPDIR.
  copy=$(mktemp -d /tmp/phuket-restore-drill-files.XXXXXX)
  trap 'rm -rf "$copy"' EXIT
  mkdir -p "$copy/src/main/resources/db"
  cp -r scripts ops "$copy/"
  cp -r src/main/resources/db/migration "$copy/src/main/resources/db/"
  chown -R postgres "$copy"
  status=0
  runuser -u postgres -- env -u TMPDIR OPS_CHECKS_REQUIRED="${OPS_CHECKS_REQUIRED:-0}" BULK_BOOKINGS="${BULK_BOOKINGS:-0}" \
      bash "$copy/scripts/restore-drill.sh" || status=$?
  exit $status
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/phuket-restore-drill.XXXXXX")
stop_server() { "$bindir/pg_ctl" -D "$work/data" -m fast -w stop >/dev/null 2>&1 || true; }
trap 'stop_server; rm -rf "$work"' EXIT

# The production configuration, with every path inside $work; the server listens on a socket in $work only.
export PGBACKREST_CONFIG=$PWD/ops/pgbackrest.conf PGBACKREST_STANZA=phuket
export PGBACKREST_REPO1_PATH=$work/repo PGBACKREST_SPOOL_PATH=$work/spool PGBACKREST_LOCK_PATH=$work/lock
export PGBACKREST_LOG_PATH=$work/log PGBACKREST_PG1_PATH=$work/data PGBACKREST_PG1_SOCKET_PATH=$work
export PGBACKREST_PG1_PORT=5432
export PGHOST=$work PGPORT=5432 PGUSER=postgres PGDATABASE=phuket
export PG_START="'$bindir/pg_ctl' -D '$work/data' -w -l '$work/server.log' start"
# pgBackRest keeps the environment's options for archive-push too, which the server runs: it inherits them.

s3rver=$PWD/ops/s3-stub/node_modules/.bin/s3rver
if [ -x "$s3rver" ] && command -v node >/dev/null && command -v openssl >/dev/null; then
  # repo2 as an operator enables it: the template's lines uncommented; the bucket's place and secrets from the
  # environment, which pgBackRest reads before its configuration file.
  sed 's/^# \(repo2-[a-z0-9-]*=\)/\1/' ops/pgbackrest.conf > "$work/pgbackrest.conf"
  export PGBACKREST_CONFIG=$work/pgbackrest.conf
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
      -keyout "$work/s3.key" -out "$work/s3.crt" 2>/dev/null
  mkdir "$work/s3"
  "$s3rver" -d "$work/s3" -a 127.0.0.1 -p 0 --key "$work/s3.key" --cert "$work/s3.crt" --no-vhost-buckets \
      --configure-bucket phuket-app-backups > "$work/s3.log" 2>&1 &
  s3_pid=$!
  trap 'stop_server; kill $s3_pid 2>/dev/null || true; rm -rf "$work"' EXIT
  for _ in $(seq 1 50); do
    s3_port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/s3.log")
    [ -n "$s3_port" ] && break
    sleep 0.2
  done
  [ -n "$s3_port" ] || { echo "restore drill FAILED: the S3 stub did not start" >&2; cat "$work/s3.log" >&2; exit 1; }
  export PGBACKREST_REPO2_S3_ENDPOINT=localhost PGBACKREST_REPO2_STORAGE_PORT=$s3_port
  export PGBACKREST_REPO2_S3_URI_STYLE=path PGBACKREST_REPO2_STORAGE_CA_FILE=$work/s3.crt
  export PGBACKREST_REPO2_S3_KEY=S3RVER PGBACKREST_REPO2_S3_KEY_SECRET=S3RVER # the stub's own credentials
  export PGBACKREST_REPO2_CIPHER_PASS=$(openssl rand -hex 32)
  off_machine=yes
else
  echo "restore drill: node, openssl or the S3 stub (npm ci --prefix ops/s3-stub) is missing: repo2 left out" >&2
  [ "${OPS_CHECKS_REQUIRED:-0}" = 1 ] && exit 1
  off_machine=no
fi

mkdir -p "$work/log"
"$bindir/initdb" -D "$work/data" -U postgres --auth=trust -E UTF8 >/dev/null
{
  echo "listen_addresses = ''"
  echo "unix_socket_directories = '$work'"
  grep -v '^#' ops/postgresql-archiving.conf
} >> "$work/data/postgresql.conf"
bash -c "$PG_START" >/dev/null
psql -XAtq -d postgres -c "CREATE DATABASE phuket"
pgbackrest stanza-create

# The schema, migration by migration in version order (as Flyway applies them).
for migration in $(ls src/main/resources/db/migration/*/V*__*.sql | awk -F/ '{ split($NF, v, "__"); print substr(v[1], 2), $0 }' | sort -n | cut -d' ' -f2); do
  psql -XAtq -v ON_ERROR_STOP=1 -f "$migration"
done

# bench/restore.sh: a database of some size, so that the times below mean something (past bookings, each of an item
# of its own).
if [ "${BULK_BOOKINGS:-0}" -gt 0 ]; then
  psql -XAtq -v ON_ERROR_STOP=1 -c "
    INSERT INTO bookings (id, confirmation_code, user_id, item_kind, item_id, item_name_en, item_name_ru, start_date,
        end_date, guests, status, total_price, payment_method, created_at, completed_at)
    SELECT gen_random_uuid(), 'BULK-' || n, gen_random_uuid(), 'vehicle', gen_random_uuid(), 'Bulk scooter ' || n,
        'Скутер ' || n, DATE '2026-01-01' + n % 300, DATE '2026-01-03' + n % 300, 1, 'completed', 500, 'on_arrival',
        now(), now()
    FROM generate_series(1, ${BULK_BOOKINGS}) AS n"
fi
size=$(psql -XAtq -c "SELECT pg_size_pretty(pg_database_size('phuket'))")
started=$SECONDS
scripts/backup-db.sh full > "$work/backup.txt"
backup_seconds=$((SECONDS - started))

book() { # $1: confirmation code
  psql -XAtq -v ON_ERROR_STOP=1 -c "
    INSERT INTO bookings (id, confirmation_code, user_id, item_kind, item_id, item_name_en, item_name_ru,
        start_date, end_date, guests, status, total_price, payment_method, hold_expires_at)
    VALUES (gen_random_uuid(), '$1', gen_random_uuid(), 'vehicle', gen_random_uuid(), 'Drill scooter', 'Скутер',
        DATE '2027-01-10', DATE '2027-01-12', 1, 'pending', 500, 'on_arrival', now() + interval '1 day')"
}
codes() { psql -XAtq -c "SELECT string_agg(confirmation_code, ',' ORDER BY confirmation_code) FROM bookings WHERE confirmation_code LIKE 'DRILL-%'"; }
book DRILL-BEFORE
sleep 1
moment=$(psql -XAtq -c "SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') || '+00'")
sleep 1
book DRILL-AFTER
pgbackrest check # the last segment is archived
stop_server

fail() { echo "restore drill FAILED: $1" >&2; cat "$work/server.log" >&2; exit 1; }

rm -rf "$work/data" # the disk is lost
started=$SECONDS
scripts/restore-db.sh --latest > "$work/restore-latest.txt" || fail "restore to the latest state"
latest_seconds=$((SECONDS - started))
[ "$(codes)" = "DRILL-AFTER,DRILL-BEFORE" ] || fail "latest: expected both bookings, found '$(codes)'"
stop_server

if [ "$off_machine" = yes ]; then
  # The machine is lost with its repository: what is left is in S3. A new machine's repo1 is empty.
  rm -rf "$work/data" "$work/repo"
  [ "$(find "$work/s3/phuket-app-backups/pgbackrest/backup" -name '*.manifest*' | wc -l)" -gt 0 ] \
      || fail "no backup reached repo2"
fi
started=$SECONDS
# pgBackRest's warnings (with repo2: that the new machine's repo1 is empty) go to the file, shown if it fails.
scripts/restore-db.sh --time "$moment" > "$work/restore-moment.txt" 2>&1 \
    || { cat "$work/restore-moment.txt" >&2; fail "restore to $moment"; }
moment_seconds=$((SECONDS - started))
[ "$(codes)" = "DRILL-BEFORE" ] || fail "to $moment: expected only the first booking, found '$(codes)'"
# The restored server takes writes again.
book DRILL-AGAIN

stop_server
for vague in "2026-12-04 08:30:00" "2026-12-04"; do
  if scripts/restore-db.sh --time "$vague" > /dev/null 2>&1; then fail "the moment '$vague' (no time or no zone) was accepted"; fi
done
# A moment after the last archived change cannot be reached: the restore fails rather than waiting or restoring less.
if RECOVERY_TIMEOUT=60 scripts/restore-db.sh --time "$(date -u -d "+1 hour" "+%Y-%m-%d %H:%M:%S+00")" > "$work/restore-future.txt" 2>&1; then
  fail "a restore to a moment after the last archived change succeeded"
fi
echo "restore drill: backup, restore of a lost directory to the latest state and to $moment passed$([ "$off_machine" = yes ] && echo " (from repo2, S3)")"
echo "restore drill: database of $size; full backup ${backup_seconds} s, restore of the lost directory ${latest_seconds} s, to the moment $([ "$off_machine" = yes ] && echo "(from S3, into an empty directory)" || echo "(delta)") ${moment_seconds} s"
