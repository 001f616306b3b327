-- POST the "send" of a monthly re-application: each request is a different applicant's session
-- and draft (validation, the write, the access log). Threads take disjoint slices of the file.
dofile(os.getenv("BENCH_DIR") .. "/wrk_common.lua")
local rows = {}
for line in io.lines(os.getenv("BENCH_SESSIONS")) do
  local session, application = line:match("(%S+) (%S+)")
  rows[#rows + 1] = {session, application}
end
local threads, counter = 0, 0
setup = function(thread)
  thread:set("offset", threads)
  threads = threads + 1
end
init = function(args)
  stride = tonumber(os.getenv("BENCH_THREADS"))
  index = offset + 1 + tonumber(os.getenv("BENCH_START") or "0")
end
local csrf = "benchcsrftokenbenchcsrftoken1234"
request = function()
  local row = rows[index]
  index = index + stride
  if row == nil then
    row = rows[1]
  end
  -- One fresh submission key per draft (the same key twice would rightly be deduplicated).
  local key = string.format("00000000-0000-4000-8000-%012d", index)
  local headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "sessionid=" .. row[1] .. "; csrftoken=" .. csrf,
    ["X-Forwarded-Proto"] = "https",
    ["Referer"] = "https://127.0.0.1:" .. os.getenv("BENCH_PORT") .. "/",
  }
  return wrk.format("POST", "/my/applications/" .. row[2] .. "/send/", headers,
    "csrfmiddlewaretoken=" .. csrf .. "&submission_key=" .. key)
end
