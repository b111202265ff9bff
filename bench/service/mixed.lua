-- wrk: a mixed load on the service, per thread in a fixed cycle of 20 requests:
--   10 GET /v1/stories/STORY/timeline (a 20-document story: a cached rendering),
--    3 GET /v1/stories/CHURN/timeline (a story that changes all the time: rebuilt after each change),
--      every other timeline GET with Accept-Encoding: gzip, as browsers send it (a compressed body kept per revision),
--    5 POST /v1/tag with a 3 KB article,
--    1 POST /v1/stories/CHURN/documents (the article), and
--    1 DELETE of the oldest document added, so the churn story stays small: a delete that is due before an add
--      has answered is owed, and made at the next step that has an added document to delete (adds answer
--      later than their deletes are due), so the story holds its first documents, the adds in flight, and
--      at most the documents whose deletes are on their way.
-- Environment: TAG_BODY (file of {"text": ARTICLE}), DOCUMENT_BODY (file of {"title", "published", "text"}),
-- STORY and CHURN (story ids).
local function slurp(name)
  local file = assert(io.open(os.getenv(name), "rb"))
  local data = file:read("*a")
  file:close()
  return data
end

local tag_body = slurp("TAG_BODY")
local document_body = slurp("DOCUMENT_BODY")
local story = os.getenv("STORY")
local churn = os.getenv("CHURN")
local json = { ["Content-Type"] = "application/json" }
local gzip = { ["Accept-Encoding"] = "gzip" }
local gets = 0
local function timeline(id)
  gets = gets + 1
  if gets % 2 == 0 then return wrk.format("GET", "/v1/stories/" .. id .. "/timeline", gzip) end
  return wrk.format("GET", "/v1/stories/" .. id .. "/timeline")
end
local cycle = {
  "get", "tag", "get", "churn", "get", "tag", "get", "add", "get", "tag",
  "get", "churn", "get", "tag", "get", "delete", "get", "tag", "churn", "get",
}
local step = 0
local added = {}
local owed = 0

request = function()
  step = step % #cycle + 1
  local what = cycle[step]
  if what == "delete" then owed = owed + 1 end
  if owed > 0 and #added > 0 and what ~= "add" then
    what = "delete"
    owed = owed - 1
  elseif what == "delete" then
    what = "get"
  end
  if what == "get" then
    return timeline(story)
  elseif what == "churn" then
    return timeline(churn)
  elseif what == "tag" then
    return wrk.format("POST", "/v1/tag", json, tag_body)
  elseif what == "add" then
    return wrk.format("POST", "/v1/stories/" .. churn .. "/documents", json, document_body)
  else
    local id = table.remove(added, 1)
    return wrk.format("DELETE", "/v1/stories/" .. churn .. "/documents/" .. id)
  end
end

-- Only adding a document answers 201 (with the document, its id first).
response = function(status, headers, body)
  if status == 201 then
    local id = body:match('^{"id":(%d+)')
    if id then table.insert(added, id) end
  end
end
