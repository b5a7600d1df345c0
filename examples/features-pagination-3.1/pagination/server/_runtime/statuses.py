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
    """An answer whose class fixes its status (``code=``): only the body (and headers) are given."""

    __slots__ = ()
    code: ClassVar[int] = 200

    def __init_subclass__(cls, code: int = 0, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.code = code

    def __init__(self, body: B_co, *, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(self.code, body, headers=headers)


class Ok(_Fixed[B_co], Success[B_co], code=200):
    """200 OK."""


class Created(_Fixed[B_co], Success[B_co], code=201):
    """201 Created."""


class Accepted(_Fixed[B_co], Success[B_co], code=202):
    """202 Accepted."""


class NonAuthoritativeInformation(_Fixed[B_co], Success[B_co], code=203):
    """203 Non-Authoritative Information."""


class NoContent(_Fixed[B_co], Success[B_co], code=204):
    """204 No Content."""


class ResetContent(_Fixed[B_co], Success[B_co], code=205):
    """205 Reset Content."""


class PartialContent(_Fixed[B_co], Success[B_co], code=206):
    """206 Partial Content."""


class MultiStatus(_Fixed[B_co], Success[B_co], code=207):
    """207 Multi-Status."""


class AlreadyReported(_Fixed[B_co], Success[B_co], code=208):
    """208 Already Reported."""


class ImUsed(_Fixed[B_co], Success[B_co], code=226):
    """226 IM Used."""


class MultipleChoices(_Fixed[B_co], Redirection[B_co], code=300):
    """300 Multiple Choices."""


class MovedPermanently(_Fixed[B_co], Redirection[B_co], code=301):
    """301 Moved Permanently."""


class Found(_Fixed[B_co], Redirection[B_co], code=302):
    """302 Found."""


class SeeOther(_Fixed[B_co], Redirection[B_co], code=303):
    """303 See Other."""


class NotModified(_Fixed[B_co], Redirection[B_co], code=304):
    """304 Not Modified."""


class UseProxy(_Fixed[B_co], Redirection[B_co], code=305):
    """305 Use Proxy."""


class TemporaryRedirect(_Fixed[B_co], Redirection[B_co], code=307):
    """307 Temporary Redirect."""


class PermanentRedirect(_Fixed[B_co], Redirection[B_co], code=308):
    """308 Permanent Redirect."""


class BadRequest(_Fixed[B_co], ClientError[B_co], code=400):
    """400 Bad Request."""


class Unauthorized(_Fixed[B_co], ClientError[B_co], code=401):
    """401 Unauthorized."""


class PaymentRequired(_Fixed[B_co], ClientError[B_co], code=402):
    """402 Payment Required."""


class Forbidden(_Fixed[B_co], ClientError[B_co], code=403):
    """403 Forbidden."""


class NotFound(_Fixed[B_co], ClientError[B_co], code=404):
    """404 Not Found."""


class MethodNotAllowed(_Fixed[B_co], ClientError[B_co], code=405):
    """405 Method Not Allowed."""


class NotAcceptable(_Fixed[B_co], ClientError[B_co], code=406):
    """406 Not Acceptable."""


class ProxyAuthenticationRequired(_Fixed[B_co], ClientError[B_co], code=407):
    """407 Proxy Authentication Required."""


class RequestTimeout(_Fixed[B_co], ClientError[B_co], code=408):
    """408 Request Timeout."""


class Conflict(_Fixed[B_co], ClientError[B_co], code=409):
    """409 Conflict."""


class Gone(_Fixed[B_co], ClientError[B_co], code=410):
    """410 Gone."""


class LengthRequired(_Fixed[B_co], ClientError[B_co], code=411):
    """411 Length Required."""


class PreconditionFailed(_Fixed[B_co], ClientError[B_co], code=412):
    """412 Precondition Failed."""


class ContentTooLarge(_Fixed[B_co], ClientError[B_co], code=413):
    """413 Content Too Large."""


class UriTooLong(_Fixed[B_co], ClientError[B_co], code=414):
    """414 URI Too Long."""


class UnsupportedMediaType(_Fixed[B_co], ClientError[B_co], code=415):
    """415 Unsupported Media Type."""


class RangeNotSatisfiable(_Fixed[B_co], ClientError[B_co], code=416):
    """416 Range Not Satisfiable."""


class ExpectationFailed(_Fixed[B_co], ClientError[B_co], code=417):
    """417 Expectation Failed."""


class ImATeapot(_Fixed[B_co], ClientError[B_co], code=418):
    """418 I'm a Teapot."""


class MisdirectedRequest(_Fixed[B_co], ClientError[B_co], code=421):
    """421 Misdirected Request."""


class UnprocessableEntity(_Fixed[B_co], ClientError[B_co], code=422):
    """422 Unprocessable Content."""


class Locked(_Fixed[B_co], ClientError[B_co], code=423):
    """423 Locked."""


class FailedDependency(_Fixed[B_co], ClientError[B_co], code=424):
    """424 Failed Dependency."""


class TooEarly(_Fixed[B_co], ClientError[B_co], code=425):
    """425 Too Early."""


class UpgradeRequired(_Fixed[B_co], ClientError[B_co], code=426):
    """426 Upgrade Required."""


class PreconditionRequired(_Fixed[B_co], ClientError[B_co], code=428):
    """428 Precondition Required."""


class TooManyRequests(_Fixed[B_co], ClientError[B_co], code=429):
    """429 Too Many Requests."""


class RequestHeaderFieldsTooLarge(_Fixed[B_co], ClientError[B_co], code=431):
    """431 Request Header Fields Too Large."""


class UnavailableForLegalReasons(_Fixed[B_co], ClientError[B_co], code=451):
    """451 Unavailable For Legal Reasons."""


class InternalServerError(_Fixed[B_co], ServerError[B_co], code=500):
    """500 Internal Server Error."""


class NotImplemented_(_Fixed[B_co], ServerError[B_co], code=501):
    """501 Not Implemented."""


class BadGateway(_Fixed[B_co], ServerError[B_co], code=502):
    """502 Bad Gateway."""


class ServiceUnavailable(_Fixed[B_co], ServerError[B_co], code=503):
    """503 Service Unavailable."""


class GatewayTimeout(_Fixed[B_co], ServerError[B_co], code=504):
    """504 Gateway Timeout."""


class HttpVersionNotSupported(_Fixed[B_co], ServerError[B_co], code=505):
    """505 HTTP Version Not Supported."""


class VariantAlsoNegotiates(_Fixed[B_co], ServerError[B_co], code=506):
    """506 Variant Also Negotiates."""


class InsufficientStorage(_Fixed[B_co], ServerError[B_co], code=507):
    """507 Insufficient Storage."""


class LoopDetected(_Fixed[B_co], ServerError[B_co], code=508):
    """508 Loop Detected."""


class NotExtended(_Fixed[B_co], ServerError[B_co], code=510):
    """510 Not Extended."""


class NetworkAuthenticationRequired(_Fixed[B_co], ServerError[B_co], code=511):
    """511 Network Authentication Required."""


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
