#!/usr/bin/env bash
# Restores the database from pgBackRest's repository (ops/pgbackrest.conf): to a moment (point-in-time recovery:
# what was committed before it) or to the last archived change. Stop the app's instances and the server first
# (pgBackRest refuses to restore under a running server). Run as root (pgBackRest and psql then run as postgres) or
# as the server's OS user:
#   scripts/restore-db.sh --time '2026-12-04 08:30:00+07'   # before a bad migration, a wrong bulk update
#   scripts/restore-db.sh --latest                          # a lost or corrupt data directory (moved aside)
# It then starts the server (PG_START, default "systemctl start postgresql@15-main"), waits until recovery has ended
# and the server takes writes, and prints what the database holds, to compare with what the operator expects.
# ops/RUNBOOK.md says what to do next (payments, accounts and notices of the lost interval).
# Environment: PGBACKREST_STANZA (phuket) and other pgBackRest options as PGBACKREST_<OPTION>; the data directory
# PGBACKREST_PG1_PATH or PGDATA (/var/lib/postgresql/15/main, as in ops/pgbackrest.conf); PG_START; libpq's
# PGHOST, PGPORT, PGUSER and PGDATABASE (phuket) for the checks; RECOVERY_TIMEOUT in seconds (3600).
set -euo pipefail
usage() { echo "usage: $0 --time '<date, time and zone, such as 2026-12-04 08:30:00+07>' | --latest" >&2; exit 2; }
[ $# -ge 1 ] || usage
case "$1" in
  --time)
    [ $# -eq 2 ] || usage
    # A date, a time and a zone: without a zone PostgreSQL would read the moment in the server's zone, hours off.
    [[ "$2" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}[\ T][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?\ ?([+-][0-9]{2}(:?[0-9]{2})?|Z|UTC)$ ]] || usage
    target=(--type=time "--target=$2" --target-action=promote) ;;
  --latest)
    [ $# -eq 1 ] || usage
    target=(--type=default) ;;
  *) usage ;;
esac
stanza=${PGBACKREST_STANZA:-phuket}
data=${PGBACKREST_PG1_PATH:-${PGDATA:-/var/lib/postgresql/15/main}}
export PGDATABASE=${PGDATABASE:-phuket}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# pgBackRest restores into an existing directory only: a lost one is created empty, as PostgreSQL wants it.
[ -d "$data" ] || as_postgres mkdir -m 0700 -p "$data"
# --delta rewrites only the files that differ from the backup (checksums), so a large cluster restores in minutes.
as_postgres pgbackrest --stanza="$stanza" --delta "${target[@]}" restore
bash -c "${PG_START:-systemctl start postgresql@15-main}"

deadline=$((SECONDS + ${RECOVERY_TIMEOUT:-3600}))
until [ "$(as_postgres psql -XAtq -c "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ]; do
  # A server that stopped (a moment after the last archived change is a fatal error) is not waited for.
  if [ ! -f "$data/postmaster.pid" ]; then
    echo "the server stopped during recovery; see its log" >&2
    exit 1
  elif [ $SECONDS -ge $deadline ]; then
    echo "recovery has not ended after ${RECOVERY_TIMEOUT:-3600} s; see the server's log" >&2
    exit 1
  fi
  sleep 1
done
echo "Restored; the database now holds:"
as_postgres psql -X -c "SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT max(created_at) FROM bookings) AS last_booking,
                               (SELECT count(*) FROM scheduled_tasks) AS queued_jobs"
