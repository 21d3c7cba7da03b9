-- W2: GET /api/item/{id} of a random seeded item (with its tag ids).
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
local auth = "Bearer " .. bench.first_line("token")
local items

function init(args)
  bench.seed_random()
  items = bench.lines("item-ids")
end

function request()
  return wrk.format("GET", "/api/item/" .. bench.pick(items), { ["Authorization"] = auth })
end
