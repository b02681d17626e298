"""Errors of the service layer, by meaning rather than by status number.

    GwsError
    ├── ServerUnreachable          no TCP connection, DNS failure, connect/read timeout
    │   └── TlsVerificationFailed  the server's certificate could not be verified
    ├── AuthenticationFailed       wrong user name or password (HTTP 401 / statusCode 20)
    ├── NotPermitted               the account is not an agent or lacks the outbound privilege
    ├── CsrfRejected               the server refused the CSRF token (session expired)
    ├── RequestRefused             the server answered with a non-zero statusCode
    ├── ProtocolError              a reply that is not what GWS sends
    ├── NotificationsError         the CometD channel could not be opened or was closed
    └── OperationError             an outbound operation did not end acknowledged
        ├── OperationRefused       the server refused it by an error notification
        └── AcknowledgementTimeout no acknowledgement in time: outcome unknown

Every message is written for a person: the UI and the command line show it as is.
"""

from __future__ import annotations


class GwsError(Exception):
    """Base of every error the service layer raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ServerUnreachable(GwsError):
    pass


class TlsVerificationFailed(ServerUnreachable):
    pass


class AuthenticationFailed(GwsError):
    pass


class NotPermitted(GwsError):
    pass


class CsrfRejected(GwsError):
    pass


class RequestRefused(GwsError):
    """A REST request refused by the server, with the server's own words."""

    def __init__(self, http_status: int, status_code: int | None, status_message: str) -> None:
        detail = status_message or f"HTTP {http_status}"
        super().__init__(f"The server refused the request: {detail}")
        self.http_status = http_status
        self.status_code = status_code
        self.status_message = status_message


class ProtocolError(GwsError):
    pass


class NotificationsError(GwsError):
    pass


class OperationError(GwsError):
    def __init__(self, message: str, reference_id: str) -> None:
        super().__init__(message)
        self.reference_id = reference_id


class OperationRefused(OperationError):
    def __init__(self, reference_id: str, error_code: int | None, error_message: str) -> None:
        super().__init__(error_message or "The server refused the operation.", reference_id)
        self.error_code = error_code


class AcknowledgementTimeout(OperationError):
    pass
