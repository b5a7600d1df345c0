"""Typed answers per status and response validation of the generated server.

mypy --strict holds a handler to the statuses and bodies its operation declares (a wrong one is an
error, the right ones pass); the answers go over a real socket (uvicorn on 127.0.0.1) with their
status, body, headers and declared media type; with ``validate_responses`` an answer that does not
fit the spec is a 500 problem naming the operation and the field, and is logged.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import httpx
import pytest

from generator.runtime.server import statuses
from generator.targets.server_answers import RANGE_NAMES, STATUS_NAMES, answer_class
from helpers import ROOT, generate_package, mypy_strict, uvicorn_server

SPEC = ROOT / "tests" / "data" / "server-answers.yaml"
PACKAGE = "answers_srv"

GOOD = '''
from __future__ import annotations

from fastapi import Response

from .. import models as m
from .base import (
    Answer, BaseHandlers, ClientError, Conflict, Created, NoContent, NotFound, Ok, ServerError,
)


class Handlers(BaseHandlers):
    async def get_pet(
        self, *, pet_id: int
    ) -> m.Pet | Ok[m.Pet] | NotFound[m.Error] | ServerError[m.Error] | Response:
        if pet_id == 0:
            return NotFound(m.Error(code=404, message="no pet 0"))
        if pet_id == 500:
            return ServerError(503, m.Error(code=503, message="down"))
        if pet_id == 1:
            return Ok(m.Pet(number=1, name="Rex"), headers={"X-Rate-Remaining": "9"})
        if pet_id == 2:  # the declared header missing
            return m.Pet(number=2, name="Rex")
        if pet_id == 3:  # the escape hatch: not checked by mypy, still by response validation
            return Response('{"number": "three", "name": "x"}', media_type="application/json")
        if pet_id == 4:  # a model built without validation: its name breaks minLength
            return Ok(m.Pet.model_construct(number=4, name=""), headers={"X-Rate-Remaining": "1"})
        return Response(status_code=418)  # undeclared status, through the escape hatch

    async def delete_pet(self, *, pet_id: int) -> None | NoContent[None] | Conflict[None] | Response:
        if pet_id == 0:
            return Conflict(None)
        return None

    async def create_pet(
        self, *, body: m.Pet
    ) -> m.Pet | Created[m.Pet] | Ok[m.Pet] | Answer[m.Error] | Response:
        if body.number == 0:
            return Answer(422, m.Error(code=422, message="id 0 is reserved"))
        if body.number == 1:
            return Ok(body)
        return Created(body, headers={"Location": f"/pets/{body.number}"})

    async def get_note(self) -> str | Ok[str] | ClientError[str] | Response:
        return ClientError(451, "gone for legal reasons")

    async def get_photo(self) -> bytes | Ok[bytes] | Response:
        return b"\\x89PNG"
'''

# Each line a mypy --strict error: an undeclared status, a wrong model, a body where none is declared.
BAD = '''
from __future__ import annotations

from .. import models as m
from .base import BaseHandlers, Conflict, Created, NotFound, Ok, ServerError


class Handlers(BaseHandlers):
    async def get_pet(self, *, pet_id: int) -> m.Pet | Ok[m.Pet] | NotFound[m.Error] | ServerError[m.Error]:
        if pet_id == 0:
            return Conflict(m.Error(code=409, message="undeclared status"))  # BAD
        if pet_id == 1:
            return NotFound(m.Pet(number=1, name="wrong model for 404"))  # BAD
        if pet_id == 2:
            return m.Error(code=1, message="wrong model for the success")  # BAD
        return Ok(m.Error(code=1, message="wrong model for 200"))  # BAD

    async def delete_pet(self, *, pet_id: int) -> None | Conflict[None]:
        return Conflict(m.Error(code=409, message="409 declares no body"))  # BAD

    async def get_note(self) -> str | Ok[str]:
        return Created("undeclared 201")  # BAD
'''


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("answers")
    generate_package(SPEC, folder, PACKAGE, client=False)
    (folder / PACKAGE / "server" / "good.py").write_text(GOOD, "utf-8")
    (folder / "served.py").write_text(SERVED, "utf-8")
    return folder


SERVED = f'''
from {PACKAGE}.server.app import create_app
from {PACKAGE}.server.good import Handlers

checked = create_app(Handlers(), validate_responses=True)
unchecked = create_app(Handlers())
mocked = create_app(Handlers(), mock=True)
'''


def test_the_generator_names_the_runtime_classes() -> None:
    assert {code: cls.__name__ for code, cls in statuses.BY_STATUS.items()} == STATUS_NAMES
    assert {key: cls.__name__ for key, cls in statuses.RANGES.items()} == RANGE_NAMES
    assert [answer_class(s) for s in ("404", "420", "4XX", "2xx", "default", "299")] == [
        "NotFound", "ClientError", "ClientError", "Success", "Answer", "Success"]
    assert statuses.NotFound(None).status == 404 and isinstance(statuses.NotFound(1), statuses.ClientError)
    with pytest.raises(ValueError, match="400..499"):
        statuses.ClientError(503, None)


def _mypy(folder: Path, package: str) -> list[str]:
    run = mypy_strict(folder, package)
    return [line for line in run.stdout.splitlines() if ": error:" in line]


@pytest.mark.slow
def test_mypy_holds_handlers_to_the_declared_answers(out: Path, tmp_path: Path) -> None:
    """The correct handlers pass mypy --strict; each wrong return is an error on its line."""
    folder = tmp_path / "pkg"
    shutil.copytree(out / PACKAGE, folder / PACKAGE)
    (folder / PACKAGE / "server" / "bad.py").write_text(BAD, "utf-8")
    errors = _mypy(folder, PACKAGE)
    bad_lines = [i for i, line in enumerate(BAD.splitlines(), 1) if line.endswith("# BAD")]
    flagged = sorted({int(m.group(1)) for e in errors if (m := re.match(r".*bad\.py:(\d+): error", e))})
    assert [e for e in errors if "bad.py" not in e] == []  # good.py, base.py, app.py: clean
    assert flagged == bad_lines, "\n".join(errors)


EXAMPLE_HANDLERS = '''
from __future__ import annotations

import uuid

from fastapi import Response

from .. import models as m
from .base import Answer, BaseHandlers, Created, Credentials, NoContent, Ok


class Handlers(BaseHandlers):
    async def list_pets(
        self, *, limit: int | None = None, tags: list[str] | None = None,
        credentials: Credentials = Credentials(),
    ) -> m.Pets | Ok[m.Pets] | Answer[m.Error] | Response:
        if limit == 0:
            return Answer(400, m.Error(code=400, message="limit 0"))
        return Ok([m.Pet(id=1, name="Rex")], headers={"x-next": "/pets?page=2"})

    async def create_pet(
        self, *, body: m.Pet, credentials: Credentials = Credentials()
    ) -> m.Pet | Created[m.Pet] | Answer[m.Error] | Response:
        return body

    async def show_pet_by_id(
        self, *, pet_id: str, credentials: Credentials = Credentials()
    ) -> m.Pet | Ok[m.Pet] | Answer[m.Error] | Response:
        if pet_id == "0":
            return Answer(404, m.Error(code=404, message="no pet 0"))
        return m.Pet(id=int(pet_id), name="Rex")

    async def delete_pet(
        self, *, pet_id: str, x_request_id: uuid.UUID | None = None
    ) -> None | NoContent[None] | Response:
        return NoContent(None, headers={"X-Deleted": pet_id})
'''


@pytest.mark.slow
def test_mypy_passes_correct_handlers_of_an_example(tmp_path: Path) -> None:
    example = ROOT / "examples" / "petstore-3.0"
    shutil.copytree(example / "petstore", tmp_path / "petstore")
    (tmp_path / "petstore" / "server" / "handlers.py").write_text(EXAMPLE_HANDLERS, "utf-8")
    assert _mypy(tmp_path, "petstore") == []


# --------------------------------------------------------------------------- on the wire


@pytest.fixture(scope="module")
def urls(out: Path) -> dict[str, str]:
    with uvicorn_server("served:checked", out) as checked, uvicorn_server("served:unchecked", out) as unchecked, \
            uvicorn_server("served:mocked", out) as mocked:
        yield {"checked": checked, "unchecked": unchecked, "mocked": mocked}


def test_typed_answers_on_the_wire(urls: dict[str, str]) -> None:
    url = urls["checked"]
    got = httpx.get(f"{url}/pets/1")
    assert (got.status_code, got.json(), got.headers["x-rate-remaining"]) == (200, {"number": 1, "name": "Rex"}, "9")
    got = httpx.get(f"{url}/pets/0")
    assert (got.status_code, got.headers["content-type"]) == (404, "application/problem+json")
    assert got.json() == {"code": 404, "message": "no pet 0"}
    assert httpx.get(f"{url}/pets/500").status_code == 503
    got = httpx.post(f"{url}/pets", json={"number": 7, "name": "Tom"})
    assert (got.status_code, got.headers["location"], got.json()) == (201, "/pets/7", {"number": 7, "name": "Tom"})
    assert httpx.post(f"{url}/pets", json={"number": 1, "name": "Tom"}).status_code == 200
    got = httpx.post(f"{url}/pets", json={"number": 0, "name": "Tom"})
    assert (got.status_code, got.json()["message"]) == (422, "id 0 is reserved")  # default: any status
    assert (httpx.delete(f"{url}/pets/1").status_code, httpx.delete(f"{url}/pets/0").status_code) == (204, 409)
    got = httpx.get(f"{url}/notes")
    assert (got.status_code, got.text, got.headers["content-type"]) == (451, "gone for legal reasons",
                                                                          "text/plain; charset=utf-8")
    got = httpx.get(f"{url}/photo")
    assert (got.status_code, got.content, got.headers["content-type"]) == (200, b"\x89PNG", "image/png")


@pytest.mark.parametrize(("path", "field", "detail"), [
    ("/pets/2", "header X-Rate-Remaining", "required, missing"),
    ("/pets/3", "header X-Rate-Remaining", "required, missing"),
    ("/pets/4", "body.name", "should be non-empty"),
    ("/pets/5", "status", "418 is not declared"),
])
def test_an_answer_that_does_not_fit_is_a_500_problem(urls: dict[str, str], out: Path, path: str, field: str,
                                                      detail: str) -> None:
    got = httpx.get(urls["checked"] + path)
    assert (got.status_code, got.headers["content-type"]) == (500, "application/problem+json")
    problem = got.json()
    assert (problem["operation"], problem["field"]) == ("get_pet", field)
    assert field in problem["detail"] and "get_pet" in problem["detail"]
    assert any(detail in e for e in problem["errors"]), problem
    logged = "".join(p.read_text("utf-8") for p in out.glob("uvicorn-*.log"))
    assert f"the answer of 'get_pet' (GET {path}) does not fit the spec" in logged


def test_the_escape_hatch_is_checked_by_validation_too(urls: dict[str, str]) -> None:
    problem = httpx.get(urls["checked"] + "/pets/3").json()
    assert any(e.startswith("body.number: 'three' is not of type 'integer'") for e in problem["errors"]), problem


def test_validation_is_off_by_default_and_on_in_mock_mode(urls: dict[str, str]) -> None:
    assert httpx.get(urls["unchecked"] + "/pets/2").status_code == 200
    assert httpx.get(urls["unchecked"] + "/pets/5").status_code == 418
    assert httpx.get(urls["mocked"] + "/pets/2").status_code == 500
    assert httpx.get(urls["mocked"] + "/pets/1").status_code == 200
