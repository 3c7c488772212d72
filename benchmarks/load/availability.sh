#!/usr/bin/env bash
# Availability over HTTP against the trivial authenticated route, in one run: GET /v1/ping and GET .../availability
# (one repeated search, answered from the instance's kept answers; and a random arrival of 1-3 nights a request,
# mostly computed by the engine: avail.lua) at saturation, with wrk on loopback; then the availability at half of
# its saturated rate (a paced wrk: each connection waits 10 ms between its requests) for its p99. Prints the rates,
# latencies and ratios, and per request the CPU of the server and of wrk itself: on a 2-core machine the client
# takes its share of the same cores, and its share sets part of the ratio (see the "client" column).
#
#   benchmarks/load/availability.sh [seconds per phase, default 10]
#
# The server is the packaged jar (HOTEL_SERVER_JAR, default the worktree's hotel-api-helidon/target/
# hotel-api-helidon.jar, built if missing) on an H2 database of its own in a temporary directory, with the demo
# property (HOTEL_DEMO=true); it is stopped, and the directory removed, on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_PER_PHASE=${1:-10}
ADMIN_KEY=hk_load-admin-key-0123456789
WORK=$(mktemp -d)
SERVER_PID=

cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

. bin/jdk.sh
JAR=${HOTEL_SERVER_JAR:-hotel-api-helidon/target/hotel-api-helidon.jar}
[ -f "$JAR" ] || ./mvnw -B -ntp -q -pl hotel-api-helidon -am package -DskipTests
JAR=$(readlink -f "$JAR")
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 2; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
BASE=http://127.0.0.1:$PORT
AUTH="Authorization: Bearer $ADMIN_KEY"

# Bounded in time: the server stops by itself after 10 minutes even if this script is killed hard.
(cd "$WORK" && HOTEL_HTTP_HOST=127.0.0.1 HOTEL_HTTP_PORT=$PORT HOTEL_ADMIN_KEY=$ADMIN_KEY HOTEL_DEMO=true \
  HOTEL_DB_URL="jdbc:h2:file:$WORK/data/hotelkit;AUTO_SERVER=FALSE" \
  HOTEL_RATE_LIMIT_ADMIN_CAPACITY=1000000000 HOTEL_RATE_LIMIT_ADMIN_REFILL_PER_SECOND=1000000000 \
  exec timeout 600 java -Xms512m -Xmx512m -jar "$JAR" >"$WORK/server.log" 2>&1) &
SERVER_PID=$!
for _ in $(seq 120); do curl -fs "$BASE/health" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$BASE/health" >/dev/null || { echo "the server did not start:" >&2; tail -20 "$WORK/server.log" >&2; exit 1; }
JAVA_PID=$(pgrep -P "$SERVER_PID" java)
TICKS=$(getconf CLK_TCK)

PROPERTY=$(curl -fs -H "$AUTH" "$BASE/v1/properties" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
FIRST=$(curl -fs -H "$AUTH" "$BASE/v1/properties/$PROPERTY" | python3 -c 'import json,sys; print(json.load(sys.stdin)["business_date"])')
CHECKOUT=$(date -d "$FIRST + 3 days" +%F)
AVAILABILITY="$BASE/v1/properties/$PROPERTY/availability?checkin_date=$FIRST&checkout_date=$CHECKOUT&adults=2"
BYTES=$(curl -fs -H "$AUTH" "$AVAILABILITY" | wc -c)
export PROPERTY KEY=$ADMIN_KEY FIRST

cpu_ticks() { # user + system clock ticks of a process so far
  local fields
  read -r -a fields <"/proc/$1/stat"
  echo $((fields[13] + fields[14]))
}

phase() { # name, connections, url, [extra wrk args...]: prints one line; leaves the rate in $WORK/<name>.rate
  local name=$1 connections=$2 url=$3; shift 3
  local before after client requests
  before=$(cpu_ticks "$JAVA_PID")
  # wrk's own CPU (user + system seconds) from GNU time
  /usr/bin/time -f '%U %S' -o "$WORK/$name.time" \
    wrk -t 2 -c "$connections" -d "${SECONDS_PER_PHASE}s" --latency -H "$AUTH" "$@" "$url" >"$WORK/$name.txt"
  after=$(cpu_ticks "$JAVA_PID")
  requests=$(awk '/requests in/ {print $1}' "$WORK/$name.txt")
  client=$(awk '{print $1 + $2}' "$WORK/$name.time")
  awk -v name="$name" -v c="$connections" -v n="$requests" -v server=$(( after - before )) -v ticks="$TICKS" -v client="$client" \
      -v rate="$(awk '/^Requests\/sec/ {print $2}' "$WORK/$name.txt")" \
      -v p50="$(awk '$1 == "50%" {print $2}' "$WORK/$name.txt")" -v p99="$(awk '$1 == "99%" {print $2}' "$WORK/$name.txt")" \
      -v errors="$(grep -h -E 'Non-2xx|Socket errors' "$WORK/$name.txt" | tr '\n' ' ')" 'BEGIN {
    n = n > 0 ? n : 1
    printf "%-26s %3d conn %10.0f req/s  p50 %8s  p99 %8s  CPU a request: server %4.0f us, client %4.0f us  %s\n",
      name, c, rate, p50, p99, server / ticks / n * 1e6, client / n * 1e6, errors
  }'
  awk '/^Requests\/sec/ {print $2}' "$WORK/$name.txt" >"$WORK/$name.rate"
  awk -v n="$requests" -v server=$(( after - before )) -v ticks="$TICKS" -v client="$client" \
    'BEGIN {n = n > 0 ? n : 1; print server / ticks / n * 1e6, client / n * 1e6}' >"$WORK/$name.cpu"
}

