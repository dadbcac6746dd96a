-- wrk script: each request enrols a new mentee (a write through the gateway, a MongoDB write with
-- its outbox entry, and the relay to Kafka); addresses are unique per thread and request.
local counter = 0
local threads = {}

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end

function request()
  counter = counter + 1
  local body = string.format([[{"programmeId": "prog-reg-lab-2027", "role": "MENTEE",
    "displayName": "Load %d-%d", "email": "load-%d-%d-%d@example.org", "organisationId": "org-creative-mentorship",
    "country": "RS", "languages": ["sr-Latn", "en"], "preferredLocale": "sr-Latn", "format": "ONLINE",
    "timeZone": "Europe/Belgrade", "goals": [{"code": "digital-tools", "level": 3}],
    "consent": {"version": "2026-10", "scopes": ["programme-participation", "matching", "notifications"]}}]],
    thread_id, counter, os.time(), thread_id, counter)
  return wrk.format(nil, "/api/v1/participants", nil, body)
end

function response(status, headers, body)
  if status ~= 201 then
    io.stderr:write("unexpected " .. status .. ": " .. body .. "\n")
  end
end
