"""``/openapi.json`` (the spec as oagen read it) and ``/docs`` (Swagger UI, served offline from
the swagger-ui-bundle package)."""

from __future__ import annotations

import importlib
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from .problems import problem

_DOCS_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<link rel="stylesheet" href="{root}/docs/assets/swagger-ui.css">
<link rel="icon" type="image/png" href="{root}/docs/assets/favicon-32x32.png">
</head>
<body>
<div id="swagger-ui"></div>
<script src="{root}/docs/assets/swagger-ui-bundle.js"></script>
<script>
window.ui = SwaggerUIBundle({{
  url: "{root}/openapi.json",
  dom_id: "#swagger-ui",
  validatorUrl: null,
  deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis],
  layout: "BaseLayout"
}});
</script>
</body>
</html>
"""


def install_docs(app: FastAPI, package: str, title: str) -> None:
    """``/openapi.json`` (the spec as oagen read it) and ``/docs`` (Swagger UI, served offline)."""
    document = resources.files(package).joinpath("openapi.json").read_bytes()

    async def openapi(request: Request) -> Response:
        return Response(document, media_type="application/json")

    async def docs(request: Request) -> Response:
        if _swagger_ui_dir() is None:
            return problem(
                404, "Not Found", detail="install swagger-ui-bundle (the [server] extra) for /docs"
            )
        root = request.scope.get("root_path", "").rstrip("/")
        page = _DOCS_PAGE.format(title=_html(title), root=_html(root))
        return HTMLResponse(page)

    async def asset(request: Request) -> Response:
        folder = _swagger_ui_dir()
        name = request.path_params["name"]
        if folder is None or name not in _ASSETS:
            return problem(404, "Not Found", detail=f"no asset {name!r}")
        media_type = _ASSETS[name]
        return Response((folder / name).read_bytes(), media_type=media_type)

    app.add_api_route("/openapi.json", openapi, methods=["GET"], include_in_schema=False)
    app.add_api_route("/docs", docs, methods=["GET"], include_in_schema=False)
    app.add_api_route("/docs/assets/{name}", asset, methods=["GET"], include_in_schema=False)


_ASSETS = {
    "swagger-ui.css": "text/css",
    "swagger-ui-bundle.js": "text/javascript",
    "favicon-32x32.png": "image/png",
    "favicon-16x16.png": "image/png",
}


def _swagger_ui_dir() -> Any:
    try:
        bundle = importlib.import_module("swagger_ui_bundle")
    except ImportError:
        return None
    from pathlib import Path

    return Path(bundle.swagger_ui_path)


def _html(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )
