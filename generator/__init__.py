"""oagen: OpenAPI (Swagger 2.0, OpenAPI 3.0, 3.1) → a typed Python client and a FastAPI stub server."""

from __future__ import annotations

__version__ = "0.1.0"

from .api import GenerateOptions, GenerateResult, generate, load_api

__all__ = ["GenerateOptions", "GenerateResult", "__version__", "generate", "load_api"]
