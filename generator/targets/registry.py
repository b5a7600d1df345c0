"""Targets register here; the built-in ones exactly as a third-party one would."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .. import ir
from ..naming import snake
from . import python_client, python_server, xml_shapes
from .models import ModuleRef, models_view
from .package import FilePlan, Options
from .paging import readme_pagers
from .python_client import http_line
from .pyview import required_arg

Planner = Callable[[ir.Api, Options], list[FilePlan]]
_TARGETS: dict[str, Planner] = {}


def register(name: str, planner: Planner) -> None:
    """Make a target available by name."""
    _TARGETS[name] = planner


def package_plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """The files every generated package has: models, errors, package metadata."""
    pkg = options.package
    context: dict[str, Any] = {
        "api": api,
        "package": pkg,
        "client": options.client,
        "server": options.server,
        "models_view": models_view(api),
        "errors": python_client.error_views(api),
        "dist_name": pkg.replace("_", "-"),
        "version": _pep440(api.version),
        "description": " ".join(api.title.split())[:200],
        "schemes": python_client.scheme_views(api),
        "op_rows": [{"name": op.name, "method": op.method, "http": http_line(op), "summary": op.summary}
                    for op in api.operations],
        "example_base_url": _example_base_url(api),
        "example_call": _example_call(api),
        "readme": python_client.readme_view(api),
        "pagers": readme_pagers(api),
        "streams": python_client.readme_streams(api),
        # The environment variable that switches the package's logger on (runtime logs.py: ENV).
        "log_env": pkg.upper() + "_LOG",
    }
    return [
        FilePlan(path=f"{pkg}/__init__.py", template="package/__init__.py.jinja", context=context),
        FilePlan(path=f"{pkg}/py.typed", template="package/py.typed.jinja", context=context, python=False),
        FilePlan(path=f"{pkg}/models/__init__.py", template="package/models/__init__.py.jinja", context=context,
                 weight=3 * len(api.models)),
        FilePlan(path=f"{pkg}/models/_base.py", template="package/models/_base.py.jinja", context=context),
        *(FilePlan(path=f"{pkg}/models/{m.module}.py", template="package/models/module.py.jinja", context=context,
                   late=_module_context(m), weight=m.size) for m in context["models_view"].modules),
        FilePlan(path=f"{pkg}/errors.py", template="client/errors.py.jinja", context=context),
        *python_client.runtime(options),
        *xml_shapes.plan(api, options),
        FilePlan(path="pyproject.toml", template="package/pyproject.toml.jinja", context=context, python=False),
        FilePlan(path="README.md", template="package/README.md.jinja", context=context, python=False),
    ]


def _module_context(ref: ModuleRef) -> Callable[[], dict[str, Any]]:
    return lambda: {"module_view": ref.view()}


def _pep440(version: str) -> str:
    import re

    parts = re.findall(r"\d+", version)
    return ".".join(str(int(p)) for p in parts[:3]) if parts else "0.0.0"


def _example_base_url(api: ir.Api) -> str:
    from .package import server_views

    return "" if server_views(api)["default_url"] else repr("http://127.0.0.1:8000" + api.base_path)


def _example_call(api: ir.Api) -> str:
    for op in api.operations:
        required = [p for p in op.parameters if required_arg(p)]
        if not required and (op.body is None or not op.body.required):
            return f"{op.name}()"
    if api.operations:
        op = api.operations[0]
        args = ", ".join(f"{p.name}=..." for p in op.parameters if required_arg(p))
        body = "body=..." if op.body is not None and op.body.required else ""
        return f"{op.name}({', '.join(a for a in (args, body) if a)})"
    return ""


def plan(api: ir.Api, options: Options) -> list[FilePlan]:
    """Every file of the generated package, in a stable order."""
    files = package_plan(api, options)
    if options.client:
        files += _TARGETS["python-client"](api, options)
    if options.server:
        files += _TARGETS["python-server"](api, options)
    return files


register("python-client", python_client.plan)
register("python-server", python_server.plan)
__all__ = ["FilePlan", "Options", "plan", "register", "snake"]
