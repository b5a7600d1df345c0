"""AWS Signature Version 4 (standard library only): the signer, and an ``httpx.Auth`` that signs
every request it is given.

The algorithm is AWS's "Create a signed AWS API request" (the canonical request, the string to
sign, the signing key derived from the date, region and service, the HMAC-SHA256 signature) and
is checked against AWS's published SigV4 test suite. The canonical URI is the path as it goes on
the wire, normalized (``.``/``..`` and repeated slashes removed) and percent-encoded once more,
except for S3, which signs the path as it is.
"""

from __future__ import annotations

import datetime
import hashlib
import hmac
import posixpath
import re
from collections.abc import Callable, Generator, Iterable, Mapping
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

import httpx

ALGORITHM = "AWS4-HMAC-SHA256"
EMPTY_SHA256 = hashlib.sha256(b"").hexdigest()
# Headers signed besides ``host`` and every ``x-amz-*`` one: what proxies leave alone.
_SIGNED = frozenset({"host", "content-type", "content-md5", "date"})
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class AwsCredentials:
    """AWS credentials and where they are used: an access key, its secret, a session token
    (temporary credentials), the region and the service's signing name (``None``: as the
    spec's server says)."""

    access_key: str
    secret_key: str = field(repr=False)
    session_token: str | None = field(default=None, repr=False)
    region: str | None = None
    service: str | None = None


def uri_encode(text: str, safe: str = "") -> str:
    """Percent-encoding as SigV4 wants it: every byte but ``A-Za-z0-9-._~`` (and ``safe``)."""
    return quote(text, safe="-_.~" + safe)


def canonical_uri(path: str, *, normalize: bool = True, encode: bool = True) -> str:
    """The canonical URI of a path as sent (``encode``: percent-encoded once more, as every
    service but S3 expects; ``normalize``: ``.``, ``..`` and repeated slashes resolved)."""
    path = path or "/"
    if normalize:
        trailing = path.endswith("/") and path != "/"
        path = posixpath.normpath(path) if path != "/" else path
        path = re.sub("/{2,}", "/", path)
        if trailing and not path.endswith("/"):
            path += "/"
        if not path.startswith("/"):
            path = "/" + path
    return uri_encode(path, safe="/") if encode else path


def canonical_query(query: str) -> str:
    """The canonical query string of a raw query: pairs decoded, encoded again, sorted by name
    then value."""
    pairs = []
    for part in query.split("&") if query else ():
        name, _, value = part.partition("=")
        pairs.append((uri_encode(unquote(name)), uri_encode(unquote(value))))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def canonical_headers(headers: Iterable[tuple[str, str]]) -> tuple[str, str]:
    """``(canonical headers, signed headers)``: names lower-cased, values trimmed and their inner
    runs of spaces made one, repeated names joined with commas, sorted by name."""
    merged: dict[str, list[str]] = {}
    for name, value in headers:
        merged.setdefault(name.strip().lower(), []).append(_SPACES.sub(" ", value.strip()))
    names = sorted(merged)
    text = "".join(f"{n}:{','.join(merged[n])}\n" for n in names)
    return text, ";".join(names)


def signing_key(secret: str, day: str, region: str, service: str) -> bytes:
    """The key of one day, region and service: HMAC chain from ``"AWS4" + secret``."""
    key = ("AWS4" + secret).encode("utf-8")
    for part in (day, region, service, "aws4_request"):
        key = hmac.new(key, part.encode("utf-8"), hashlib.sha256).digest()
    return key


@dataclass(frozen=True, slots=True)
class Signed:
    """What signing produced (the parts are kept for debugging a refused signature)."""

    authorization: str
    canonical_request: str
    string_to_sign: str
    signature: str


def sign(
    *,
    method: str,
    path: str,
    query: str,
    headers: Iterable[tuple[str, str]],
    payload_hash: str,
    access_key: str,
    secret_key: str,
    region: str,
    service: str,
    amz_date: str,
    normalize: bool = True,
    encode_path: bool = True,
) -> Signed:
    """Sign one request whose ``headers`` (the ones to sign, ``host`` and ``x-amz-date``
    included) are final; ``amz_date`` is ``YYYYMMDDTHHMMSSZ``."""
    header_text, signed_headers = canonical_headers(headers)
    canonical = "\n".join(
        [
            method.upper(),
            canonical_uri(path, normalize=normalize, encode=encode_path),
            canonical_query(query),
            header_text,
            signed_headers,
            payload_hash,
        ]
    )
    scope = f"{amz_date[:8]}/{region}/{service}/aws4_request"
    to_sign = "\n".join(
        [ALGORITHM, amz_date, scope, hashlib.sha256(canonical.encode("utf-8")).hexdigest()]
    )
    key = signing_key(secret_key, amz_date[:8], region, service)
    signature = hmac.new(key, to_sign.encode("utf-8"), hashlib.sha256).hexdigest()
    authorization = (
        f"{ALGORITHM} Credential={access_key}/{scope}, "
        f"SignedHeaders={signed_headers}, Signature={signature}"
    )
    return Signed(authorization, canonical, to_sign, signature)


def _now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


class SigV4Auth(httpx.Auth):
    """Signs every request with AWS Signature Version 4 (``x-amz-date``, ``x-amz-security-token``
    for temporary credentials, ``x-amz-content-sha256`` for S3, then ``Authorization``)."""

    requires_request_body = True

    def __init__(
        self,
        credentials: AwsCredentials,
        region: str = "us-east-1",
        service: str = "execute-api",
        clock: Callable[[], datetime.datetime] = _now,
    ) -> None:
        self.credentials = credentials
        self.region = credentials.region or region
        self.service = credentials.service or service
        self._clock = clock

    def __repr__(self) -> str:
        return f"SigV4Auth({self.credentials.access_key!r}, {self.region!r}, {self.service!r})"

    def sign_request(self, request: httpx.Request) -> None:
        """Add the signature headers to ``request``."""
        creds = self.credentials
        amz_date = self._clock().astimezone(datetime.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        s3 = self.service == "s3"
        payload = hashlib.sha256(request.content).hexdigest()
        request.headers["x-amz-date"] = amz_date
        if creds.session_token:
            request.headers["x-amz-security-token"] = creds.session_token
        if s3:
            request.headers["x-amz-content-sha256"] = payload
        request.headers.pop("authorization", None)
        signed = sign(
            method=request.method,
            path=request.url.raw_path.decode("ascii").split("?", 1)[0],
            query=request.url.query.decode("ascii"),
            headers=_to_sign(request.headers),
            payload_hash=payload,
            access_key=creds.access_key,
            secret_key=creds.secret_key,
            region=self.region,
            service=self.service,
            amz_date=amz_date,
            normalize=not s3,
            encode_path=not s3,
        )
        request.headers["Authorization"] = signed.authorization

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        self.sign_request(request)
        yield request


def _to_sign(headers: Mapping[str, str] | httpx.Headers) -> list[tuple[str, str]]:
    items = headers.multi_items() if isinstance(headers, httpx.Headers) else list(headers.items())
    return [(k, v) for k, v in items if k.lower() in _SIGNED or k.lower().startswith("x-amz-")]
