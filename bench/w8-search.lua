-- W8: GET /api/items/search-text?q=<3 random lowercase letters>: some hit seeded words, most do not.
-- The items answered are counted, for run.sh's rows per second.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status_and_items
local auth = "Bearer " .. bench.first_line("token")

function init(args)
  bench.seed_random()
end

function request()
  local q = string.char(96 + math.random(26), 96 + math.random(26), 96 + math.random(26))
  return wrk.format("GET", "/api/items/search-text?q=" .. q, { ["Authorization"] = auth })
end
