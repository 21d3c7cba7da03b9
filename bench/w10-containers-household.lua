-- W10: W1 with the household named by X-Household, as a front end switched to a shared household
-- sends it: the membership check then looks the named household up instead of the default.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
wrk.path = "/api/containers"
wrk.headers["Authorization"] = "Bearer " .. bench.first_line("token")
wrk.headers["X-Household"] = bench.first_line("household")
