#!/usr/bin/env bash
# Login benchmark (issue 3): login throughput against the bcrypt ceiling of this machine, and what a login storm does
# to the catalog. Per-client rate limits stay on: every request speaks for a client address of its own through the
# trusted local proxy. Loopback only, bounded in time. Run by hand, as root (it switches the kernel's autogroup off for
# its run, see below):  bash bench/login.sh
#   DURATION=20s  USERS=200  LOGIN_CONNECTIONS=32  CATALOG_RATE=1000 (below what the catalog serves here, so that its
#   latency is not all queueing to begin with)
. "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
USERS=${USERS:-200}
LOGIN_CONNECTIONS=${LOGIN_CONNECTIONS:-32}
CATALOG_RATE=${CATALOG_RATE:-1000}

# SCHED_IDLE, under which the app runs bcrypt, yields only to threads of the same scheduling group. With the kernel's
# autogroup on (the default here), every session is a group of its own that gets an equal share of the cores: the
# machine's PostgreSQL and Redis, started in other sessions, then compete with the whole app, bcrypt included, and
# Redis waited up to 70 ms for a core during the storm. Like a host that runs the app and its databases in one group,
# the benchmark switches autogroup off for its run (as root) and restores it afterwards.
autogroup=/proc/sys/kernel/sched_autogroup_enabled
autogroup_was=$(cat "$autogroup" 2>/dev/null || echo 0)
if [ "$autogroup_was" != 0 ]; then
  echo 0 > "$autogroup" || { echo "switching autogroup off needs root: echo 0 > $autogroup" >&2; exit 1; }
fi
start_app login
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true; echo "$autogroup_was" > "$autogroup" 2>/dev/null || true' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$out/classpath.txt" >/dev/null

echo "Registering $USERS travellers"
for n in $(seq 1 "$USERS"); do
  curl -fs -o /dev/null -H 'Content-Type: application/json' -H "X-Forwarded-For: 198.19.$((n / 250)).$((n % 250 + 1))" \
    -d "{\"email\":\"bench-$n@example.com\",\"password\":\"sunny-beach-2026\",\"fullName\":\"Bench $n\"}" \
    "$base/v1/auth/register"
done
curl -fs "$base/v1/vehicles?per_page=100" | jq -r '.data[].id' | sed 's|^|/v1/vehicles/|' > "$out/catalog.txt"
for kind in vehicles properties tours; do echo "/v1/$kind?page=1"; echo "/v1/$kind?page=2"; done >> "$out/catalog.txt"

catalog() { wrk -t1 -c64 -d"${1:-$DURATION}" --timeout 10s -s bench/wrk/paths.lua "$base" -- "$out/catalog.txt" "$CATALOG_RATE" 1; }
logins() { wrk -t1 -c"$LOGIN_CONNECTIONS" -d"${1:-$DURATION}" --timeout 30s -s bench/wrk/login.lua "$base" -- "$USERS"; }

# wrk stops with its last requests still queued for bcrypt; the app works them off (a few seconds) before the next
# run starts, or that run would share the cores with them.
drained() {
  until curl -fs "http://127.0.0.1:$MANAGEMENT_PORT/actuator/prometheus" | grep -q '^phuket_passwords_pending 0'; do
    sleep 0.5
  done
}

saturated() { wrk -t1 -c64 -d"$1" -s bench/wrk/paths.lua "$base" -- "$out/catalog.txt"; }
warm_up saturated
warm_up logins
drained

# The ceiling, with the app warm and idle: bcrypt cost 12 (the app's own library) on every core, for 30 s, as the
# measured runs are noisy here by a few per cent.
ceiling=$(java -cp "$(cat "$out/classpath.txt")" bench/BcryptCeiling.java 30 | sed -n 's/.*checks_per_second=//p')
echo "bcrypt ceiling: $ceiling checks/s"
login=$(logins | grep '^RESULT')
drained
alone=$(catalog | grep '^RESULT')
storm_file="$out/storm.txt"
logins > "$storm_file" &
storm=$!
sleep 2
during=$(catalog | grep '^RESULT')
wait $storm
mixed=$(grep '^RESULT' "$storm_file")

{
  echo "bcrypt ceiling (cost 12, $(nproc) threads, app warm and idle, 30 s): $ceiling checks/s"
  echo
  echo "| run | requests/s | p50 ms | p95 ms | p99 ms | errors |"
  echo "|---|---|---|---|---|---|"
  echo "| logins alone ($LOGIN_CONNECTIONS connections) | $(get rps "$login") | $(get p50 "$login") | $(get p95 "$login") | $(get p99 "$login") | $(get errors "$login") |"
  echo "| logins beside the catalog load | $(get rps "$mixed") | $(get p50 "$mixed") | $(get p95 "$mixed") | $(get p99 "$mixed") | $(get errors "$mixed") |"
  echo "| catalog paced $CATALOG_RATE/s, alone | $(get rps "$alone") | $(get p50 "$alone") | $(get p95 "$alone") | $(get p99 "$alone") | $(get errors "$alone") |"
  echo "| catalog paced $CATALOG_RATE/s, during the storm | $(get rps "$during") | $(get p50 "$during") | $(get p95 "$during") | $(get p99 "$during") | $(get errors "$during") |"
  echo
  echo "Logins reach $(echo "scale=1; 100 * $(get rps "$login") / $ceiling" | bc)% of the ceiling; catalog p95 during the storm is $(echo "scale=2; $(get p95 "$during") / $(get p95 "$alone")" | bc)x its value alone."
} | tee "$out/summary.md"
report_memory
