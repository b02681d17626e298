"""GWS reply bodies and the statusCode -> HTTP status mapping (gws-api.md §6, gap G1)."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

# statusCode values used by the simulator (gws-api.md §6.1).
OK = 0
MISSING_PARAMETER = 1
INVALID_FOR_STATE = 2
FORBIDDEN = 3
INTERNAL_ERROR = 4
NO_PERMISSION = 5
NOT_FOUND = 6
INVALID_VALUE = 10
NOT_AUTHENTICATED = 20

# G1: HTTP status per statusCode. Unlisted codes get 400.
HTTP_STATUS = {0: 200, 7: 200, 1: 400, 2: 400, 10: 400, 11: 400, 20: 401, 3: 403, 5: 403, 6: 404,
               18: 409, 19: 409, 4: 500, 12: 500, 13: 500, 14: 500, 15: 500, 16: 500, 17: 500}

CSRF_MESSAGE = "Missing or invalid Csrf token"
REALM = 'Basic realm="GWS"'


# json.dumps(body, ensure_ascii=False) without building an encoder per call.
_encode = json.JSONEncoder(ensure_ascii=False).encode


def json_response(body: Any, status: int = 200) -> web.Response:
    return web.Response(status=status, text=_encode(body), content_type="application/json")


def ok(**fields: Any) -> web.Response:
    return json_response({"statusCode": OK, **fields})


def gws_error(status_code: int, message: str, *, http_status: int | None = None,
              as_http_200: bool = False) -> web.Response:
    """``{"statusCode":n,"statusMessage":"..."}`` with the mapped HTTP status.

    ``http_status`` overrides the mapping (413, 415, 405); ``as_http_200`` is the G1 switch.
    """
    status = http_status or HTTP_STATUS.get(status_code, 400)
    if as_http_200 and status != 401:
        status = 200
    response = json_response({"statusCode": status_code, "statusMessage": message}, status)
    if status == 401:
        response.headers["WWW-Authenticate"] = REALM
    return response


def unauthorized(message: str = "Access denied: valid credentials are required") -> web.Response:
    return gws_error(NOT_AUTHENTICATED, message)


def service_unavailable() -> web.Response:
    """The injected fault (http_5xx_rate): always HTTP 503, whatever errors_as_http_200 says."""
    return json_response({"statusCode": INTERNAL_ERROR,
                          "statusMessage": "Service temporarily unavailable (simulated fault)"},
                         503)


def csrf_refused() -> web.Response:
    # Documented text; plain text, not JSON (gws-api.md §1.3).
    return web.Response(status=403, text=CSRF_MESSAGE, content_type="text/plain")
