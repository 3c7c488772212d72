-- wrk script: GET an availability search of 1-3 nights for two on a random arrival within the year, so that
-- most answers are computed by the instance's engine rather than found in its offer cache.
-- Set through the environment: PROPERTY, KEY, FIRST (YYYY-MM-DD, the first night).
local property = os.getenv("PROPERTY")
local key = os.getenv("KEY")
local y, m, d = os.getenv("FIRST"):match("(%d+)-(%d+)-(%d+)")
local first = os.time({year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12})
local counter = 0

function init(args)
  math.randomseed(os.time() + math.random(1, 100000))
  wrk.headers["Authorization"] = "Bearer " .. key
end

function request()
  local arrival = first + math.random(0, 360) * 86400
  local nights = math.random(1, 3)
  return wrk.format("GET", string.format("/v1/properties/%s/availability?checkin_date=%s&checkout_date=%s&adults=2",
    property, os.date("!%Y-%m-%d", arrival), os.date("!%Y-%m-%d", arrival + nights * 86400)))
end
