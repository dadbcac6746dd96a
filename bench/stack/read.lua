-- wrk script: an authenticated GET; counts answers other than 200 so a run of refusals is not
-- mistaken for speed.
function init(args)
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

local failures = 0
function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    if failures <= 3 then io.stderr:write("unexpected " .. status .. ": " .. body .. "\n") end
  end
end
