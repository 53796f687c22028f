# Sourced by the benchmarks: builds the jar and starts the app in its production shape against this machine's
# PostgreSQL (a fresh database phuket_bench) and Redis (key prefix phuket-bench:), behind a trusted local proxy so
# that load generators can speak for many client addresses. Sets $out (results folder), $app (pid) and $base (URL).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. scripts/find-jdk.sh

PORT=${PORT:-18080}
MANAGEMENT_PORT=${MANAGEMENT_PORT:-18081}
PG_ADMIN=${PG_ADMIN:-postgresql://postgres@127.0.0.1:5432/postgres}
DATABASE=phuket_bench
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
# The JVM settings we recommend for production (README "Operations"): a bounded heap keeps RSS predictable.
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseSerialGC -XX:MaxMetaspaceSize=160m -XX:ReservedCodeCacheSize=128m -Xss512k -XX:TrimNativeHeapInterval=1000}

for tool in wrk jq curl psql redis-cli; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install -y wrk jq curl postgresql-client redis-tools" >&2; exit 1; }
done

start_app() { # $1: name of the benchmark
  out="bench/results/$1-$(date +%Y%m%d-%H%M%S)"
  mkdir -p "$out"
  psql "$PG_ADMIN" -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" -c "CREATE DATABASE $DATABASE"
  redis-cli -u "$REDIS_URL" --scan --pattern 'phuket-bench:*' | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null

  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package
  jar=$(ls target/phuket-backend-*.jar | head -n 1)

  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DATABASE" SPRING_DATASOURCE_USERNAME=postgres \
    SPRING_DATA_REDIS_URL="$REDIS_URL" SAMPLE_DATA=true SERVER_PORT=$PORT MANAGEMENT_SERVER_PORT=$MANAGEMENT_PORT \
    PHUKET_CACHE_KEY_PREFIX="phuket-bench:" TRUSTED_PROXIES=127.0.0.1/32 \
    PHUKET_IDENTITY_ENCRYPTION_KEYS_BENCH="$(head -c 32 /dev/urandom | base64)" MALLOC_ARENA_MAX=2 \
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
}

# Warms the JIT with a load until it has done its work: runs "$@ 10s" (a function that takes wrk's duration last)
# round after round until, two rounds in a row, the throughput is no more than 5 % above the best before and the JIT's
# compiler threads used under 5 % of a core; or until WARMUP_ROUNDS (20) have run. Throughput alone is not enough: on
# this noisy machine it flattens while C2 is still compiling, and C2 then took a tenth of the machine from the
# measured run.
warm_up() {
  local best=0 flat=0 rps round jit_before jit_percent
  for round in $(seq 1 "${WARMUP_ROUNDS:-20}"); do
    jit_before=$(jit_ticks)
    rps=$(get rps "$("$@" 10s | grep '^RESULT')")
    rps=${rps:-0}
    jit_percent=$(( ($(jit_ticks) - jit_before) / 10 )) # clock ticks (1/100 s) over 10 s: percent of a core
    echo "warm-up round $round: $rps requests/s, JIT compilers $jit_percent % of a core" >&2
    if [ "$jit_percent" -lt 5 ] && awk -v now="$rps" -v best="$best" 'BEGIN { exit !(now <= best * 1.05) }'; then
      flat=$((flat + 1))
    else
      flat=0
    fi
    [ "$flat" -ge 2 ] && return
    best=$(awk -v now="$rps" -v best="$best" 'BEGIN { print (now > best ? now : best) }')
  done
}

# CPU time (clock ticks, 1/100 s) of one /proc stat file (a process or a thread): its utime plus stime.
stat_ticks() {
  local line
  read -r line < "$1" 2>/dev/null || return 1
  set -- ${line##*) } # fields from the state on: utime and stime are the 12th and 13th
  echo $((${12} + ${13}))
}

# CPU time the app's JIT compiler threads have used so far.
jit_ticks() {
  local total=0 stat comm
  for stat in /proc/"$app"/task/*/stat; do
    comm=$(cat "${stat%stat}comm" 2>/dev/null) || continue
    case $comm in
      C1\ CompilerThre* | C2\ CompilerThre*) total=$((total + $(stat_ticks "$stat" || echo 0))) ;;
    esac
  done
  echo "$total"
}

# CPU time used so far, one line per process: "app|postgres|redis-server <pid> <ticks>".
cpu_snapshot() {
  local pid ticks
  for pid in $app $(pgrep -x postgres) $(pgrep -x redis-server); do
    ticks=$(stat_ticks "/proc/$pid/stat") || continue
    if [ "$pid" = "$app" ]; then echo "app $pid $ticks"; else echo "$(cat "/proc/$pid/comm") $pid $ticks"; fi
  done
}

# What each process kind spent per request between two snapshots: cpu_per_request "$before" "$after" <requests>.
# A process that started in between counts from zero; one that ended in between is missed.
cpu_per_request() {
  awk -v requests="$3" 'NR == FNR { before[$1 " " $2] = $3; next }
    { spent[$1] += $3 - before[$1 " " $2] }
    END { printf "app %.2f ms, PostgreSQL %.2f ms, Redis %.2f ms", spent["app"] * 10 / requests,
          spent["postgres"] * 10 / requests, spent["redis-server"] * 10 / requests }' <(echo "$1") <(echo "$2")
}

# Live bookings of an exclusive item whose dates overlap another's, in database $1: the count must be 0.
overlapping_bookings() {
  psql "$1" -qAt -c "
    SELECT count(*) FROM bookings a JOIN bookings b ON a.item_id = b.item_id AND a.id < b.id
    WHERE a.item_kind <> 'tour' AND a.status IN ('pending', 'confirmed') AND b.status IN ('pending', 'confirmed')
      AND daterange(a.start_date, a.end_date) && daterange(b.start_date, b.end_date)"
}

# Reads one field of wrk's RESULT line: get rps "$line".
get() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }

report_memory() {
  echo | tee -a "$out/summary.md"
  echo "App RSS after the run: $(awk '/VmRSS/ {print int($2/1024)}' /proc/$app/status) MiB (peak $(awk '/VmHWM/ {print int($2/1024)}' /proc/$app/status) MiB); JVM options: $JAVA_OPTS" | tee -a "$out/summary.md"
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; $(java -version 2>&1 | head -n 1)" | tee -a "$out/summary.md"
  echo "Raw output in $out"
}
