-- W9: the same photo files as W4, served by nginx from the images directory: the floor for W4.
-- No response(), as in W4, so both runs cost wrk the same.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

local files

function init(args)
  bench.seed_random()
  files = bench.lines("photo-files")
end

function request()
  return wrk.format("GET", "/" .. bench.pick(files))
end
