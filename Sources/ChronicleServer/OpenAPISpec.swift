// The OpenAPI 3.1 description of the service, served at /v1/openapi.json: the single source of the API's
// contract (the CI's schemathesis run checks the server against it, and the Swift tests parse it).
enum OpenAPISpec {
    static let json = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "Chronicle",
    "version": "1.0.0",
    "summary": "The timeline of a news story: time expressions, events, statements and their order across documents.",
    "description": "Errors are RFC 9457 problems (application/problem+json). With a token configured, every POST and DELETE needs 'Authorization: Bearer TOKEN'. Every path that takes GET takes HEAD (the GET response's headers, no content); a method a path does not take is a 405 with 'Allow'; a method the server implements nowhere is a 501."
  },
  "servers": [{"url": "/"}],
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
    "parameters": {
      "story": {"name": "story", "in": "path", "required": true, "description": "The story's id.", "schema": {"type": "integer", "format": "int64"}},
      "document": {"name": "document", "in": "path", "required": true, "description": "The document's id.", "schema": {"type": "integer", "format": "int64"}},
      "ifNoneMatch": {"name": "If-None-Match", "in": "header", "description": "Entity tags of renderings the client has (from their ETag), or *: when one is the current rendering's, the answer is 304 without a body.", "schema": {"type": "string"}}
    },
    "headers": {
      "ETag": {"description": "The rendering's strong entity tag, from its bytes: send it back in If-None-Match.", "schema": {"type": "string"}}
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
          "type": {"type": "string", "description": "A URN naming the kind of problem, e.g. urn:chronicle:problem:invalid-date."},
          "title": {"type": "string"},
          "status": {"type": "integer"},
          "detail": {"type": "string"}
        }
      },
      "Story": {
        "type": "object",
        "required": ["id", "title", "created", "documentCount", "revision"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "title": {"type": "string"},
          "created": {"type": "string", "format": "date-time"},
          "documentCount": {"type": "integer", "minimum": 0},
          "revision": {"type": "integer", "minimum": 0, "description": "Rises by one with every document added or removed."}
        }
      },
      "NewStory": {
        "type": "object",
        "required": ["title"],
        "properties": {"title": {"type": "string", "minLength": 1, "maxLength": 1000, "pattern": "\\S"}}
      },
      "Document": {
        "type": "object",
        "required": ["id", "storyId", "position", "added", "title", "published", "url", "format", "characters"],
        "properties": {
          "id": {"type": "integer", "format": "int64"},
          "storyId": {"type": "integer", "format": "int64"},
          "position": {"type": "integer"},
          "added": {"type": "string", "format": "date-time"},
          "title": {"type": ["string", "null"]},
          "published": {"type": ["string", "null"]},
          "url": {"type": ["string", "null"]},
          "format": {"type": "string", "enum": ["text", "html"]},
          "characters": {"type": "integer", "minimum": 0, "description": "The length of the article text in Unicode scalars."},
          "text": {"type": "string", "description": "The article text (single-document GET only): the timeline's offsets count its Unicode scalars."}
        }
      },
      "NewDocument": {
        "type": "object",
        "required": ["text"],
        "properties": {
          "title": {"type": ["string", "null"], "maxLength": 1000},
          "published": {"type": ["string", "null"], "description": "YYYY-MM-DD or an ISO 8601 date and time (2015-10-29T14:30); the document's creation time."},
          "text": {"type": "string", "minLength": 1, "pattern": "\\S", "description": "The article: plain text or an HTML page (detected, or declared by format)."},
          "url": {"type": ["string", "null"]},
          "format": {"type": ["string", "null"], "enum": ["text", "html", null]}
        }
      },
      "TagRequest": {
        "type": "object",
        "required": ["text"],
        "properties": {
          "text": {"type": "string"},
          "dct": {"type": ["string", "null"], "description": "The creation time: YYYY-MM-DD or YYYY-MM-DDTHH:MM."},
          "events": {"type": ["boolean", "null"], "description": "Also find events, temporal relations and statements (the whole pipeline)."},
          "id": {"type": ["string", "null"]}
        }
      },
      "Span": {"type": "object", "required": ["start", "end"], "properties": {"start": {"type": "integer"}, "end": {"type": "integer"}}},
      "TaggedDocument": {
        "type": "object",
        "description": "One line of 'chronicle tag --jsonl': offsets are Unicode scalar offsets into the text.",
        "required": ["id", "dct", "dctSource", "timexes", "warnings"],
        "properties": {
          "id": {"type": "string"},
          "dct": {"type": ["string", "null"]},
          "dctSource": {"type": ["string", "null"], "enum": ["given", "inferred", null]},
          "timexes": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["id", "start", "end", "text", "type", "value"],
              "properties": {
                "id": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"},
                "type": {"type": "string", "enum": ["DATE", "TIME", "DURATION", "SET"]}, "value": {"type": "string"},
                "mod": {"type": "string"}, "freq": {"type": "string"}, "quant": {"type": "string"},
                "anchor": {"type": "object"}, "yearInference": {"type": "object"}
              }
            }
          },
          "events": {"type": "array", "items": {"type": "object", "required": ["id", "instance", "start", "end", "text", "class"]}},
          "relations": {"type": "array", "items": {"type": "object", "required": ["id", "source", "target", "type"]}},
          "statements": {"type": "array", "items": {"type": "object", "required": ["id", "verb", "stance"]}},
          "warnings": {"$ref": "#/components/schemas/Warnings"}
        }
      },
      "Warnings": {
        "type": "array",
        "items": {
          "type": "object",
          "required": ["severity", "code", "message"],
          "properties": {"severity": {"type": "string"}, "code": {"type": "string"}, "message": {"type": "string"}}
        }
      },
      "TimelineJS": {
        "type": "object",
        "description": "Knight Lab TimelineJS JSON: an event per key entry with a date, start_date/end_date only as precise as the entry's time.",
        "required": ["events"],
        "properties": {
          "title": {"type": "object"},
          "events": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["start_date", "text", "unique_id"],
              "properties": {
                "start_date": {"$ref": "#/components/schemas/TimelineJSDate"}, "end_date": {"$ref": "#/components/schemas/TimelineJSDate"},
                "display_date": {"type": "string"}, "group": {"type": "string"}, "unique_id": {"type": "string"},
                "text": {"type": "object", "properties": {"headline": {"type": "string"}, "text": {"type": "string"}}}
              }
            }
          }
        }
      },
      "TimelineJSDate": {
        "type": "object",
        "required": ["year"],
        "properties": {"year": {"type": "integer"}, "month": {"type": "integer"}, "day": {"type": "integer"}, "hour": {"type": "integer"}, "minute": {"type": "integer"}}
      },
      "Timeline": {
        "type": "object",
        "description": "The chronicle.timeline/1 contract (see the README): entries in timeline order, the relations between them, warnings.",
        "required": ["schema", "documents", "entries", "relations", "warnings"],
        "properties": {
          "schema": {"const": "chronicle.timeline/1"},
          "documents": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["id", "title", "dct", "dctSource"],
              "properties": {"id": {"type": "string"}, "title": {"type": ["string", "null"]}, "dct": {"type": ["string", "null"]}, "dctSource": {"type": ["string", "null"]}}
            }
          },
          "entries": {
            "type": "array",
            "items": {
              "type": "object",
              "required": ["id", "event", "time", "participants", "sources", "attribution", "attributedTo", "denied", "salience", "key"],
              "properties": {
                "id": {"type": "string"},
                "event": {
                  "type": "object",
                  "required": ["text", "lemma", "class", "document", "start", "end"],
                  "properties": {
                    "text": {"type": "string"}, "lemma": {"type": "string"}, "class": {"type": "string"}, "document": {"type": "string"},
                    "start": {"type": "integer"}, "end": {"type": "integer"}, "sentence": {"type": ["integer", "null"]}
                  }
                },
                "time": {
                  "type": "object",
                  "required": ["value", "start", "end", "granularity", "relation", "anchor", "basis"],
                  "properties": {
                    "value": {"type": ["string", "null"]}, "start": {"type": ["string", "null"]}, "end": {"type": ["string", "null"]},
                    "granularity": {"type": "string"}, "relation": {"type": "string"}, "anchor": {"type": ["object", "null"]}, "basis": {"type": "string"}
                  }
                },
                "statement": {"type": "object"},
                "participants": {"type": "array", "items": {"type": "string"}},
                "sources": {
                  "type": "array",
                  "items": {
                    "type": "object", "required": ["document", "start", "end"],
                    "properties": {"document": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}, "sentence": {"type": ["integer", "null"]}}
                  }
                },
                "attribution": {"type": "string", "enum": ["narrated", "asserted", "reported", "denied"]},
                "attributedTo": {"type": "array", "items": {"type": "string"}},
                "denied": {"type": "boolean"},
                "salience": {"type": "number"},
                "key": {"type": "boolean"}
              }
            }
          },
          "relations": {
            "type": "array",
            "items": {"type": "object", "required": ["source", "target", "type"], "properties": {"source": {"type": "string"}, "target": {"type": "string"}, "type": {"type": "string"}}}
          },
          "warnings": {"$ref": "#/components/schemas/Warnings"}
        }
      }
    },
    "responses": {
      "BadRequest": {"description": "Malformed JSON, a missing or malformed field, or a bad date.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "Unauthorized": {"description": "A write without the bearer token the server was started with.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "NotModified": {"description": "The rendering named in If-None-Match is the current one: no body.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}},
      "NotFound": {"description": "No such story or document.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "MethodNotAllowed": {"description": "The path does not take this method.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "Conflict": {"description": "The story already has the most documents a story may have (the server's --max-documents-per-story, 1000 by default).", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "TooLarge": {"description": "The body is larger than the server accepts (its --max-body-bytes, 5 MB by default), or the document's text is longer than it analyses.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "UnsupportedMediaType": {"description": "The body is not application/json.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "Unprocessable": {"description": "The body is not valid UTF-8.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
      "Busy": {"description": "The analysis queue is full (problem busy), or the analysis, its wait for a slot included, took longer than the server's --analysis-time-limit (problem timed-out; nothing was stored); retry after the Retry-After seconds.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
    }
  },
  "paths": {
    "/": {
      "get": {"operationId": "webPage", "summary": "The web page.", "responses": {"200": {"description": "The page.", "content": {"text/html": {"schema": {"type": "string"}}}}}}
    },
    "/healthz": {
      "get": {
        "operationId": "health", "summary": "Whether the server is up.",
        "responses": {"200": {"description": "Up.", "content": {"application/json": {"schema": {"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}}}}}}}
      }
    },
    "/metrics": {
      "get": {"operationId": "metrics", "summary": "Request counts and durations (Prometheus text format).", "responses": {"200": {"description": "Metrics.", "content": {"text/plain": {"schema": {"type": "string"}}}}}}
    },
    "/v1/openapi.json": {
      "get": {"operationId": "openAPI", "summary": "This document.", "responses": {"200": {"description": "The OpenAPI document.", "content": {"application/json": {"schema": {"type": "object"}}}}}}
    },
    "/v1/tag": {
      "post": {
        "operationId": "tag", "summary": "The time expressions (and events) of a text.", "security": [{}, {"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TagRequest"}}}},
        "responses": {
          "200": {"description": "The tagged text.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/TaggedDocument"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/Unprocessable"}, "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    },
    "/v1/stories": {
      "get": {
        "operationId": "listStories", "summary": "Every story, oldest first.",
        "responses": {"200": {"description": "The stories.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Story"}}}}}}
      },
      "post": {
        "operationId": "createStory", "summary": "Create a story.", "security": [{}, {"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewStory"}}}},
        "responses": {
          "201": {"description": "Created.", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Story"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/Unprocessable"}
        }
      }
    },
    "/v1/stories/{story}": {
      "parameters": [{"$ref": "#/components/parameters/story"}],
      "get": {
        "operationId": "getStory", "summary": "A story.",
        "responses": {"200": {"description": "The story.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Story"}}}}, "404": {"$ref": "#/components/responses/NotFound"}}
      },
      "delete": {
        "operationId": "deleteStory", "summary": "Delete a story and its documents.", "security": [{}, {"bearer": []}],
        "responses": {"204": {"description": "Deleted."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}
      }
    },
    "/v1/stories/{story}/documents": {
      "parameters": [{"$ref": "#/components/parameters/story"}],
      "get": {
        "operationId": "listDocuments", "summary": "The documents of a story, in order (without their text).",
        "responses": {
          "200": {"description": "The documents.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Document"}}}}},
          "404": {"$ref": "#/components/responses/NotFound"}
        }
      },
      "post": {
        "operationId": "addDocument", "summary": "Analyse a document and add it to the story; its timeline is rebuilt on the next read.", "security": [{}, {"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/NewDocument"}}}},
        "responses": {
          "201": {"description": "Added.", "headers": {"Location": {"schema": {"type": "string"}}}, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
          "400": {"$ref": "#/components/responses/BadRequest"}, "401": {"$ref": "#/components/responses/Unauthorized"},
          "404": {"$ref": "#/components/responses/NotFound"}, "409": {"$ref": "#/components/responses/Conflict"},
          "413": {"$ref": "#/components/responses/TooLarge"}, "415": {"$ref": "#/components/responses/UnsupportedMediaType"},
          "422": {"$ref": "#/components/responses/Unprocessable"}, "503": {"$ref": "#/components/responses/Busy"}
        }
      }
    },
    "/v1/stories/{story}/documents/{document}": {
      "parameters": [{"$ref": "#/components/parameters/story"}, {"$ref": "#/components/parameters/document"}],
      "get": {
        "operationId": "getDocument", "summary": "A document with its article text.",
        "responses": {"200": {"description": "The document.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}}, "404": {"$ref": "#/components/responses/NotFound"}}
      },
      "delete": {
        "operationId": "deleteDocument", "summary": "Remove a document from its story.", "security": [{}, {"bearer": []}],
        "responses": {"204": {"description": "Deleted."}, "401": {"$ref": "#/components/responses/Unauthorized"}, "404": {"$ref": "#/components/responses/NotFound"}}
      }
    },
    "/v1/stories/{story}/timeline": {
      "parameters": [{"$ref": "#/components/parameters/story"}],
      "get": {
        "operationId": "getTimeline", "summary": "The story's timeline, optionally filtered.",
        "parameters": [
          {"name": "format", "in": "query", "description": "json: chronicle.timeline/1; html: the timeline page; timelinejs: Knight Lab TimelineJS JSON of the key entries.", "schema": {"type": "string", "enum": ["json", "html", "timelinejs"], "default": "json"}},
          {"name": "from", "in": "query", "description": "Entries that may lie on or after this day.", "schema": {"type": "string", "format": "date"}},
          {"name": "to", "in": "query", "description": "Entries that may lie on or before this day.", "schema": {"type": "string", "format": "date"}},
          {"name": "about", "in": "query", "description": "Entries in which this entity takes part.", "schema": {"type": "string"}},
          {"name": "speaker", "in": "query", "description": "The statements of this speaker and what they report.", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/ifNoneMatch"}
        ],
        "responses": {
          "200": {
            "description": "The timeline: chronicle.timeline/1 JSON (or TimelineJS JSON), or the timeline page.",
            "headers": {"ETag": {"$ref": "#/components/headers/ETag"}},
            "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/Timeline"}, {"$ref": "#/components/schemas/TimelineJS"}]}}, "text/html": {"schema": {"type": "string"}}}
          },
          "304": {"$ref": "#/components/responses/NotModified"},
          "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    },
    "/v1/stories/{story}/timeline.ics": {
      "parameters": [{"$ref": "#/components/parameters/story"}],
      "get": {
        "operationId": "getTimelineCalendar", "summary": "The story's dated entries as an iCalendar (RFC 5545) file.",
        "parameters": [
          {"name": "from", "in": "query", "description": "Entries that may lie on or after this day.", "schema": {"type": "string", "format": "date"}},
          {"name": "to", "in": "query", "description": "Entries that may lie on or before this day.", "schema": {"type": "string", "format": "date"}},
          {"name": "about", "in": "query", "description": "Entries in which this entity takes part.", "schema": {"type": "string"}},
          {"name": "speaker", "in": "query", "description": "The statements of this speaker and what they report.", "schema": {"type": "string"}},
          {"$ref": "#/components/parameters/ifNoneMatch"}
        ],
        "responses": {
          "200": {"description": "A VCALENDAR with a VEVENT per dated entry.", "headers": {"ETag": {"$ref": "#/components/headers/ETag"}}, "content": {"text/calendar": {"schema": {"type": "string"}}}},
          "304": {"$ref": "#/components/responses/NotModified"},
          "400": {"$ref": "#/components/responses/BadRequest"}, "404": {"$ref": "#/components/responses/NotFound"}
        }
      }
    }
  }
}
"""#
}
