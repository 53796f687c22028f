#!/usr/bin/env bash
# PostgreSQL's share of a booking, alone (issue 4): pgbench runs the statements the app sends for one booking on the
# many-items path (the item's lock, the insert that checks blocked dates and the exclusion constraint, the notice's
# job, the commit) from as many clients as the app's pool has connections, with no app, Redis or job runner beside
# it. What it reaches is a ceiling the whole app cannot pass on the same machine the same hour, and the CPU it needs
# per booking is the part of a booking the app's code cannot save: a yardstick for bench/booking.sh on a machine
# whose speed moves from day to day. The SQL mirrors BookingRepository.insert, AvailabilityRepository.lockItem and
# db-scheduler's insert; keep them in step. Run by hand:
#   bash bench/booking-sql.sh
#   DURATION=20  CLIENTS=20  RUNS=3
#   COMPARE=1: each run also measures the booking without the item's lock, and without the notice's job, in turn
#   with the whole booking, so that what each statement costs PostgreSQL is seen side by side on a drifting machine
. "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-20}
CLIENTS=${CLIENTS:-20}
RUNS=${RUNS:-3}
database="postgresql://postgres@127.0.0.1:5432/$DATABASE"
command -v pgbench >/dev/null || { echo "pgbench is missing: apt-get install -y postgresql (Debian ships it with the server)" >&2; exit 1; }

start_app booking-sql # applies the migrations; the app then leaves the machine to PostgreSQL
kill "$app" && wait "$app" 2>/dev/null || true

psql "$database" -q -c "
  CREATE TABLE bench_items AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, 2000) AS n;
  CREATE UNIQUE INDEX ON bench_items (n);
  CREATE TABLE bench_users AS SELECT n, gen_random_uuid() AS id FROM generate_series(1, 4000) AS n;
  CREATE UNIQUE INDEX ON bench_users (n);"

cat > "$out/booking.sql" <<'SQL'
\set i random(1, 2000)
\set u random(1, 4000)
\set s random(1, 300)
\set nights random(1, 3)
SELECT id AS item, (SELECT id FROM bench_users WHERE n = CAST(:u AS int)) AS usr, current_date + CAST(:s AS int) AS sd, current_date + CAST(:s AS int) + CAST(:nights AS int) AS ed, gen_random_uuid() AS bid, upper(substr(md5(random()::text), 1, 11)) AS code, now() AS ts FROM bench_items WHERE n = CAST(:i AS int) \gset
BEGIN;
SELECT pg_advisory_xact_lock(hashtextextended(CAST(:item AS text), 0));
WITH obstacle AS (SELECT EXISTS (SELECT 1 FROM blocked_periods WHERE item_id = CAST(:item AS uuid) AND period && daterange(CAST(:sd AS date), CAST(:ed AS date), '[)')) AS blocked), inserted AS (INSERT INTO bookings (id, confirmation_code, user_id, item_kind, item_id, item_name_en, item_name_ru, start_date, end_date, guests, status, total_price, currency, payment_method, hold_expires_at, created_at, updated_at) SELECT CAST(:bid AS uuid), :code, CAST(:usr AS uuid), 'vehicle', CAST(:item AS uuid), 'Bench scooter', 'Скутер', CAST(:sd AS date), CAST(:ed AS date), 1, 'pending', 500.00, 'THB', 'on_arrival', CAST(:ts AS timestamptz) + interval '1 day', CAST(:ts AS timestamptz), CAST(:ts AS timestamptz) FROM obstacle WHERE NOT blocked ON CONFLICT DO NOTHING RETURNING 1) SELECT CASE WHEN EXISTS (SELECT 1 FROM inserted) THEN 'inserted' WHEN (SELECT blocked FROM obstacle) THEN 'blocked' ELSE (SELECT CASE WHEN bool_or(status = 'pending' AND hold_expires_at <= CAST(:ts AS timestamptz)) THEN 'overdue_hold' WHEN count(*) > 0 THEN 'dates_taken' ELSE 'code_taken' END FROM bookings WHERE item_id = CAST(:item AS uuid) AND item_kind <> 'tour' AND status IN ('pending', 'confirmed') AND daterange(start_date, end_date, '[)') && daterange(CAST(:sd AS date), CAST(:ed AS date), '[)')) END;
INSERT INTO scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version, priority) VALUES ('bench-notice', CAST(gen_random_uuid() AS text), convert_to('{"userId":"0d9a0c4e-2b7f-4f51-9a35-4f0f3b6f2a11","event":"created","booking":{"bookingId":"7c2f3c0e-1a2b-4c5d-8e9f-0a1b2c3d4e5f","confirmationCode":"7KQ4M-X9HTW","userId":"0d9a0c4e-2b7f-4f51-9a35-4f0f3b6f2a11","itemKind":"VEHICLE","itemId":"1b2c3d4e-5f60-4718-92a3-b4c5d6e7f809","itemNameEn":"Bench scooter 12","itemNameRu":"Скутер 12","startDate":"2027-01-10","endDate":"2027-01-12","guests":1,"totalPrice":500.00,"currency":"THB"},"until":"2026-12-03T13:00:00Z","channels":["email","push"]}', 'UTF8'), now(), false, 1, 0);
COMMIT;
SQL

# The variants COMPARE measures: the same script less one statement (no longer a safe booking: a yardstick only).
sed '/pg_advisory_xact_lock/d' "$out/booking.sql" > "$out/booking-without-lock.sql"
sed '/INSERT INTO scheduled_tasks/d' "$out/booking.sql" > "$out/booking-without-job.sql"
variants=(booking)
[ "${COMPARE:-0}" = 1 ] && variants+=(booking-without-lock booking-without-job)

busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; } # user, nice, system, irq, softirq

echo "| run | statements | clients | bookings/s | server CPU per booking | pgbench's own CPU per booking |"
echo "|---|---|---|---|---|---|"
for run in $(seq 1 "$RUNS"); do
  for variant in "${variants[@]}"; do
    # Each run starts from empty calendars, as bench/booking.sh's measured items do.
    psql "$database" -q -c "TRUNCATE bookings CASCADE" -c "DELETE FROM scheduled_tasks WHERE task_name = 'bench-notice'" \
        -c "VACUUM ANALYZE bookings, scheduled_tasks" -c "CHECKPOINT"
    before=$(busy_ticks)
    /usr/bin/time -f "%U %S" -o "$out/pgbench-cpu-$run-$variant.txt" pgbench -n -M prepared -c "$CLIENTS" -j 2 \
        -T "$DURATION" -f "$out/$variant.sql" "$database" > "$out/pgbench-$run-$variant.txt" 2>&1
    after=$(busy_ticks)
    made=$(sed -n 's/number of transactions actually processed: \([0-9]*\).*/\1/p' "$out/pgbench-$run-$variant.txt")
    awk -v run="$run" -v variant="${variant#booking}" -v clients="$CLIENTS" -v made="$made" -v seconds="$DURATION" \
        -v busy=$((after - before)) \
        '{ own = ($1 + $2) * 100; printf "| %d | all%s | %d | %.0f | %.2f ms | %.2f ms |\n", run, variant, clients,
           made / seconds, (busy - own) * 10 / made, own * 10 / made }' "$out/pgbench-cpu-$run-$variant.txt"
  done
done | tee "$out/summary.md"
grep -h "error" "$out"/pgbench-*.txt | head -n 3 || true
echo "Overlapping live bookings afterwards (SQL): $(overlapping_bookings "$database")" | tee -a "$out/summary.md"
echo "Machine: $(nproc) cores; $(psql "$database" -qAt -c "SHOW server_version"); raw output in $out"
