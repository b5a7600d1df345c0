"""The app Schemathesis fuzzes (``uvicorn schemathesis_app:build --factory``): the generated
server in mock mode, with handlers that hold each secured operation to the credentials the test
gave Schemathesis.

The generated app answers 401 when a request presents no credential for any alternative of the
operation's ``security``; whether a credential is valid is the handler's call (``Credentials``
in ``server/base.py``). These handlers make that call as a real service would: a credential
other than the one configured for its scheme gets 401, so Schemathesis's ``ignored_auth`` check
(a wrong or missing credential must be refused) tests what the generated code does, and a
credential that arrives under the wrong scheme is refused too. Everything else is the mock's
answer.

``OAGEN_TEST_PACKAGE``: the generated package; ``OAGEN_TEST_CREDENTIALS``: JSON, the expected
credential per ``Credentials`` attribute (a basic pair as a two-item list).
"""

from __future__ import annotations

import importlib
import inspect
import json
import os
from typing import Any


def build() -> Any:
    """The app (uvicorn ``--factory``)."""
    package = os.environ["OAGEN_TEST_PACKAGE"]
    expected = {k: tuple(v) if isinstance(v, list) else v
                for k, v in json.loads(os.environ.get("OAGEN_TEST_CREDENTIALS", "{}")).items()}
    app_module = importlib.import_module(f"{package}.server.app")
    runtime = importlib.import_module(f"{package}.server._runtime")
    base = importlib.import_module(f"{package}.server.base").BaseHandlers
    secured = [name for name in app_module.OPERATIONS
               if "credentials" in inspect.signature(getattr(base, name)).parameters]
    holder: dict[str, Any] = {}

    def checking(operation: str) -> Any:
        async def handler(self: Any, **kwargs: Any) -> Any:
            credentials = kwargs["credentials"]
            for field, want in expected.items():
                got = getattr(credentials, field, None)
                if got is not None and got != want:
                    raise runtime.ProblemError(401, "Unauthorized", detail=f"wrong credential for {field}")
            return holder["app"].state.oagen.mock_answer(operation)

        handler.__name__ = operation
        return handler

    handlers = type("CheckingHandlers", (base,), {name: checking(name) for name in secured})()
    app = holder["app"] = app_module.create_app(handlers, mock=True)
    return app
