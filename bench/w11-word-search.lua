-- W11: GET /api/items/search-text?q=<two neighbouring words of a seeded name>, e.g. "rusty red":
-- a selective search, each query matching at most ~50 items even at 100,000 (the words are
-- Seed.java's search-words), so its cost should not grow with the catalogue.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status_and_items
local auth = "Bearer " .. bench.first_line("token")
local queries

function init(args)
  bench.seed_random()
  queries = {}
  for _, words in ipairs(bench.lines("search-words")) do
    queries[#queries + 1] = words:gsub(" ", "%%20")
  end
end

function request()
  return wrk.format("GET", "/api/items/search-text?q=" .. bench.pick(queries), { ["Authorization"] = auth })
end
