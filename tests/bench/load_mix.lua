-- wrk script: requests the paths of a query-mix file (one path a line, from
-- make_articles.py --queries) in turn, each wrk thread from its own offset,
-- and counts non-2xx answers (wrk's own "Non-2xx" line) as errors.
local paths = {}
local file = assert(io.open(os.getenv("QUERIES") or "queries.txt"))
for line in file:lines() do
  if #line > 0 then paths[#paths + 1] = line end
end
file:close()
assert(#paths > 0, "no queries")

local counter = 0
local threads = 0

-- START (env): where in the file to begin, so a warm-up can use another part of it.
local first = tonumber(os.getenv("START") or "0")

function setup(thread)
  thread:set("start", first + threads * 97)
  threads = threads + 1
end

function init()
  counter = start or 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
