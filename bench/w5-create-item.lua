-- W5: POST /api/item with a unique name, a random container and 2 random distinct tags.
-- Usage: wrk ... -s w5-create-item.lua URL -- <run label>; the label keeps names of the
-- warm-up and the measured run apart, the thread id and a counter those within a run.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
local auth = "Bearer " .. bench.first_line("token")
local label, containers, tags
local created = 0

function init(args)
  bench.seed_random()
  label = args[1] or "run"
  containers = bench.lines("container-ids")
  tags = bench.lines("tag-ids")
end

function request()
  created = created + 1
  local first = bench.pick(tags)
  local second = bench.pick(tags)
  while second == first do second = bench.pick(tags) end
  local body = string.format(
    '{"name":"Bench %s item %d-%d","description":"Made by bench/run.sh.","container_id":%s,"tags":[%s,%s]}',
    label, thread_id, created, bench.pick(containers), first, second)
  return wrk.format("POST", "/api/item",
    { ["Authorization"] = auth, ["Content-Type"] = "application/json" }, body)
end
