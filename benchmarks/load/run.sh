#!/usr/bin/env bash
# Load test of the reference server over loopback with wrk: the trivial authenticated route (GET /v1/ping)
# as the baseline, the availability search, and booking creation on PostgreSQL, then an SQL check that no
# room-night was sold twice. Starts the packaged server (building it if missing) on 127.0.0.1 on a
# database of its own, and always stops what it started and drops that database.
#
#   benchmarks/load/run.sh [seconds per phase, default 10]
#
# HOTEL_SERVER_JAR: another build of the server to measure (a copy of hotel-api-helidon.jar with its libs/
# beside it), for before/after pairs; default the worktree's hotel-api-helidon/target/hotel-api-helidon.jar.
# wrk keeps each connection alive (HTTP/1.1) and sends the next request on it as soon as the answer is in:
# no connection or client set-up per request is measured.
#
# PostgreSQL: HOTEL_TEST_POSTGRES_URL's server (jdbc:postgresql://host:port/db?user=name), default
# jdbc:postgresql://127.0.0.1:5432/test?user=postgres; psql must reach it. wrk comes from apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${1:-10}
ADMIN_KEY=hk_load-admin-key-0123456789
ADMIN_URL=${HOTEL_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
[[ $ADMIN_URL =~ ^jdbc:postgresql://([^/:]+):?([0-9]*)/([^?]+)\?user=([^&]+) ]] || { echo "not a jdbc:postgresql URL with ?user=: $ADMIN_URL" >&2; exit 2; }
PG_HOST=${BASH_REMATCH[1]}; PG_PORT=${BASH_REMATCH[2]:-5432}; PG_ADMIN_DB=${BASH_REMATCH[3]}; PG_USER=${BASH_REMATCH[4]}
DB=hotel_load_$RANDOM$RANDOM
WORK=$(mktemp -d)
SERVER_PID=

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_ADMIN_DB" -qAtc "$1"; }
psql_db() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qAtc "$1"; }

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  psql_admin "drop database if exists $DB with (force)" || true
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

. bin/jdk.sh
JAR=${HOTEL_SERVER_JAR:-hotel-api-helidon/target/hotel-api-helidon.jar}
[ -f "$JAR" ] || ./mvnw -B -ntp -q -pl hotel-api-helidon -am package -DskipTests
JAR=$(readlink -f "$JAR")
command -v wrk >/dev/null || apt-get install -y -q wrk >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
AUTH="Authorization: Bearer $ADMIN_KEY"

psql_admin "create database $DB"
# Bounded in time: the server stops by itself after 15 minutes even if this script is killed hard.
(cd "$WORK" && HOTEL_HTTP_HOST=127.0.0.1 HOTEL_HTTP_PORT=$PORT HOTEL_ADMIN_KEY=$ADMIN_KEY HOTEL_DEMO=true \
  HOTEL_DB_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB?user=$PG_USER" HOTEL_DB_USER=$PG_USER HOTEL_DB_PASSWORD= \
  HOTEL_RATE_LIMIT_ADMIN_CAPACITY=1000000000 HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND=1000000000 \
  exec timeout 900 java -Xms1g -Xmx1g -jar "$JAR" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/health" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
JAVA_PID=$(pgrep -P "$SERVER_PID" java)
TICKS=$(getconf CLK_TCK)

# The demo property's STD type gets 500 rooms, so that a phase of bookings is mostly sold, not refused.
PROPERTY=$(curl -fs -H "$AUTH" "$BASE/v1/properties" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
FIRST=$(curl -fs -H "$AUTH" "$BASE/v1/properties/$PROPERTY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["business_date"])')
for n in $(seq 1000 1499); do
  curl -fs -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d "{\"number\":\"$n\",\"room_type\":\"STD\"}" "$BASE/v1/properties/$PROPERTY/rooms"
done
CHECKOUT=$(date -d "$FIRST + 3 days" +%F)
AVAILABILITY="$BASE/v1/properties/$PROPERTY/availability?checkin_date=$FIRST&checkout_date=$CHECKOUT&adults=2"

cpu_ticks() { # the CPU time (user + system, in clock ticks) of the given processes so far
  local pid total=0 fields
  for pid in "$@"; do
    read -r -a fields <"/proc/$pid/stat" 2>/dev/null || continue
    total=$((total + fields[13] + fields[14]))
  done
  echo "$total"
}

phase() { # name, connections, url, [extra wrk args...]
  local name=$1 connections=$2 url=$3; shift 3
  local backends server_before db_before
  backends=$(psql_db "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
  server_before=$(cpu_ticks "$JAVA_PID"); db_before=$(cpu_ticks $backends)
  wrk -t "$(( connections < 2 ? 1 : 2 ))" -c "$connections" -d "${SECONDS_PER_PHASE}s" --latency -H "$AUTH" "$@" "$url" >"$WORK/$name.txt"
  local rate p50 p99 requests server_cpu db_cpu
  server_cpu=$(( $(cpu_ticks "$JAVA_PID") - server_before )); db_cpu=$(( $(cpu_ticks $backends) - db_before ))
  rate=$(awk '/^Requests\/sec/ {print $2}' "$WORK/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt"); p99=$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")
  printf '%-18s %3d conn %9s req/s  p50 %8s  p99 %8s  CPU/request: server %5s µs, database %5s µs  %s\n' \
    "$name" "$connections" "$rate" "$p50" "$p99" \
    "$(( server_cpu * 1000000 / TICKS / (requests > 0 ? requests : 1) ))" "$(( db_cpu * 1000000 / TICKS / (requests > 0 ? requests : 1) ))" \
    "$(grep -h -E 'Non-2xx|bookings:|Socket errors' "$WORK/$name.txt" | tr '\n' ' ')"
  echo "$rate" >"$WORK/$name.rate"
}

echo "hotelkit load test, $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server $JAR on $BASE (PostgreSQL database $DB), wrk 2 threads (1 for 1 connection), ${SECONDS_PER_PHASE}s a phase"
wrk -t 2 -c 8 -d 10s -H "$AUTH" "$BASE/v1/ping" >/dev/null            # warm-up (JIT)
wrk -t 2 -c 8 -d 10s -H "$AUTH" "$AVAILABILITY" >/dev/null
# Saturation is the best closed-loop rate over the connection counts: on 2 cores shared with wrk and
# PostgreSQL, more connections than that only queue.
saturated() { # name: the highest rate of its phases
  cat "$WORK/$1"-*.rate | sort -g | tail -1
}
for c in 1 2 4 8 16 32; do phase "ping-$c" "$c" "$BASE/v1/ping"; done
for c in 1 2 4 8 16 32; do phase "availability-$c" "$c" "$AVAILABILITY"; done
PING=$(saturated ping); AVAILABLE=$(saturated availability)
# wrk has no fixed rate (wrk2 is not packaged): half of saturation is the connection count whose
# closed-loop rate comes nearest half the saturated one.
half=$(awk -v r="$AVAILABLE" 'BEGIN {print r / 2}')
best=$(for c in 1 2 4 8 16 32; do awk -v c="$c" -v r="$(cat "$WORK/availability-$c.rate")" -v h="$half" \
  'BEGIN {d = r - h; print (d < 0 ? -d : d), c}'; done | sort -g | head -1 | cut -d' ' -f2)
echo "availability at half of saturation ($half req/s): $best connection(s), p99 $(awk '$1 == "99%" {print $2}' "$WORK/availability-$best.txt") (target < 5 ms)"
PROPERTY=$PROPERTY KEY=$ADMIN_KEY FIRST=$FIRST wrk -t 2 -c 4 -d 10s -H "$AUTH" -s benchmarks/load/book.lua \
  "$BASE/v1/properties/$PROPERTY/bookings" >/dev/null                # warm-up of the booking path
BOOKED_BEFORE=$(psql_db "select count(*) from bookings")
PROPERTY=$PROPERTY KEY=$ADMIN_KEY FIRST=$FIRST phase bookings-saturated 16 "$BASE/v1/properties/$PROPERTY/bookings" -s benchmarks/load/book.lua
BOOKED=$(( $(psql_db "select count(*) from bookings") - BOOKED_BEFORE ))

echo "saturated: ping $PING req/s, availability $AVAILABLE req/s: availability / ping $(awk -v a="$AVAILABLE" -v p="$PING" 'BEGIN {printf "%.2f", a / p}') (target >= 0.70)"
echo "bookings stored: $BOOKED in ${SECONDS_PER_PHASE}s: $(( BOOKED / SECONDS_PER_PHASE )) a second (target >= 1,000)"
TWICE=$(psql_db "select count(*) from bookings a join bookings b on a.property_id = b.property_id
  and a.room_number = b.room_number and a.id < b.id and daterange(a.checkin, a.checkout) && daterange(b.checkin, b.checkout)
  where a.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT') and b.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')")
PAST=$(psql_db "select count(*) from (select b.property_id, b.room_type, d.night, count(*) sold
  from bookings b cross join lateral generate_series(b.checkin, b.checkout - 1, interval '1 day') d(night)
  where b.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT') group by 1, 2, 3) n
  join room_types t on t.property_id = n.property_id and t.code = n.room_type where n.sold > t.capacity")
echo "double sales: $TWICE room-nights held by two bookings, $PAST type-nights sold past rooms + overbooking (target 0, 0)"
