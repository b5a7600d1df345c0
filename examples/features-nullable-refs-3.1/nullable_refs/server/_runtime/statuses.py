"""Typed answers per status: what a handler returns for a status other than its operation's
success (``return NotFound(m.Error(...))``), checked by mypy against the statuses the spec declares.

``BaseHandlers`` (base.py) types each handler's return as the union of what its operation declares:
the success body itself, one class below per declared status (``NotFound[m.Error]``), a range class
for ``4XX`` (``ClientError[m.Error]``: any 4xx class, or ``ClientError(499, body)``), ``Answer`` for
``default`` (any status), and ``fastapi.Response``, the escape hatch the spec does not check.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Generic, TypeVar

B_co = TypeVar("B_co", covariant=True)


class Answer(Generic[B_co]):
    """An answer with any status: its status, body (a model, data, ``str``, ``bytes`` or None)
    and headers."""

    __slots__ = ("body", "headers", "status")
    low: ClassVar[int] = 100
    high: ClassVar[int] = 599

    def __init__(
        self, status: int, body: B_co, *, headers: Mapping[str, str] | None = None
    ) -> None:
        if not self.low <= status <= self.high:
            raise ValueError(f"status {status} is not one of {self.low}..{self.high}")
        self.status = status
        self.body = body
        self.headers: dict[str, str] = dict(headers or {})

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.status}, {self.body!r})"


class Success(Answer[B_co]):
    """Any 2xx status (``2XX`` in the spec): ``Success(207, body)``."""

    __slots__ = ()
    low: ClassVar[int] = 200
    high: ClassVar[int] = 299


class Redirection(Answer[B_co]):
    """Any 3xx status (``3XX`` in the spec): ``Redirection(307, body)``."""

    __slots__ = ()
    low: ClassVar[int] = 300
    high: ClassVar[int] = 399


class ClientError(Answer[B_co]):
    """Any 4xx status (``4XX`` in the spec): ``ClientError(407, body)``."""

    __slots__ = ()
    low: ClassVar[int] = 400
    high: ClassVar[int] = 499


class ServerError(Answer[B_co]):
    """Any 5xx status (``5XX`` in the spec): ``ServerError(507, body)``."""

    __slots__ = ()
    low: ClassVar[int] = 500
    high: ClassVar[int] = 599


class _Fixed(Answer[B_co]):
    """An answer whose class fixes its status: only the body (and headers) are given."""

    __slots__ = ()
    code: ClassVar[int] = 200

    def __init__(self, body: B_co, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(self.code, body, headers=headers)


class Ok(_Fixed[B_co], Success[B_co]):
    """200 OK."""

    __slots__ = ()
    code: ClassVar[int] = 200


class Created(_Fixed[B_co], Success[B_co]):
    """201 Created."""

    __slots__ = ()
    code: ClassVar[int] = 201


class Accepted(_Fixed[B_co], Success[B_co]):
    """202 Accepted."""

    __slots__ = ()
    code: ClassVar[int] = 202


class NonAuthoritativeInformation(_Fixed[B_co], Success[B_co]):
    """203 Non-Authoritative Information."""

    __slots__ = ()
    code: ClassVar[int] = 203


class NoContent(_Fixed[B_co], Success[B_co]):
    """204 No Content."""

    __slots__ = ()
    code: ClassVar[int] = 204


class ResetContent(_Fixed[B_co], Success[B_co]):
    """205 Reset Content."""

    __slots__ = ()
    code: ClassVar[int] = 205


class PartialContent(_Fixed[B_co], Success[B_co]):
    """206 Partial Content."""

    __slots__ = ()
    code: ClassVar[int] = 206


class MultiStatus(_Fixed[B_co], Success[B_co]):
    """207 Multi-Status."""

    __slots__ = ()
    code: ClassVar[int] = 207


class AlreadyReported(_Fixed[B_co], Success[B_co]):
    """208 Already Reported."""

    __slots__ = ()
    code: ClassVar[int] = 208


class ImUsed(_Fixed[B_co], Success[B_co]):
    """226 IM Used."""

    __slots__ = ()
    code: ClassVar[int] = 226


class MultipleChoices(_Fixed[B_co], Redirection[B_co]):
    """300 Multiple Choices."""

    __slots__ = ()
    code: ClassVar[int] = 300


class MovedPermanently(_Fixed[B_co], Redirection[B_co]):
    """301 Moved Permanently."""

    __slots__ = ()
    code: ClassVar[int] = 301


class Found(_Fixed[B_co], Redirection[B_co]):
    """302 Found."""

    __slots__ = ()
    code: ClassVar[int] = 302


class SeeOther(_Fixed[B_co], Redirection[B_co]):
    """303 See Other."""

    __slots__ = ()
    code: ClassVar[int] = 303


class NotModified(_Fixed[B_co], Redirection[B_co]):
    """304 Not Modified."""

    __slots__ = ()
    code: ClassVar[int] = 304


class UseProxy(_Fixed[B_co], Redirection[B_co]):
    """305 Use Proxy."""

    __slots__ = ()
    code: ClassVar[int] = 305


class TemporaryRedirect(_Fixed[B_co], Redirection[B_co]):
    """307 Temporary Redirect."""

    __slots__ = ()
    code: ClassVar[int] = 307


class PermanentRedirect(_Fixed[B_co], Redirection[B_co]):
    """308 Permanent Redirect."""

    __slots__ = ()
    code: ClassVar[int] = 308


class BadRequest(_Fixed[B_co], ClientError[B_co]):
    """400 Bad Request."""

    __slots__ = ()
    code: ClassVar[int] = 400


class Unauthorized(_Fixed[B_co], ClientError[B_co]):
    """401 Unauthorized."""

    __slots__ = ()
    code: ClassVar[int] = 401


class PaymentRequired(_Fixed[B_co], ClientError[B_co]):
    """402 Payment Required."""

    __slots__ = ()
    code: ClassVar[int] = 402


class Forbidden(_Fixed[B_co], ClientError[B_co]):
    """403 Forbidden."""

    __slots__ = ()
    code: ClassVar[int] = 403


class NotFound(_Fixed[B_co], ClientError[B_co]):
    """404 Not Found."""

    __slots__ = ()
    code: ClassVar[int] = 404


class MethodNotAllowed(_Fixed[B_co], ClientError[B_co]):
    """405 Method Not Allowed."""

    __slots__ = ()
    code: ClassVar[int] = 405


class NotAcceptable(_Fixed[B_co], ClientError[B_co]):
    """406 Not Acceptable."""

    __slots__ = ()
    code: ClassVar[int] = 406


class ProxyAuthenticationRequired(_Fixed[B_co], ClientError[B_co]):
    """407 Proxy Authentication Required."""

    __slots__ = ()
    code: ClassVar[int] = 407


class RequestTimeout(_Fixed[B_co], ClientError[B_co]):
    """408 Request Timeout."""

    __slots__ = ()
    code: ClassVar[int] = 408


class Conflict(_Fixed[B_co], ClientError[B_co]):
    """409 Conflict."""

    __slots__ = ()
    code: ClassVar[int] = 409


class Gone(_Fixed[B_co], ClientError[B_co]):
    """410 Gone."""

    __slots__ = ()
    code: ClassVar[int] = 410


class LengthRequired(_Fixed[B_co], ClientError[B_co]):
    """411 Length Required."""

    __slots__ = ()
    code: ClassVar[int] = 411


class PreconditionFailed(_Fixed[B_co], ClientError[B_co]):
    """412 Precondition Failed."""

    __slots__ = ()
    code: ClassVar[int] = 412


class ContentTooLarge(_Fixed[B_co], ClientError[B_co]):
    """413 Content Too Large."""

    __slots__ = ()
    code: ClassVar[int] = 413


class UriTooLong(_Fixed[B_co], ClientError[B_co]):
    """414 URI Too Long."""

    __slots__ = ()
    code: ClassVar[int] = 414


class UnsupportedMediaType(_Fixed[B_co], ClientError[B_co]):
    """415 Unsupported Media Type."""

    __slots__ = ()
    code: ClassVar[int] = 415


class RangeNotSatisfiable(_Fixed[B_co], ClientError[B_co]):
    """416 Range Not Satisfiable."""

    __slots__ = ()
    code: ClassVar[int] = 416


class ExpectationFailed(_Fixed[B_co], ClientError[B_co]):
    """417 Expectation Failed."""

    __slots__ = ()
    code: ClassVar[int] = 417


class ImATeapot(_Fixed[B_co], ClientError[B_co]):
    """418 I'm a Teapot."""

    __slots__ = ()
    code: ClassVar[int] = 418


