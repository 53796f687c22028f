#!/usr/bin/env bash
# Booking benchmark (issue 4): booking throughput across many items, and latency under contention on one item, with
# the per-user rate limits on (thousands of travellers, each under 30 requests a minute). Afterwards a SQL query counts
# overlapping live bookings of any item: it must be 0. Loopback only, bounded in time. Run by hand:
#   bash bench/booking.sh
#   DURATION=20s  USERS=4000  ITEMS=2000  CONNECTIONS=64  RUNS=3 (of the many-items scenario)
#   IDEMPOTENCY_KEYS=1: every booking carries an Idempotency-Key of its own, as the iOS app sends (default: none)
# Travellers are registered with bcrypt cost 4 (PHUKET_IDENTITY_BCRYPT_COST) so that setting up thousands takes
# seconds: logins are not what this benchmark measures (bench/login.sh does). Stripe is not configured, so bookings
# take the pay-on-arrival path; their notices are queued as jobs as usual.
# The JIT is warmed up on items of its own, so that the measured items start with empty calendars.
# PostgreSQL's autovacuum is switched on for the run if the server has it off (this machine's CI configuration does;
# production never should: the job table is a queue that must be vacuumed as it turns over), and restored afterwards.
export PHUKET_IDENTITY_BCRYPT_COST=4
. "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20s}
USERS=${USERS:-4000}
ITEMS=${ITEMS:-2000}
CONNECTIONS=${CONNECTIONS:-64}
RUNS=${RUNS:-3}
database="postgresql://postgres@127.0.0.1:5432/$DATABASE"

start_app booking
if [ "$(psql "$PG_ADMIN" -qAt -c "SHOW autovacuum")" = off ]; then
  trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true
        psql "$PG_ADMIN" -qAt -c "ALTER SYSTEM RESET autovacuum" -c "SELECT pg_reload_conf()" >/dev/null' EXIT
  psql "$PG_ADMIN" -qAt -c "ALTER SYSTEM SET autovacuum = on" -c "SELECT pg_reload_conf()" >/dev/null
fi

echo "Adding $ITEMS scooters to the catalog, and as many for the warm-up"
psql "$database" -qAt -c "
  INSERT INTO vehicles (type, brand, model, year, engine_cc, seats, transmission, name_en, name_ru, description_en,
      description_ru, area_code, latitude, longitude, daily_price)
  SELECT 'scooter', 'Honda', 'Click', 2024, 125, 2, 'automatic', 'Bench scooter ' || n, 'Скутер ' || n, 'Bench',
      'Бенч', 'patong', 7.896, 98.296, 250 + n % 200
  FROM generate_series(1, 2 * $ITEMS) AS n
  RETURNING id" > "$out/all-items.txt"
head -n "$ITEMS" "$out/all-items.txt" > "$out/items.txt"
tail -n "+$((ITEMS + 1))" "$out/all-items.txt" > "$out/warm-up-items.txt"
head -n 1 "$out/items.txt" > "$out/contended.txt"

echo "Registering $USERS travellers"
# Each registers from an address of its own (through the trusted proxy), as the auth limit is per address.
seq 1 "$USERS" | xargs -P 4 -n 1 sh -c 'curl -s -H "Content-Type: application/json" \
    -H "X-Forwarded-For: 198.18.$(($1 / 250)).$(($1 % 250 + 1))" \
    -d "{\"email\":\"bench-$1@example.com\",\"password\":\"sunny-beach-2026\",\"fullName\":\"Bench $1\"}" \
    "$0/v1/auth/register"' "$base" | jq -r '.data.access_token // empty' > "$out/tokens.txt"
echo "$(wc -l < "$out/tokens.txt") travellers signed in"

failed_statuses() { # " (503, 401)" after the count of failures, naming their statuses
  local statuses
  statuses=$(sed -n 's/.* failed_statuses=\([0-9,]*\).*/\1/p' <<<"$1")
  [ -n "$statuses" ] && echo " (${statuses//,/, })" || true
}

book() { # $1: items file, $2: spread of start days, $3: fixed start (contention) or "", $4: duration
  wrk -t2 -c"$CONNECTIONS" -d"${4:-$DURATION}" --timeout 10s -s bench/wrk/bookings.lua "$base" -- \
    "$out/tokens.txt" "$1" "$2" ${3:-}
}

warm_up book "$out/warm-up-items.txt" 300 "" # its bookings stay, as in any busy week
# The many-items run is repeated (RUNS, 3): this machine's runs vary by a third, and one run shows too little.
spread=() cpu=() queued=()
for run in $(seq 1 "$RUNS"); do
  cpu_before=$(cpu_snapshot)
  spread+=("$(book "$out/items.txt" 300 | tee "$out/spread-$run.txt" | grep '^RESULT')")
  cpu+=("$(cpu_per_request "$cpu_before" "$(cpu_snapshot)" "$(get requests "${spread[-1]}")")")
  queued+=("$(psql "$database" -qAt -c "SELECT count(*) FROM scheduled_tasks")")
done
contended=$(book "$out/contended.txt" 300 10 | tee "$out/contended-run.txt" | grep '^RESULT')

overlaps=$(overlapping_bookings "$database")

{
  echo "| scenario | connections | requests/s | booked/s | p50 ms | p95 ms | p99 ms | booked | refused (422) | limited (429) | failed |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|"
  runs=()
  for run in $(seq 1 "$RUNS"); do runs+=("many items ($ITEMS scooters), run $run:${spread[run - 1]}"); done
  for run in "${runs[@]}" "contention (one scooter):$contended"; do
    line=${run#*:}
    echo "| ${run%%:*} | $CONNECTIONS | $(get rps "$line") | $(get booked_per_s "$line") | $(get p50 "$line") | $(get p95 "$line") | $(get p99 "$line") | $(get booked "$line") | $(get refused "$line") | $(get limited "$line") | $(get failed "$line")$(failed_statuses "$line") |"
  done
  echo
  echo "CPU per request of the many-items runs (the machine has $(nproc) cores):"
  for run in $(seq 1 "$RUNS"); do
    echo "- run $run: ${cpu[run - 1]}; notices still queued right after it: ${queued[run - 1]}"
  done
  echo "Overlapping live bookings afterwards (SQL): $overlaps"
  echo "An Idempotency-Key on each booking: $([ "${IDEMPOTENCY_KEYS:-0}" = 1 ] && echo yes || echo no)"
} | tee "$out/summary.md"
report_memory
