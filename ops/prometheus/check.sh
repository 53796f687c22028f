#!/usr/bin/env bash
# Checks the alerting rules (their runbook links, syntax and PromQL) and runs their unit tests, parses the
# dashboard's queries and checks Alertmanager's routing, with Prometheus's promtool and Alertmanager's amtool (on PATH,
# or PROMTOOL and AMTOOL) and jq. Without those it says so and passes, unless OPS_CHECKS_REQUIRED=1 (CI sets it, and
# fetches the tools). Debian: apt-get install -y prometheus prometheus-alertmanager jq (or, to get the tools without
# the servers those packages start, extract the packages as .ci/run does).
set -euo pipefail
cd "$(dirname "$0")"
# Every alert's runbook link names a section of ops/RUNBOOK.md (anchors as GitHub makes them from headings).
anchors=$(sed -n 's/^##* //p' ../RUNBOOK.md | tr '[:upper:]' '[:lower:]' | sed 's/[^a-z0-9 -]//g; s/ /-/g')
for link in $(grep -o 'RUNBOOK.md#[a-z0-9-]*' alerts.yml | sort -u); do
  grep -qx "${link#*#}" <<<"$anchors" || { echo "alerts.yml links to $link: no such section in ops/RUNBOOK.md" >&2; exit 1; }
done
echo "alert rules: every runbook link names a section of ops/RUNBOOK.md"

promtool=${PROMTOOL:-$(command -v promtool || true)}
amtool=${AMTOOL:-$(command -v amtool || true)}
if [ -z "$promtool" ] || [ -z "$amtool" ] || ! command -v jq >/dev/null; then
  echo "alert rules: promtool, amtool or jq is missing (apt-get install -y prometheus prometheus-alertmanager jq)" >&2
  [ "${OPS_CHECKS_REQUIRED:-0}" = 1 ] && exit 1
  echo "alert rules: skipped" >&2
  exit 0
fi
"$promtool" check rules alerts.yml
"$promtool" test rules alerts.test.yml
# The dashboard's queries, as recording rules of a throwaway file: promtool parses every one of them.
rules=$(mktemp)
trap 'rm -f "$rules"' EXIT
jq -r '"groups:", "  - name: dashboard", "    rules:",
       ([.panels[].targets[]?.expr] | to_entries[]
          | "      - record: dashboard:query_\(.key)", "        expr: \(.value | gsub("\\$__rate_interval"; "5m") | @json)")' \
    ../grafana/phuket-backend.json > "$rules"
"$promtool" check rules "$rules" | sed "s|$rules|ops/grafana/phuket-backend.json|"

# Where alerts go: the configuration, and each severity's receivers (critical pages and reaches the channel too).
"$amtool" check-config alertmanager.yml
routes() { "$amtool" config routes test --config.file=alertmanager.yml --verify.receivers="$1" "${@:2}" 2>/dev/null; }
routes on-call,team-channel severity=critical alertname=PhuketBackupTooOld
routes team-channel severity=warning alertname=PhuketCircuitOpen
echo "alertmanager: critical pages on-call and tells team-channel; warning tells team-channel"
