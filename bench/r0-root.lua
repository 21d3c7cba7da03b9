-- R0: GET / without a token, the floor of the stack (Tomcat, filters, no security, no database).
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
wrk.path = "/"
