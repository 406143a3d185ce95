"""The catalog an edition was initialised with, for checking analyst input.

Parsing and validating a value by its kind is :mod:`sci.kinds` (one rule for
the web form, manual entry, corrections, imports and scoring); this module
finds the parameter that rule needs from what the store says about the edition.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session

from sci.catalog import Catalog, Parameter, load_catalog
from sci.models import Edition


@lru_cache(maxsize=8)
def _catalog_at(path: str, mtime: float) -> Catalog:
    return load_catalog(Path(path))


def edition_catalog(session: Session, edition: int) -> Catalog:
    """The catalog an edition was initialised with (as recorded by `sci init`)."""
    row = session.get(Edition, edition)
    if row is None:
        raise LookupError(f"edition {edition} is not initialised (run `sci init`)")
    path = Path(row.catalog_file)
    # mtime in the cache key: an edited catalog file is re-read, an unchanged one is not.
    return _catalog_at(str(path), path.stat().st_mtime)


def edition_parameter(session: Session, edition: int, parameter: str) -> Parameter:
    """The catalog parameter (scored or tracked) of an edition; KeyError if unknown."""
    try:
        return edition_catalog(session, edition).parameter(parameter)
    except KeyError:
        raise KeyError(f"unknown parameter {parameter!r} in the {edition} catalog") from None
