-- wrk script: POST a booking of 1-3 nights on a random arrival within the year, counting answers by status.
-- Set by run.sh through the environment: PROPERTY, KEY, FIRST (YYYY-MM-DD, the first night sold).
local property = os.getenv("PROPERTY")
local key = os.getenv("KEY")
local y, m, d = os.getenv("FIRST"):match("(%d+)-(%d+)-(%d+)")
local first = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  math.randomseed(id * 7919 + os.time())
  created, refused, other = 0, 0, 0
  wrk.method = "POST"
  wrk.path = "/v1/properties/" .. property .. "/bookings"
  wrk.headers["Authorization"] = "Bearer " .. key
  wrk.headers["Content-Type"] = "application/json"
end

function request()
  local arrival = first + math.random(0, 360) * 86400
  local nights = math.random(1, 3)
  wrk.body = string.format(
    '{"guest":{"name":"Load Guest","email":"load%d@example.com"},"room_type":"STD","rate_plan":"FLEX",'
      .. '"checkin_date":"%s","checkout_date":"%s","adults":2}',
    math.random(1, 200), os.date("!%Y-%m-%d", arrival), os.date("!%Y-%m-%d", arrival + nights * 86400))
  return wrk.format()
end

function response(status, headers, body)
  if status == 201 then created = created + 1
  elseif status == 409 then refused = refused + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created"); r = r + thread:get("refused"); o = o + thread:get("other")
  end
  io.write(string.format("bookings: %d created (201), %d refused (409), %d other\n", c, r, o))
end
