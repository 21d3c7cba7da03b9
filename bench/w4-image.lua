-- W4: GET /api/image/{id} of a random seeded photo (~100 KB each). No response(): counting
-- statuses would make wrk copy every body into Lua; wrk's own non-2xx count is enough here.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local auth = "Bearer " .. bench.first_line("token")
local photos

function init(args)
  bench.seed_random()
  photos = bench.lines("photo-ids")
end

function request()
  return wrk.format("GET", "/api/image/" .. bench.pick(photos), { ["Authorization"] = auth })
end
