-- W7: GET /api/containers with a new random kid in every request's header (the valid payload
-- and signature): each is an unknown key, which must neither fetch the key set each time nor
-- fail with 5xx. All must be 401.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local bench = require("common")

response = bench.count_status
local payload_and_signature

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

-- Unpadded base64url, as JWTs spell their parts.
local function base64url(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = text:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = (b == nil) and 2 or ((c == nil) and 3 or 4)
    for k = 1, chars do
      local index = math.floor(n / 2 ^ (6 * (4 - k))) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

local function random_kid()
  local chars = {}
  for i = 1, 22 do
    local index = math.random(62)
    chars[i] = alphabet:sub(index, index)
  end
  return table.concat(chars)
end

function init(args)
  bench.seed_random()
  local token = bench.first_line("token")
  payload_and_signature = token:sub(token:find(".", 1, true) + 1)
end

function request()
  local header = base64url('{"alg":"RS256","typ":"JWT","kid":"' .. random_kid() .. '"}')
  return wrk.format("GET", "/api/containers",
    { ["Authorization"] = "Bearer " .. header .. "." .. payload_and_signature })
end
