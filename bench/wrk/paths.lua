-- Sends GETs to paths read from a file (one per line, picked at random per request) and prints one result line:
-- requests/s and latency percentiles in ms, plus every kind of error wrk counts (non-2xx/3xx answers included).
-- With a second and third argument (a rate in requests/s for all connections together, and wrk's thread count),
-- requests leave on a fixed schedule, so the offered load is that rate whatever the answers take (as long as a
-- connection is free); without one, every connection sends as fast as it can.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock, timespec *now);
]]
local clock = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC
  return tonumber(clock.tv_sec) * 1000 + tonumber(clock.tv_nsec) / 1e6
end

local paths = {}
local interval_ms = nil -- between two requests of this thread
local next_ms = nil

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  if args[2] and args[3] then
    interval_ms = 1000 * tonumber(args[3]) / tonumber(args[2]) -- each thread offers its share of the rate
  end
  math.randomseed(os.time() + tonumber(tostring(wrk.thread):match("0x(%x+)") or "0", 16) % 100000)
end

-- Request n of this thread is due at start + n * interval; one that is late leaves at once (the schedule is not
-- moved, so a server that cannot keep up is offered the backlog, as real users would do it).
function delay()
  if not interval_ms then return 0 end
  local now = now_ms()
  next_ms = (next_ms or now) + interval_ms
  return math.max(0, math.floor(next_ms - interval_ms - now))
end

-- Each request comes from one of many travellers (an address in 198.18.0.0/15, through the app's trusted local
-- proxy), so the per-client rate limits stay on and are never what is measured.
function request()
  local client = string.format("198.%d.%d.%d", 18 + math.random(0, 1), math.random(0, 255), math.random(1, 254))
  return wrk.format("GET", paths[math.random(#paths)], {
    ["Accept-Language"] = math.random(2) == 1 and "en" or "ru-RU",
    ["X-Forwarded-For"] = client,
  })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.0f p50=%.1f p95=%.1f p99=%.1f max=%.1f requests=%d errors=%d (status=%d connect=%d read=%d write=%d timeout=%d)\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    e.status, e.connect, e.read, e.write, e.timeout))
end
