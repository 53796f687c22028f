#!/usr/bin/env bash
# Backs the database up with pgBackRest (configured as ops/pgbackrest.conf) into every repository it has (pgBackRest
# backs up into one per command, while WAL goes to all of them) and checks that WAL archiving works, which
# point-in-time recovery needs as much as the backup itself. Needs jq. Run as the PostgreSQL server's OS user:
#   scripts/backup-db.sh [full|diff|incr]      (default diff; ops/backup.cron runs full weekly, diff daily)
# Environment: PGBACKREST_STANZA (phuket) and any other pgBackRest option as PGBACKREST_<OPTION>;
# BACKUP_METRICS_FILE, if set, receives phuket_backup_last_success_timestamp_seconds for node_exporter's textfile
# collector (the alert PhuketBackupTooOld fires when it stops moving).
set -euo pipefail
type=${1:-diff}
case "$type" in full | diff | incr) ;; *) echo "usage: $0 [full|diff|incr]" >&2; exit 2 ;; esac
stanza=${PGBACKREST_STANZA:-phuket}

# A differential backup needs a full one in the same repository: pgBackRest takes a full one where there is none.
repos=$(pgbackrest --stanza="$stanza" --output=json info | jq -r '.[0].repo[].key')
[ -n "$repos" ] || { echo "pgBackRest reports no repository for the stanza $stanza" >&2; exit 1; }
for repo in $repos; do
  pgbackrest --stanza="$stanza" --repo="$repo" --type="$type" backup
done
# Switches to a new WAL segment and waits until it is archived: a backup without its WAL restores nothing.
pgbackrest --stanza="$stanza" check
pgbackrest --stanza="$stanza" info

if [ -n "${BACKUP_METRICS_FILE:-}" ]; then
  # Written aside and renamed, so that the collector never reads half a file.
  {
    echo "# HELP phuket_backup_last_success_timestamp_seconds When the last backup and archive check succeeded."
    echo "# TYPE phuket_backup_last_success_timestamp_seconds gauge"
    echo "phuket_backup_last_success_timestamp_seconds $(date +%s)"
  } > "$BACKUP_METRICS_FILE.tmp"
  mv "$BACKUP_METRICS_FILE.tmp" "$BACKUP_METRICS_FILE"
fi
