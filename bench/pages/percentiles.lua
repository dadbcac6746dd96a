-- wrk script: a GET as a signed-in person (a page with her session cookie, or an API call with her
-- token); prints p50/p95/p99 of the time to the answer and counts answers other than 200 (each
-- thread counts its own; done() adds them up), so that a run of refusals or sign-in redirects is
-- never mistaken for speed.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  if os.getenv("COOKIE") ~= nil and os.getenv("COOKIE") ~= "" then
    wrk.headers["Cookie"] = os.getenv("COOKIE")
    wrk.headers["Accept"] = "text/html"
  else
    wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
  end
end

failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("unexpected " .. status .. "\n") end
  end
end

function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do
    errors = errors + thread:get("failures")
  end
  io.write(string.format("RESULT requests=%d errors=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
    summary.requests, errors, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
