"""The generated side of `make bench`'s server rows: the server oagen generates for
bench-petstore.yaml (package ``bench_petstore``, on PYTHONPATH), with handlers answering what
benchmarks/server/handwritten_app.py answers.

    PYTHONPATH=OUT uvicorn generated_app:app --app-dir benchmarks/server
"""

from __future__ import annotations

import uuid
from typing import Any

from bench_petstore import models as m
from bench_petstore.server.app import create_app
from bench_petstore.server.base import BaseHandlers
from fastapi.responses import JSONResponse


class Handlers(BaseHandlers):
    async def list_pets(
        self,
        *,
        x_request_id: uuid.UUID,
        limit: int | None = 20,
        status: m.Status | None = None,
        tag: str | None = None,
        x_tenant: str | None = None,
    ) -> Any:
        extra: dict[str, Any] = {"status": status} if status is not None else {}
        if tag is not None:
            extra["tag"] = tag
        return [m.Pet(id=i, name=f"pet{i}", **extra) for i in range(1, min(limit or 20, 3) + 1)]

    async def create_pet(self, *, x_request_id: uuid.UUID, body: m.NewPet) -> Any:
        return m.Pet(id=1, **body.model_dump(exclude_unset=True))

    async def show_pet_by_id(self, *, pet_id: int) -> Any:
        if pet_id > 1000:
            return JSONResponse({"code": 404, "message": "no such pet"}, status_code=404)
        return m.Pet(id=pet_id, name=f"pet{pet_id}")

    async def delete_pet(self, *, pet_id: int) -> Any:
        return None


app = create_app(Handlers())
