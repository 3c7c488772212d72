-- wrk script: mixed traffic for the soak (deploy/drills soak): 85 % availability searches on random dates,
-- 10 % bookings (each with an idempotency key of its own), 5 % reads of the property's latest bookings.
-- PACE_MS (optional): each connection waits this long between requests, for a steady rate below saturation.
-- Counts answers: 2xx, 409 (a night full: not an error), and every other status as an error.
-- Set through the environment: PROPERTY, KEY, FIRST (YYYY-MM-DD), PACE_MS.
local property = os.getenv("PROPERTY")
local key = os.getenv("KEY")
local pace = tonumber(os.getenv("PACE_MS") or "0")
local y, m, d = os.getenv("FIRST"):match("(%d+)-(%d+)-(%d+)")
local first = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919 + os.time())
  ok, full, errors, sequence = 0, 0, 0, 0
  statuses = ""
  sample = ""
end

function delay()
  return pace
end

local function day(offset)
  return os.date("!%Y-%m-%d", first + offset * 86400)
end

function request()
  local r = math.random(1, 100)
  local headers = {["Authorization"] = "Bearer " .. key}
  if r <= 85 then
    local a, n = math.random(0, 360), math.random(1, 3)
    return wrk.format("GET", string.format("/v1/properties/%s/availability?checkin_date=%s&checkout_date=%s&adults=2",
      property, day(a), day(a + n)), headers)
  elseif r <= 95 then
    sequence = sequence + 1
    headers["Content-Type"] = "application/json"
    -- letters between the numbers: "soak-1-1764773616-123" has 14 digits in a row (separators do not end a
    -- run), and one such key in ten passes the Luhn check and is refused as a card number (API.md)
    headers["Idempotency-Key"] = string.format("soak-t%d-at%d-n%d", id, os.time(), sequence)
    local a, n = math.random(1, 360), math.random(1, 3)
    local body = string.format('{"guest":{"name":"Soak Guest","email":"soak%d@example.com"},"room_type":"STD",'
      .. '"rate_plan":"FLEX","checkin_date":"%s","checkout_date":"%s","adults":2}', math.random(1, 500), day(a), day(a + n))
    return wrk.format("POST", "/v1/properties/" .. property .. "/bookings", headers, body)
  else
    return wrk.format("GET", "/v1/properties/" .. property .. "/bookings?limit=20", headers)
  end
end

function response(status, headers, body)
  if status >= 200 and status < 300 then ok = ok + 1
  elseif status == 409 then full = full + 1
  else
    errors = errors + 1
    if #statuses < 200 then statuses = statuses .. status .. " " end
    if sample == "" then sample = string.sub(body or "", 1, 300) end
  end
end

function done(summary, latency, requests)
  local o, f, e, s, b = 0, 0, 0, "", ""
  for _, thread in ipairs(threads) do
    o = o + thread:get("ok"); f = f + thread:get("full"); e = e + thread:get("errors"); s = s .. thread:get("statuses")
    if b == "" then b = thread:get("sample") end
  end
  io.write(string.format("answers: %d 2xx, %d 409 (full), %d errors %s\n", o, f, e, s))
  if b ~= "" then io.write("first error's body: " .. b .. "\n") end
  io.write(string.format("latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
