-- Books items for many travellers: each request picks a traveller's token and an item at random, and dates from
-- the chosen spread. Counts what came back: 201 booked, 422 refused (dates taken), 429 limited (a traveller over the
-- per-user limit: the random draw of tokens gives some more than their share), anything else failed.
-- args: <tokens file> <items file> <days ahead to spread starts over> [<fixed start offset>]
-- IDEMPOTENCY_KEYS=1 in the environment: each request carries an Idempotency-Key of its own.
--   With a fixed start offset every request asks for overlapping dates of the items (contention).
local tokens, items = {}, {}
local spread, fixed
local keys = os.getenv("IDEMPOTENCY_KEYS") == "1"
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  for line in io.lines(args[1]) do if line ~= "" then tokens[#tokens + 1] = line end end
  for line in io.lines(args[2]) do if line ~= "" then items[#items + 1] = line end end
  spread = tonumber(args[3])
  fixed = args[4] and tonumber(args[4])
  booked, refused, limited, failed = 0, 0, 0, 0
  failed_statuses = ""
  math.randomseed(os.time() + tonumber(tostring(wrk.thread):match("0x(%x+)") or "0", 16) % 100000)
end

local function day(offset)
  return os.date("!%Y-%m-%d", os.time() + (offset + 1) * 86400)
end

function request()
  local start = fixed or math.random(1, spread)
  local nights = math.random(1, 3)
  if fixed then start = fixed + math.random(0, 2) end
  local body = string.format(
    '{"itemType":"vehicle","itemId":"%s","startDate":"%s","endDate":"%s","guestsCount":1}',
    items[math.random(#items)], day(start), day(start + nights))
  local client = string.format("198.%d.%d.%d", 18 + math.random(0, 1), math.random(0, 255), math.random(1, 254))
  local headers = {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
    ["X-Forwarded-For"] = client,
  }
  if keys then -- as the iOS app sends them: a new key for each booking it means to make
    headers["Idempotency-Key"] = string.format("bench-%08x%08x", math.random(0, 0x7fffffff), math.random(0, 0x7fffffff))
  end
  return wrk.format("POST", "/v1/bookings", headers, body)
end

function response(status)
  if status == 201 then booked = booked + 1
  elseif status == 422 then refused = refused + 1
  elseif status == 429 then limited = limited + 1
  else
    failed = failed + 1
    -- Which statuses failed, each named once, for the report.
    if not string.find("," .. failed_statuses .. ",", "," .. status .. ",", 1, true) then
      failed_statuses = failed_statuses == "" and tostring(status) or failed_statuses .. "," .. status
    end
  end
end

function done(summary, latency, requests)
  local b, r, l, f, statuses = 0, 0, 0, 0, {}
  for _, thread in ipairs(threads) do
    b = b + thread:get("booked"); r = r + thread:get("refused"); l = l + thread:get("limited"); f = f + thread:get("failed")
    for status in string.gmatch(thread:get("failed_statuses"), "%d+") do statuses[status] = true end
  end
  local seen = {}
  for status in pairs(statuses) do seen[#seen + 1] = status end
  table.sort(seen)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT rps=%.0f booked_per_s=%.0f p50=%.1f p95=%.1f p99=%.1f max=%.1f requests=%d booked=%d refused=%d limited=%d failed=%d errors=%d failed_statuses=%s\n",
    summary.requests / seconds, b / seconds,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, b, r, l, f, f + e.connect + e.read + e.write + e.timeout, table.concat(seen, ",")))
end
