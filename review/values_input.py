"""Typed values from analyst input: form text -> value fitted to the parameter's kind.

One parser/validator for the web form, manual entry, CSV import and corrections,
so a value is checked the same way wherever it enters the decision log.
"""

from __future__ import annotations

import math
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sci.catalog import Catalog, Parameter, load_catalog
from sci.models import Edition

TRUE_WORDS = {"ja", "j", "true", "yes", "y", "1", "wahr", "x"}
FALSE_WORDS = {"nein", "n", "false", "no", "0", "falsch"}


def parse_value(parameter: Parameter, raw: str) -> Any:
    """Form input -> typed value; ValueError (German / English) naming the parameter."""
    text = (raw or "").strip()
    if not text:
        raise ValueError(f"{parameter.id}: Wert fehlt / value missing")
    if parameter.kind == "boolean":
        word = text.lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValueError(f"{parameter.id}: ja/nein erwartet / expected yes or no, got {text!r}")
    number = _number(parameter, text)
    return validate_value(parameter, number)


def _number(parameter: Parameter, text: str) -> float | int:
    # German input uses a decimal comma and may group thousands with a dot ("1.234,5").
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise ValueError(f"{parameter.id}: keine Zahl / not a number: {text!r}") from None
    return int(number) if number.is_integer() and parameter.kind != "number" else number


def validate_value(parameter: Parameter, value: Any) -> Any:
    """Check (and normalise) a typed value against the parameter's kind; ValueError otherwise."""
    kind = parameter.kind
    if kind == "boolean":
        if not isinstance(value, bool):
            raise ValueError(f"{parameter.id}: ja/nein erwartet / expected a boolean, got {value!r}")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"{parameter.id}: Zahl erwartet / expected a number, got {value!r}")
    if kind == "number":
        if value < 0:
            raise ValueError(f"{parameter.id}: Wert darf nicht negativ sein / must be ≥ 0, got {value}")
        return int(value) if float(value).is_integer() else float(value)
    if not float(value).is_integer():
        raise ValueError(f"{parameter.id}: ganze Zahl erwartet / expected a whole number, got {value}")
    value = int(value)
    if kind == "level":
        top = parameter.levels or 0
        if not 0 <= value <= top:
            raise ValueError(f"{parameter.id}: Stufe 0..{top} erwartet / level must be 0..{top}, got {value}")
        return value
    if kind == "recency":
        if value < 0:
            raise ValueError(f"{parameter.id}: Tage ≥ 0 erwartet / days must be ≥ 0, got {value}")
        return value
    raise ValueError(f"{parameter.id}: unbekannte Art / unknown kind {kind!r}")


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
