"""Routes built on their first request: a giant spec's app starts at once.

FastAPI analyses an endpoint's signature (its parameters, their types, a pydantic adapter each)
when the route is added: about 5 ms a route, a minute for Microsoft Graph's 11,422 operations.
In the split layout the app registers a :class:`LazyRoute` per operation instead, at its place in
the route order: it matches a request by the route's path (compiled on the first request that
shares its literal prefix), its method and its constants, and only when it matches does it import
its group module (``_routes/<group>.py``) and build the real routes of the whole group, which then
answer for it. ``/openapi.json`` and ``/docs`` are files: they do not depend on built routes.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable, Sequence
from importlib import resources
from typing import Any

from fastapi.routing import APIRoute, APIRouter
from starlette.routing import BaseRoute, Match, NoMatchFound, compile_path
from starlette.types import Receive, Scope, Send

from .dispatch import constant_of
from .state import paused_gc

# (place, path, method, name, constants) of one route, as the group modules add them.
RouteRow = tuple[int, str, str, str, Sequence[tuple[str, str, str]]]


class LazyGroup:
    """The routes of one group module, built together on the first request one of them takes."""

    def __init__(self, package: str, module: str, router: APIRouter) -> None:
        self.package = package
        self.module = module
        self.router = router
        self.built: dict[str, APIRoute] | None = None

    def route(self, name: str) -> APIRoute:
        """The real route of operation ``name`` (the group is built on the first call)."""
        if self.built is None:
            self.built = build_group(self.package, self.module, self.router)
        return self.built[name]


def build_group(package: str, module: str, router: APIRouter) -> dict[str, APIRoute]:
    """The group module's routes, made as the app's router makes them, by name."""
    found = importlib.import_module(f"{package}._routes.{module}")
    collected = _Collected()
    found.add_routes(collected)
    # A router of the app's settings (dependency overrides included) makes the routes; they are
    # not added to it, nor to the app: the lazy routes stand in their places.
    scratch = APIRouter(
        dependency_overrides_provider=router.dependency_overrides_provider,
        route_class=router.route_class,
    )
    built = {}
    for _, path, endpoint, methods, name, route_class in collected.found:
        scratch.add_api_route(
            path, endpoint, methods=methods, name=name, route_class_override=route_class
        )
        route = scratch.routes[-1]
        assert isinstance(route, APIRoute)
        built[name] = route
    return built


class _Collected:
    """Stands in for ``Routes`` when a group module adds its routes."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str, Callable[..., Any], list[str], str, Any]] = []

    def add(
        self,
        place: int,
        path: str,
        endpoint: Callable[..., Any],
        *,
        methods: list[str],
        name: str,
        route_class_override: Any = None,
    ) -> None:
        self.found.append((place, path, endpoint, methods, name, route_class_override))


class LazyRoute(BaseRoute):
    """One operation's route until its group is built; then the real route answers."""

    def __init__(
        self,
        group: LazyGroup,
        path: str,
        method: str,
        name: str,
        constants: Sequence[tuple[str, str, str]] = (),
    ) -> None:
        self.group = group
        self.path = path
        self.methods = {method}
        self.name = name
        self.constants = tuple(constants)
        self.include_in_schema = True
        self.prefix = path.split("{", 1)[0]
        self._regex: re.Pattern[str] | None = None

    @property
    def route(self) -> APIRoute:
        """The real route (building its group on first use)."""
        return self.group.route(self.name)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http":
            return Match.NONE, {}
        built = self.group.built
        if built is not None:
            return built[self.name].matches(scope)
        path = _route_path(scope)
        if not path.startswith(self.prefix):
            return Match.NONE, {}
        if self._regex is None:
            self._regex = compile_path(self.path)[0]
        if self._regex.match(path) is None:
            return Match.NONE, {}
        for location, name, value in self.constants:
            if constant_of(scope, location, name) != value:
                return Match.NONE, {}
        return self.route.matches(scope)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.route.handle(scope, receive, send)

    def url_path_for(self, name: str, /, **path_params: Any) -> Any:
        if name != self.name:
            raise NoMatchFound(name, path_params)
        return self.route.url_path_for(name, **path_params)

    def __repr__(self) -> str:
        return f"LazyRoute(path={self.path!r}, name={self.name!r}, methods={sorted(self.methods)})"


def _route_path(scope: Scope) -> str:
    """The request path the routes match (without the root path), as Starlette's routes read it."""
    path: str = scope["path"]
    root: str = scope.get("root_path", "")
    if root and path.startswith(root):
        rest = path[len(root) :]
        if rest == "" or rest.startswith("/"):
            return rest
    return path


def route_table(package: str) -> list[tuple[str, list[Any]]]:
    """The groups' routes (``routes.json`` of the server package): group module, its rows."""
    text = resources.files(package).joinpath("routes.json").read_text("utf-8")
    with paused_gc():
        table: list[tuple[str, list[Any]]] = json.loads(text)
    return table


def add_lazy_routes(
    router: APIRouter,
    package: str,
    table: Sequence[tuple[str, Sequence[Any]]],
    eager: Sequence[tuple[int, BaseRoute]] = (),
) -> None:
    """Register a :class:`LazyRoute` for every row of ``table`` (group module, its rows), in
    route order, with the ``eager`` routes (already made: the 400 fallbacks) at their places."""
    found: list[tuple[int, BaseRoute]] = list(eager)
    with paused_gc():
        for module, rows in table:
            group = LazyGroup(package, module, router)
            for place, path, method, name, constants in rows:
                found.append((place, LazyRoute(group, path, method, name, constants)))
    found.sort(key=lambda r: r[0])
    router.routes.extend(route for _, route in found)


def build_routes(router: APIRouter) -> None:
    """Build every lazy route of the router now (what the app did at start before routes were
    lazy): a start that fails at once on a broken route module, or an app to introspect."""
    router.routes[:] = [r.route if isinstance(r, LazyRoute) else r for r in router.routes]
