"""Shared fixtures."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import SPECS


@pytest.fixture(scope="session")
def seed_spec() -> Path:
    return SPECS / "aws-cognito-openid-token.yaml"


@pytest.fixture(scope="session")
def merged_spec() -> Path:
    return SPECS / "aws-cognito-merged.yaml"
