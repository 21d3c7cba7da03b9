-- W1: GET /api/containers with a valid token: the token check plus one small query.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
wrk.path = "/api/containers"
wrk.headers["Authorization"] = "Bearer " .. bench.first_line("token")
