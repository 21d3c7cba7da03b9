-- W3: GET /api/items/by-container/{id} of a random container (~200 items each at 10,000 items).
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
local auth = "Bearer " .. bench.first_line("token")
local containers

function init(args)
  bench.seed_random()
  containers = bench.lines("container-ids")
end

function request()
  return wrk.format("GET", "/api/items/by-container/" .. bench.pick(containers), { ["Authorization"] = auth })
end
