#!/usr/bin/env bash
# Catalog load test: list, detail and search at 64, 256 and 1,000 connections, against the app in its production shape
# (this machine's PostgreSQL and Redis). Loopback only, bounded in time. Run by hand:  bash bench/catalog.sh
#   DURATION=20s  CONNECTIONS="64 256 1000"  RATE=6000  SCENARIOS="list detail search"  JAVA_OPTS=...  REDIS_URL=...
# Each scenario runs twice per connection count: "saturated" (every connection sends its next request the moment the
# previous answer arrives: the most the machine can serve) and "paced" (connections pause like users so that together
# they offer RATE requests/s: the latency travellers see at that load).
# Needs wrk, jq, curl, psql and redis-cli (Debian packages). Prints a Markdown table and keeps the raw output under bench/results/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/find-jdk.sh

DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64 256 1000}
RATE=${RATE:-6000}
PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
PG_ADMIN=${PG_ADMIN:-postgresql://postgres@127.0.0.1:5432/postgres}
DATABASE=phuket_bench
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
# The memory settings we recommend for production (README "Operations"): a bounded heap keeps RSS predictable.
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=64m -Xss512k}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
out="bench/results/catalog-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"

psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
redis-cli -u "$REDIS_URL" --scan --pattern 'phuket-bench:*' | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null

./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package
jar=$(ls target/phuket-backend-*.jar | grep -v plain | head -n 1)

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" SPRING_DATASOURCE_USERNAME=postgres \
  SPRING_DATA_REDIS_URL="$REDIS_URL" SAMPLE_DATA=true SERVER_PORT=$PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT \
  PHUKET_CACHE_KEY_PREFIX="phuket-bench:" TRUSTED_PROXIES=127.0.0.1/32 \
  PHUKET_IDENTITY_ENCRYPTION_KEYS_BENCH="$(head -c 32 /dev/urandom | base64)" \
  java $JAVA_OPTS -jar "$jar" > "$out/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null || true; wait $app 2>/dev/null || true' EXIT

base="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -fs "$base/health/ready" >/dev/null 2>&1 && break
  kill -0 $app 2>/dev/null || { echo "the app died; see $out/app.log" >&2; exit 1; }
  sleep 1
done
curl -fs "$base/health/ready" >/dev/null

# What travellers ask for: the first pages of each list under common filters, details of every item, and searches.
{
  for kind in vehicles properties tours; do
    for page in 1 2 3; do echo "/v1/$kind?page=$page"; done
  done
  for type in scooter motorbike car; do echo "/v1/vehicles?type=$type"; done
  for area in patong kata karon rawai bang_tao; do echo "/v1/properties?area=$area"; echo "/v1/vehicles?area=$area"; done
  echo "/v1/properties?guests=4&sort=price"; echo "/v1/tours?category=islands"; echo "/v1/tours?sort=-rating"
} > "$out/list.txt"
for kind in vehicles properties tours; do
  curl -fs "$base/v1/$kind?per_page=100" | grep -o '"id":"[0-9a-f-]\{36\}"' | cut -d'"' -f4 | sed "s|^|/v1/$kind/|"
done > "$out/detail.txt"
for q in scooter скутер villa виллы diving дайвинг patong "phi phi" "car rental" "вилла с бассейном" "james bond" \
         elephant kata honda "sea view" снорклинг vila scoter; do
  printf "/v1/search?q=%s\n" "$(jq -rn --arg q "$q" '$q|@uri')"
done > "$out/search.txt"

# Warm the JIT and the caches before measuring.
for scenario in ${SCENARIOS:-list detail search}; do
  wrk -t2 -c64 -d10s -s bench/wrk/paths.lua "$base" -- "$out/$scenario.txt" > /dev/null
done

echo "| scenario | connections | load | requests/s | p50 ms | p95 ms | p99 ms | errors |" | tee "$out/summary.md"
echo "|---|---|---|---|---|---|---|---|" | tee -a "$out/summary.md"
for scenario in ${SCENARIOS:-list detail search}; do
  for c in $CONNECTIONS; do
    for load in saturated "paced $RATE/s"; do
      pace=(); [ "$load" = saturated ] || pace=("$RATE" "$c")
      line=$(wrk -t2 -c"$c" -d"$DURATION" --timeout 10s -s bench/wrk/paths.lua "$base" -- "$out/$scenario.txt" "${pace[@]}" \
        | tee "$out/$scenario-$c-${load%% *}.txt" | grep '^RESULT')
      get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$line"; }
      echo "| $scenario | $c | $load | $(get rps) | $(get p50) | $(get p95) | $(get p99) | $(get errors) |" \
        | tee -a "$out/summary.md"
    done
  done
done

rss=$(awk '/VmRSS/ {print int($2/1024)}' /proc/$app/status)
peak=$(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status)
echo | tee -a "$out/summary.md"
echo "App RSS after the run: ${rss} MiB (peak ${peak} MiB); JVM options: $JAVA_OPTS" | tee -a "$out/summary.md"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1)" | tee -a "$out/summary.md"
echo "Raw output in $out"
