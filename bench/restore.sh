#!/usr/bin/env bash
# How long a backup and a restore take (the runbook's recovery time), on a database of some size: the restore drill
# (scripts/restore-drill.sh) with BULK_BOOKINGS past bookings added before its backup. Needs pgBackRest and
# PostgreSQL's server programs (Debian: apt-get install -y pgbackrest postgresql). Run by hand:
#   bash bench/restore.sh                  # 2,000,000 bookings (about 1 GB)
#   BULK_BOOKINGS=200000 bash bench/restore.sh
set -euo pipefail
cd "$(dirname "$0")/.."
BULK_BOOKINGS=${BULK_BOOKINGS:-2000000} OPS_CHECKS_REQUIRED=1 bash scripts/restore-drill.sh 2>&1 | grep -v '^WARN: --delta'