class MisdirectedRequest(_Fixed[B_co], ClientError[B_co]):
    """421 Misdirected Request."""

    __slots__ = ()
    code: ClassVar[int] = 421


class UnprocessableEntity(_Fixed[B_co], ClientError[B_co]):
    """422 Unprocessable Content."""

    __slots__ = ()
    code: ClassVar[int] = 422


class Locked(_Fixed[B_co], ClientError[B_co]):
    """423 Locked."""

    __slots__ = ()
    code: ClassVar[int] = 423


class FailedDependency(_Fixed[B_co], ClientError[B_co]):
    """424 Failed Dependency."""

    __slots__ = ()
    code: ClassVar[int] = 424


class TooEarly(_Fixed[B_co], ClientError[B_co]):
    """425 Too Early."""

    __slots__ = ()
    code: ClassVar[int] = 425


class UpgradeRequired(_Fixed[B_co], ClientError[B_co]):
    """426 Upgrade Required."""

    __slots__ = ()
    code: ClassVar[int] = 426


class PreconditionRequired(_Fixed[B_co], ClientError[B_co]):
    """428 Precondition Required."""

    __slots__ = ()
    code: ClassVar[int] = 428


class TooManyRequests(_Fixed[B_co], ClientError[B_co]):
    """429 Too Many Requests."""

    __slots__ = ()
    code: ClassVar[int] = 429


