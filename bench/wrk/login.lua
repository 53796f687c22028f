-- Logs the benchmark's travellers in, round robin, each from an address of its own (through the trusted proxy).
-- args: <number of users> ; emails are bench-<n>@example.com with the password below.
local users = 0
local counter = 0

function init(args)
  users = tonumber(args[1])
  counter = math.random(users)
end

function request()
  counter = counter % users + 1
  local client = string.format("198.%d.%d.%d", 18 + math.random(0, 1), math.random(0, 255), math.random(1, 254))
  local body = string.format('{"email":"bench-%d@example.com","password":"sunny-beach-2026"}', counter)
  return wrk.format("POST", "/v1/auth/login", {
    ["Content-Type"] = "application/json",
    ["X-Forwarded-For"] = client,
  }, body)
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.2f p50=%.1f p95=%.1f p99=%.1f max=%.1f requests=%d errors=%d (status=%d connect=%d read=%d write=%d timeout=%d)\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, e.status + e.connect + e.read + e.write + e.timeout,
    e.status, e.connect, e.read, e.write, e.timeout))
end
