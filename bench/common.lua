-- Shared by the wrk scripts of bench/run.sh. Each script starts with
--   package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
--   local bench = require("common")
-- wrk loads a script once per thread (each in its own Lua state) and once more for setup()
-- and done(); the data files written by Seed.java are in $BENCH_DATA.
local bench = {}

local data_dir = os.getenv("BENCH_DATA")

-- The non-empty lines of a data file.
function bench.lines(name)
  local lines = {}
  for line in io.lines(data_dir .. "/" .. name) do
    if line ~= "" then lines[#lines + 1] = line end
  end
  assert(#lines > 0, "no data in " .. name)
  return lines
end

function bench.first_line(name)
  return bench.lines(name)[1]
end

function bench.pick(list)
  return list[math.random(#list)]
end

-- Threads get ids 1, 2... in setup(); every thread state would otherwise draw the same
-- "random" sequence, and W5 needs names that differ between threads.
local threads = {}

function setup(thread)
  threads[#threads + 1] = thread
  thread:set("thread_id", #threads)
end

function bench.seed_random()
  math.randomseed(os.time() * 1000 + (thread_id or 0))
  for _ = 1, 10 do math.random() end  -- the first draws after seeding are poorly spread
end

-- Status counting, installed by a script as its response(): wrk itself counts only statuses
-- over 399 as a whole. Not used for the photo workloads: defining response() makes wrk copy
-- every body into Lua, which would cost 100 KB per request.
statuses = {}

function bench.count_status(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Status and item counting, for the item lists (W8, W11): each item of ItemResponse's JSON has
-- one "id" key and no nested object has one (container_id, image_id are other keys); inside a
-- JSON string a quote is always escaped, so the five characters cannot occur in a name.
items = 0

function bench.count_status_and_items(status, headers, body)
  bench.count_status(status, headers, body)
  local at = 1
  while true do
    local found = string.find(body, '"id":', at, true)
    if not found then break end
    items = items + 1
    at = found + 5
  end
end

-- One line for run.sh to parse, after wrk's own summary. Times in microseconds.
function done(summary, latency, requests)
  local errors = summary.errors
  local counted = {}
  local counting = false
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses") or {}) do
      counting = true
      counted[status] = (counted[status] or 0) + count
    end
  end
  -- Items answered, summed over the threads ("-" unless the script counts them).
  local item_total = "-"
  for _, thread in ipairs(threads) do
    local counted_items = thread:get("items")
    if counted_items and counted_items > 0 then
      item_total = (item_total == "-" and 0 or item_total) + counted_items
    end
  end
  local non_2xx, parts = errors.status, {}
  if counting then
    non_2xx = 0
    for status, count in pairs(counted) do
      if status < 200 or status > 299 then non_2xx = non_2xx + count end
      parts[#parts + 1] = status .. "=" .. count
    end
    table.sort(parts)
  end
  io.write(string.format(
    "RESULT requests=%d duration_us=%d p50_us=%d p99_us=%d non2xx=%d socket_errors=%d" ..
    " socket_detail=connect:%d,read:%d,write:%d,timeout:%d statuses=%s items=%s\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), non_2xx,
    errors.connect + errors.read + errors.write + errors.timeout,
    errors.connect, errors.read, errors.write, errors.timeout,
    counting and table.concat(parts, ",") or "uncounted", item_total))
end

return bench
