-- Sends GETs to paths read from a file (one per line, picked at random per request) and prints one result line:
-- requests/s and latency percentiles in ms, plus every kind of error wrk counts (non-2xx/3xx answers included).
local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    if line ~= "" then paths[#paths + 1] = line end
  end
  math.randomseed(os.time() + tonumber(tostring(wrk.thread):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  return wrk.format("GET", paths[math.random(#paths)], { ["Accept-Language"] = math.random(2) == 1 and "en" or "ru-RU" })
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
