#!/usr/bin/env bash
# Restores the database from pgBackRest's repository (ops/pgbackrest.conf): to a moment (point-in-time recovery:
# what was committed before it) or to the last archived change. Stop the app's instances and the server first
# (pgBackRest refuses to restore under a running server). Run as the server's OS user:
#   scripts/restore-db.sh --time '2026-12-04 08:30:00+07'   # before a bad migration, a wrong bulk update
#   scripts/restore-db.sh --latest                          # a lost or corrupt data directory
# It then starts the server (PG_START, default "systemctl start postgresql"), waits until recovery has ended and
# the server takes writes, and prints what the database holds, to compare with what the operator expects.
# ops/RUNBOOK.md says what to do next (payments and notices of the lost interval).
# Environment: PGBACKREST_STANZA (phuket) and other pgBackRest options as PGBACKREST_<OPTION>; PG_START; libpq's
# PGHOST, PGPORT, PGUSER and PGDATABASE (phuket) for the checks; RECOVERY_TIMEOUT in seconds (3600).
set -euo pipefail
usage() { echo "usage: $0 --time '<timestamp with its zone, such as 2026-12-04 08:30:00+07>' | --latest" >&2; exit 2; }
[ $# -ge 1 ] || usage
case "$1" in
  --time)
    [ $# -eq 2 ] || usage
    # Without a zone PostgreSQL would read the moment in the server's zone: hours off, silently.
    [[ "$2" =~ ([+-][0-9]{2}(:?[0-9]{2})?|Z|UTC)$ ]] || usage
    target=(--type=time "--target=$2" --target-action=promote) ;;
  --latest)
    [ $# -eq 1 ] || usage
    target=(--type=default) ;;
  *) usage ;;
esac
stanza=${PGBACKREST_STANZA:-phuket}
export PGDATABASE=${PGDATABASE:-phuket}

# --delta rewrites only the files that differ from the backup (checksums), so a large cluster restores in minutes.
pgbackrest --stanza="$stanza" --delta "${target[@]}" restore
bash -c "${PG_START:-systemctl start postgresql}"

deadline=$((SECONDS + ${RECOVERY_TIMEOUT:-3600}))
until [ "$(psql -XAtq -c "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ]; do
  if [ $SECONDS -ge $deadline ]; then
    echo "recovery has not ended after ${RECOVERY_TIMEOUT:-3600} s; see the server's log" >&2
    exit 1
  fi
  sleep 1
done
echo "Restored; the database now holds:"
psql -X -c "SELECT (SELECT count(*) FROM bookings) AS bookings, (SELECT max(created_at) FROM bookings) AS last_booking,
                   (SELECT count(*) FROM scheduled_tasks) AS queued_jobs"
