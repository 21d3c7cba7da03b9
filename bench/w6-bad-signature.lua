-- W6: GET /api/containers with the valid token but one middle character of its signature
-- changed (still canonical base64url, same length), so each request reaches the RSA
-- verification and must be refused with 401.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
wrk.path = "/api/containers"
wrk.headers["Authorization"] = "Bearer " .. bench.first_line("token-bad-signature")
