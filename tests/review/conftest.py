"""Fixtures of the review domain tests: a store seeded with every edition's registry and catalog."""

from __future__ import annotations

import pytest

from sci.db import Store
from sci.settings import Settings
from tests.review import factories


@pytest.fixture
def seeded(store: Store, settings: Settings) -> Store:
    factories.seed(store, settings)
    return store