class RequestHeaderFieldsTooLarge(_Fixed[B_co], ClientError[B_co]):
    """431 Request Header Fields Too Large."""

    __slots__ = ()
    code: ClassVar[int] = 431


class UnavailableForLegalReasons(_Fixed[B_co], ClientError[B_co]):
    """451 Unavailable For Legal Reasons."""

    __slots__ = ()
    code: ClassVar[int] = 451


class InternalServerError(_Fixed[B_co], ServerError[B_co]):
    """500 Internal Server Error."""

    __slots__ = ()
    code: ClassVar[int] = 500


class NotImplemented_(_Fixed[B_co], ServerError[B_co]):
    """501 Not Implemented."""

    __slots__ = ()
    code: ClassVar[int] = 501


class BadGateway(_Fixed[B_co], ServerError[B_co]):
    """502 Bad Gateway."""

    __slots__ = ()
    code: ClassVar[int] = 502


class ServiceUnavailable(_Fixed[B_co], ServerError[B_co]):
    """503 Service Unavailable."""

    __slots__ = ()
    code: ClassVar[int] = 503


class GatewayTimeout(_Fixed[B_co], ServerError[B_co]):
    """504 Gateway Timeout."""

    __slots__ = ()
    code: ClassVar[int] = 504


class HttpVersionNotSupported(_Fixed[B_co], ServerError[B_co]):
    """505 HTTP Version Not Supported."""

    __slots__ = ()
    code: ClassVar[int] = 505


class VariantAlsoNegotiates(_Fixed[B_co], ServerError[B_co]):
    """506 Variant Also Negotiates."""

    __slots__ = ()
    code: ClassVar[int] = 506


class InsufficientStorage(_Fixed[B_co], ServerError[B_co]):
    """507 Insufficient Storage."""

    __slots__ = ()
    code: ClassVar[int] = 507


class LoopDetected(_Fixed[B_co], ServerError[B_co]):
    """508 Loop Detected."""

    __slots__ = ()
    code: ClassVar[int] = 508


class NotExtended(_Fixed[B_co], ServerError[B_co]):
    """510 Not Extended."""

    __slots__ = ()
    code: ClassVar[int] = 510


class NetworkAuthenticationRequired(_Fixed[B_co], ServerError[B_co]):
    """511 Network Authentication Required."""

    __slots__ = ()
    code: ClassVar[int] = 511


# The class of each status (the generator names them in base.py).
BY_STATUS: dict[int, type[Answer[object]]] = {
    200: Ok,
    201: Created,
    202: Accepted,
    203: NonAuthoritativeInformation,
    204: NoContent,
    205: ResetContent,
    206: PartialContent,
    207: MultiStatus,
    208: AlreadyReported,
    226: ImUsed,
    300: MultipleChoices,
    301: MovedPermanently,
    302: Found,
    303: SeeOther,
    304: NotModified,
    305: UseProxy,
    307: TemporaryRedirect,
    308: PermanentRedirect,
    400: BadRequest,
    401: Unauthorized,
    402: PaymentRequired,
    403: Forbidden,
    404: NotFound,
    405: MethodNotAllowed,
    406: NotAcceptable,
    407: ProxyAuthenticationRequired,
    408: RequestTimeout,
    409: Conflict,
    410: Gone,
    411: LengthRequired,
    412: PreconditionFailed,
    413: ContentTooLarge,
    414: UriTooLong,
    415: UnsupportedMediaType,
    416: RangeNotSatisfiable,
    417: ExpectationFailed,
    418: ImATeapot,
    421: MisdirectedRequest,
    422: UnprocessableEntity,
    423: Locked,
    424: FailedDependency,
    425: TooEarly,
    426: UpgradeRequired,
    428: PreconditionRequired,
    429: TooManyRequests,
    431: RequestHeaderFieldsTooLarge,
    451: UnavailableForLegalReasons,
    500: InternalServerError,
    501: NotImplemented_,
    502: BadGateway,
    503: ServiceUnavailable,
    504: GatewayTimeout,
    505: HttpVersionNotSupported,
    506: VariantAlsoNegotiates,
    507: InsufficientStorage,
    508: LoopDetected,
    510: NotExtended,
    511: NetworkAuthenticationRequired,
}
RANGES: dict[str, type[Answer[object]]] = {
    "2XX": Success,
    "3XX": Redirection,
    "4XX": ClientError,
    "5XX": ServerError,
}
