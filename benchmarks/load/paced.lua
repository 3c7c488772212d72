-- wrk script: each connection waits PACE milliseconds (default 10) after an answer before its next request, so that
-- a phase offers about connections * 1000 / (PACE + latency) requests a second instead of as many as it can.
local pace = tonumber(os.getenv("PACE") or "10")

function delay()
  return pace
end
