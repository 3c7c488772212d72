#!/usr/bin/env bash
# Start-up of the packaged server: the time from `java -jar` to its first answer (GET /v1/ping with a key, 200),
# polled every 20 ms, and the phases the server logs ("start-up:" lines: connection pool, Flyway, Hibernate's
# bootstrap, the engine's load, the web server). Runs, in turn:
#   1. a first start on a new H2 database (every migration applied, the demo property made);
#   2. a second start on the same database (migrated already: what a restart costs);
#   3. the same with a JDK AOT cache (JEP 483/514, JDK 25): a training start that answers a few requests and
#      writes the cache at exit, then a start that uses it.
# With HOTEL_DB_URL (and HOTEL_DB_USER) set, it times starts on that database instead of new H2 ones (for one
# holding the whole replayed dataset), step 1 skipped.
#
#   benchmarks/load/startup.sh [starts per kind, default 2]
#
# HOTEL_SERVER_JAR: another build (default the worktree's hotel-api-helidon/target/hotel-api-helidon.jar).
set -euo pipefail
cd "$(dirname "$0")/../.."
STARTS=${1:-2}
ADMIN_KEY=hk_load-admin-key-0123456789
WORK=$(mktemp -d)
SERVER_PID=

stop() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=
}
trap 'stop; rm -rf "$WORK"' EXIT INT TERM

. bin/jdk.sh
JAR=${HOTEL_SERVER_JAR:-hotel-api-helidon/target/hotel-api-helidon.jar}
[ -f "$JAR" ] || ./mvnw -B -ntp -q -pl hotel-api-helidon -am package -DskipTests
JAR=$(readlink -f "$JAR")
DB_URL=${HOTEL_DB_URL:-jdbc:h2:file:$WORK/data/hotelkit;AUTO_SERVER=FALSE}
DB_USER=${HOTEL_DB_USER:-}

start() { # label, extra JVM options...: starts the server, waits for its first answer, prints the times; sets BASE_URL
  local label=$1; shift
  local port launched answered code
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  launched=$(date +%s%N)
  HOTEL_HTTP_HOST=127.0.0.1 HOTEL_HTTP_PORT=$port HOTEL_ADMIN_KEY=$ADMIN_KEY HOTEL_DEMO=true \
    HOTEL_DB_URL="$DB_URL" HOTEL_DB_USER="$DB_USER" java "$@" -jar "$JAR" >"$WORK/$label.log" 2>&1 &
  SERVER_PID=$!
  code=000
  for _ in $(seq 6000); do # at most two minutes
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 -H "Authorization: Bearer $ADMIN_KEY" \
      "http://127.0.0.1:$port/v1/ping" || true)
    [ "$code" = 200 ] && break
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.02
  done
  answered=$(date +%s%N)
  if [ "$code" != 200 ]; then
    echo "$label: no answer (last status $code):" >&2; tail -20 "$WORK/$label.log" >&2; exit 1
  fi
  printf '%-28s first answer %6d ms after java -jar   (load average %s)\n' "$label" $(( (answered - launched) / 1000000 )) \
    "$(cut -d' ' -f1 /proc/loadavg)"
  # the server logs its phases as start returns, which may be just after it first answers
  for _ in $(seq 100); do grep -q 'start-up: database' "$WORK/$label.log" && break; sleep 0.05; done
  grep -h 'start-up:' "$WORK/$label.log" | sed 's/^.*start-up:/    start-up:/' || true
  BASE_URL=http://127.0.0.1:$port
}

echo "hotelkit start-up, $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server $JAR, database ${HOTEL_DB_URL:+(given) }$(sed 's/password=[^&;]*/password=***/' <<<"$DB_URL")"
if [ -z "${HOTEL_DB_URL:-}" ]; then
  start "first start (new H2)"; stop
fi
for i in $(seq "$STARTS"); do start "restart $i"; stop; done
# The AOT cache: a training run that serves a few requests, then starts that use what it recorded.
start "AOT training run" -XX:AOTCacheOutput="$WORK/hotel.aot"
for _ in $(seq 50); do
  curl -s -o /dev/null -H "Authorization: Bearer $ADMIN_KEY" "$BASE_URL/v1/ping"
  curl -s -o /dev/null -H "Authorization: Bearer $ADMIN_KEY" "$BASE_URL/v1/properties"
done
stop
[ -f "$WORK/hotel.aot" ] || { echo "no AOT cache was written:" >&2; tail -5 "$WORK/AOT training run.log" >&2; exit 1; }
echo "    AOT cache: $(du -m "$WORK/hotel.aot" | cut -f1) MB"
for i in $(seq "$STARTS"); do start "restart $i with the AOT cache" -XX:AOTCache="$WORK/hotel.aot"; stop; done
