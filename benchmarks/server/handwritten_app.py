"""The hand-written side of `make bench`'s server rows: bench-petstore.yaml written by hand in
FastAPI, as a FastAPI user would (pydantic models, Query/Header parameters, the spec's
constraints), answering what benchmarks/server/generated_app.py's handlers answer.

    uvicorn handwritten_app:app --app-dir benchmarks/server
"""

from __future__ import annotations

from enum import Enum
from typing import Annotated
from uuid import UUID

from fastapi import FastAPI, Header, HTTPException, Path, Query, Response
from pydantic import BaseModel, Field


class Status(str, Enum):
    available = "available"
    pending = "pending"
    sold = "sold"


class NewPet(BaseModel):
    name: Annotated[str, Field(min_length=1, max_length=64)]
    tag: Annotated[str | None, Field(max_length=32)] = None
    status: Status | None = None
    age: Annotated[int | None, Field(ge=0, le=50)] = None
    tags: Annotated[list[str] | None, Field(max_length=10)] = None


class Pet(NewPet):
    id: int


class Error(BaseModel):
    code: int
    message: str


app = FastAPI(title="Bench Petstore", version="1.0.0")


@app.get("/v1/pets", response_model_exclude_unset=True)
async def list_pets(
    x_request_id: Annotated[UUID, Header()],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    status: Status | None = None,
    tag: Annotated[str | None, Query(max_length=32)] = None,
    x_tenant: Annotated[str | None, Header(pattern="^[a-z0-9-]{1,32}$")] = None,
) -> list[Pet]:
    """List pets."""
    extra = {"status": status} if status is not None else {}
    if tag is not None:
        extra["tag"] = tag
    return [Pet(id=i, name=f"pet{i}", **extra) for i in range(1, min(limit, 3) + 1)]


@app.post("/v1/pets", status_code=201, response_model_exclude_unset=True)
async def create_pet(pet: NewPet, x_request_id: Annotated[UUID, Header()]) -> Pet:
    """Add a pet."""
    return Pet(id=1, **pet.model_dump(exclude_unset=True))


@app.get("/v1/pets/{pet_id}", responses={404: {"model": Error}}, response_model_exclude_unset=True)
async def show_pet_by_id(pet_id: Annotated[int, Path(ge=1)]) -> Pet:
    """One pet."""
    if pet_id > 1000:
        raise HTTPException(404, "no such pet")
    return Pet(id=pet_id, name=f"pet{pet_id}")


@app.delete("/v1/pets/{pet_id}", status_code=204)
async def delete_pet(pet_id: Annotated[int, Path(ge=1)]) -> Response:
    """Remove a pet."""
    return Response(status_code=204)