best() { # the highest rate among the phases named <prefix>-*, and its phase's name
  for f in "$WORK/$1"-*.rate; do echo "$(cat "$f") $(basename "$f" .rate)"; done | sort -g | tail -1
}

echo "hotelkit availability against ping, $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), nproc $(nproc), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server $JAR on $BASE (H2), wrk 2 threads, ${SECONDS_PER_PHASE}s a phase; an availability answer is $BYTES bytes"
wrk -t 2 -c 8 -d 10s -H "$AUTH" "$BASE/v1/ping" >/dev/null                 # warm-up (JIT)
wrk -t 2 -c 8 -d 10s -H "$AUTH" "$AVAILABILITY" >/dev/null
wrk -t 2 -c 8 -d 10s -H "$AUTH" -s benchmarks/load/avail.lua "$BASE" >/dev/null
# Saturation: the best closed-loop rate over the connection counts (on 2 cores shared with wrk, more only queue);
# the kinds alternate, so that a neighbour's burst falls on both.
for c in 4 16; do
  phase "ping-$c" "$c" "$BASE/v1/ping"
  phase "availability-$c" "$c" "$AVAILABILITY"
  phase "random-$c" "$c" "$BASE" -s benchmarks/load/avail.lua
done
read -r PING PING_PHASE <<<"$(best ping)"
read -r AVAILABLE AVAILABLE_PHASE <<<"$(best availability)"
read -r RANDOM_RATE RANDOM_PHASE <<<"$(best random)"
# Half of saturation: connections that each wait 10 ms between requests, as many as make half the rate.
HALF_CONNECTIONS=$(awk -v r="$AVAILABLE" 'BEGIN {c = int(r / 2 / 100 + 0.5); print (c < 1 ? 1 : c)}')
PACE=10 phase "availability-half" "$HALF_CONNECTIONS" "$AVAILABILITY" -s benchmarks/load/paced.lua
echo
awk -v p="$PING" -v a="$AVAILABLE" -v r="$RANDOM_RATE" -v pc="$(cat "$WORK/$PING_PHASE.cpu")" -v ac="$(cat "$WORK/$AVAILABLE_PHASE.cpu")" \
    -v rc="$(cat "$WORK/$RANDOM_PHASE.cpu")" 'BEGIN {
  split(pc, P, " "); split(ac, A, " "); split(rc, R, " ")
  printf "saturated: ping %.0f req/s, availability (repeated) %.0f req/s: ratio %.2f (target >= 0.70); random arrivals %.0f req/s: ratio %.2f\n", p, a, a / p, r, r / p
  printf "CPU a request (server + client): ping %.0f + %.0f us, availability %.0f + %.0f us, random %.0f + %.0f us\n", P[1], P[2], A[1], A[2], R[1], R[2]
  printf "server CPU alone, ping / availability: %.2f (the ratio if the client cost nothing and the server had the cores)\n", P[1] / A[1]
  printf "the client per request, availability / ping: %.2f (its share of the cores: %.0f %% at ping, %.0f %% at availability)\n", A[2] / P[2], 100 * P[2] / (P[1] + P[2]), 100 * A[2] / (A[1] + A[2])
}'
echo "availability at half of saturation ($HALF_CONNECTIONS connections, each waiting 10 ms): $(cat "$WORK/availability-half.rate") req/s, p99 $(awk '$1 == "99%" {print $2}' "$WORK/availability-half.txt") (target < 5 ms)"
