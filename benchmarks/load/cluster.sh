#!/usr/bin/env bash
# Throughput with 1, 2 and 3 instances behind nginx on one PostgreSQL, in one run: availability searches a
# second (each instance answers from its own engine) and bookings a second (each one a transaction in the
# shared database), each as a ratio to one instance's. Starts the cluster with deploy/cluster (3 instances,
# no Redis, a database of its own), runs one nginx per phase over the first 1, 2 or 3 instances (the same
# template), and always stops what it started and drops the database.
#
#   benchmarks/load/cluster.sh [seconds per phase, default 15]
#
# PostgreSQL: HOTEL_TEST_POSTGRES_URL's server, default jdbc:postgresql://127.0.0.1:5432/test?user=postgres.
# wrk, nginx come from apt-get if missing. Bounded: everything it starts stops by itself after 20 minutes.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
SECONDS_PER_PHASE=${1:-15}
ADMIN_URL=${HOTEL_TEST_POSTGRES_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
[[ $ADMIN_URL =~ ^jdbc:postgresql://([^/:]+):?([0-9]*)/([^?]+)\?user=([^&]+) ]] || { echo "not a jdbc:postgresql URL with ?user=: $ADMIN_URL" >&2; exit 2; }
PG_HOST=${BASH_REMATCH[1]}; PG_PORT=${BASH_REMATCH[2]:-5432}; PG_ADMIN_DB=${BASH_REMATCH[3]}; PG_USER=${BASH_REMATCH[4]}
DB=hotel_cluster_bench_$RANDOM$RANDOM
RUN=$(mktemp -d)
PORT=${HOTEL_CLUSTER_PORT:-28080}
export HOTEL_CLUSTER_RUN=$RUN/cluster HOTEL_ADMIN_KEY=hk_cluster-bench-key-0123456789 HOTEL_TEST_POSTGRES_URL=$ADMIN_URL
NGINX_PIDS=()

psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$PG_ADMIN_DB" -qAtc "$1"; }
psql_db() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" -qAtc "$1"; }
cleanup() {
  for pid in "${NGINX_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  deploy/cluster stop >/dev/null 2>&1 || true
  psql_admin "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
  rm -rf "$RUN"
}
trap cleanup EXIT INT TERM

if ! command -v wrk >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null) || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
fi
. bin/jdk.sh >/dev/null
deploy/cluster start 3 --db "$DB" --demo --no-redis --port "$PORT" --heap 512m --for 1200 \
  --env HOTEL_RATE_LIMIT_ADMIN_CAPACITY=1000000000 --env HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND=1000000000 >"$RUN/start.log" 2>&1 \
  || { cat "$RUN/start.log" >&2; exit 1; }
AUTH="Authorization: Bearer $HOTEL_ADMIN_KEY"
BASE=http://127.0.0.1:$PORT

# The demo's STD type gets 500 rooms, so that bookings are mostly sold, not refused; the other instances
# learn of them within a second or two (they catch up from the outbox).
PROPERTY=$(curl -fs -H "$AUTH" "$BASE/v1/properties" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
FIRST=$(curl -fs -H "$AUTH" "$BASE/v1/properties/$PROPERTY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["business_date"])')
for n in $(seq 1000 1499); do
  curl -fs -o /dev/null -H "$AUTH" -H 'Content-Type: application/json' -d "{\"number\":\"$n\",\"room_type\":\"STD\"}" "$BASE/v1/properties/$PROPERTY/rooms"
done
sleep 3

proxy() { # instances, port: an nginx over the first N instances; prints nothing
  local count=$1 port=$2 servers="" i dir=$RUN/nginx-$1
  mkdir -p "$dir/nginx-temp"
  for i in $(seq 1 "$count"); do servers+="        server 127.0.0.1:$((PORT + i)) max_fails=1 fail_timeout=2s;"$'\n'; done
  deploy/cluster render-nginx "$dir" 127.0.0.1 "$port" "$servers" off >"$dir/nginx.conf"
  timeout 1200 "$(command -v nginx || echo /usr/sbin/nginx)" -c "$dir/nginx.conf" -e "$dir/error.log" -g 'daemon off;' &
  NGINX_PIDS+=($!)
  for _ in $(seq 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0; sleep 0.1; done
  echo "nginx over $count did not start: $(cat "$dir/error.log")" >&2; exit 1
}

run_wrk() { # port, script, seconds: prints requests a second, non-2xx count
  local port=$1 script=$2 seconds=$3 out
  out=$(PROPERTY=$PROPERTY KEY=$HOTEL_ADMIN_KEY FIRST=$FIRST wrk -t 2 -c 16 -d "${seconds}s" -s "benchmarks/load/$script" \
    "http://127.0.0.1:$port/v1/properties/$PROPERTY/bookings" 2>&1)
  echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(awk '/Non-2xx/ {print $4}' <<<"$out") $(grep -o 'bookings: .*' <<<"$out" || true)"
}

echo "hotelkit cluster throughput, $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "1, 2 and 3 instances (512 MB heap each) behind nginx (1 worker) on one PostgreSQL ($PG_HOST:$PG_PORT), wrk 2 threads 16 connections, ${SECONDS_PER_PHASE}s a phase"
proxy 1 $((PORT + 11)); proxy 2 $((PORT + 12)); proxy 3 $((PORT + 13))
# Warm-up of every instance (JIT) through the 3-instance nginx.
run_wrk $((PORT + 13)) avail.lua 15 >/dev/null
run_wrk $((PORT + 13)) book.lua 15 >/dev/null
declare -A AVAIL BOOK
for n in 1 2 3; do
  read -r rate errors _ <<<"$(run_wrk $((PORT + 10 + n)) avail.lua "$SECONDS_PER_PHASE")"
  AVAIL[$n]=$rate
  printf '%d instance(s): availability %9s searches/s  (non-2xx: %s)\n' "$n" "$rate" "${errors:-0}"
  before=$(psql_db "select count(*) from bookings")
  read -r rate errors rest <<<"$(run_wrk $((PORT + 10 + n)) book.lua "$SECONDS_PER_PHASE")"
  stored=$(( $(psql_db "select count(*) from bookings") - before ))
  BOOK[$n]=$(awk -v s="$stored" -v t="$SECONDS_PER_PHASE" 'BEGIN {printf "%.1f", s / t}')
  printf '%d instance(s): bookings     %9s stored/s  (%s requests/s; %s)\n' "$n" "${BOOK[$n]}" "$rate" "$rest"
done
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
echo "ratios to 1 instance: availability 2: $(ratio "${AVAIL[2]}" "${AVAIL[1]}"), 3: $(ratio "${AVAIL[3]}" "${AVAIL[1]}");" \
  "bookings 2: $(ratio "${BOOK[2]}" "${BOOK[1]}"), 3: $(ratio "${BOOK[3]}" "${BOOK[1]}")"
TWICE=$(psql_db "select count(*) from bookings a join bookings b on a.property_id = b.property_id
  and a.room_number = b.room_number and a.id < b.id and daterange(a.checkin, a.checkout) && daterange(b.checkin, b.checkout)
  where a.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT') and b.status in ('CONFIRMED', 'CHECKED_IN', 'CHECKED_OUT')")
echo "room-nights held by two bookings: $TWICE (target 0)"
