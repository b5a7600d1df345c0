"""Mock values drawn at random: ``Prefer: dynamic=true`` (Prism's convention), repeatable with the
app's seed (``create_app(mock=True, seed=N)``, ``oagen serve --mock --seed N``)."""

from __future__ import annotations

import datetime
import os
import random
import string
import uuid
from typing import TYPE_CHECKING, Any

from .mock import _FORMATS, _MAX_DEPTH, Mocker

if TYPE_CHECKING:
    from .state import Runtime


class DynamicMocker(Mocker):
    """Values drawn at random (from ``rng``) that fit a schema, the schema's examples aside:
    Prism's ``dynamic=true``. A value that does not fit is replaced by the static one."""

    def __init__(self, state: Runtime, rng: random.Random) -> None:
        super().__init__(state)
        self.rng = rng

    def _given(self, schema: dict[str, Any]) -> list[Any]:
        return []

    def _choice(self, values: list[Any], index: int) -> Any:
        return self.rng.choice(values)

    def _boolean(self, index: int) -> bool:
        return self.rng.random() < 0.5

    def _any_of(self, variants: list[Any], depth: int, index: int) -> Any:
        if depth >= _MAX_DEPTH:
            return super()._any_of(variants, depth, index)
        shuffled = list(variants)
        self.rng.shuffle(shuffled)
        return super()._any_of(shuffled, depth, index)

    def _array(self, schema: dict[str, Any], depth: int, index: int) -> list[Any]:
        low = int(schema.get("minItems", 0))
        high = schema.get("maxItems")
        top = low + 3 if high is None else min(int(high), low + 3)
        count = self.rng.randint(low, max(low, top)) if depth < _MAX_DEPTH else low
        items = schema.get("items", {})
        return [self.value(items, depth + 1, index + i) for i in range(count)]

    def _string(self, schema: dict[str, Any], index: int) -> str:
        fmt = schema.get("format")
        if isinstance(schema.get("pattern"), str) or (fmt in _FORMATS and fmt not in _DRAWN):
            return super()._string(schema, index)
        if fmt in _DRAWN:
            text = _DRAWN[str(fmt)](self.rng)
            if self.state.is_valid(schema, text):
                return text
            return super()._string(schema, index)
        low = int(schema.get("minLength", 0))
        high = schema.get("maxLength")
        top = max(low, 12) if high is None else int(high)
        length = self.rng.randint(low, max(low, min(top, low + 12)))
        return "".join(self.rng.choice(string.ascii_letters) for _ in range(length))

    def _number(self, schema: dict[str, Any], index: int, *, integer: bool) -> int | float:
        low = schema.get("minimum", schema.get("exclusiveMinimum"))
        high = schema.get("maximum", schema.get("exclusiveMaximum"))
        low = float(low) if isinstance(low, int | float) else None
        high = float(high) if isinstance(high, int | float) else None
        if low is None:
            low = min(0.0, high - 1000) if high is not None else 0.0
        if high is None:
            high = low + 1000
        step = schema.get("multipleOf")
        for _ in range(8):
            drawn: float = self.rng.uniform(low, high)
            if isinstance(step, int | float) and step > 0:
                drawn = round(drawn / step) * step
            value: int | float = round(drawn) if integer else round(drawn, 2)
            if integer and isinstance(step, int | float) and step > 0 and float(step).is_integer():
                value = int(value)
            if self.state.is_valid(schema, value):
                return value
        return super()._number(schema, index, integer=integer)


def _random_datetime(rng: random.Random) -> datetime.datetime:
    start = datetime.datetime(2000, 1, 1, tzinfo=datetime.timezone.utc)
    return start + datetime.timedelta(seconds=rng.randrange(40 * 365 * 86400))


_DRAWN = {
    "uuid": lambda rng: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "date-time": lambda rng: _random_datetime(rng).strftime("%Y-%m-%dT%H:%M:%SZ"),
    "date": lambda rng: _random_datetime(rng).strftime("%Y-%m-%d"),
    "email": lambda rng: "".join(rng.choice(string.ascii_lowercase) for _ in range(8))
    + "@example.com",
}


def mock_seed() -> int | None:
    """The seed of ``OAGEN_MOCK_SEED`` (``oagen serve --mock --seed N`` sets it), or None."""
    text = os.environ.get("OAGEN_MOCK_SEED", "").strip()
    return int(text) if text.lstrip("-").isdigit() else None
