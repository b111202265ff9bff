-- wrk: POST /v1/tag with the body in the file named by the environment variable TAG_BODY (JSON: {"text": ARTICLE}).
local file = assert(io.open(os.getenv("TAG_BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/json"
