"""One rule per value kind: parse, validate and show a parameter value.

Every way a value enters the store — `sci import values`, the review form, a
correction, a manual value — and scoring and display go through this module,
so a percent of 150 or a negative count is refused with the same message
everywhere. The catalog names the kind (boolean, number, level, recency) and
the range (``unit: "%"`` means 0–100; ``min``/``max``/``whole`` narrow a
number; ``levels``/``level_names`` a level); :func:`spec_of` turns that into a
:class:`Spec`. Messages are German / English because analysts read them in the
review app and operators in the import log.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sci.catalog import Parameter

# Value kinds, finer than the catalog's scoring kinds: percent and count are
# numbers with a range, date and url are shapes a finding may carry.
KINDS = ("boolean", "number", "percent", "count", "level", "recency", "date", "url", "website")
TRUE_WORDS = frozenset({"ja", "j", "true", "yes", "y", "1", "wahr", "x"})
FALSE_WORDS = frozenset({"nein", "n", "false", "no", "0", "falsch"})
THOUSANDS = re.compile(r"-?\d{1,3}(\.\d{3})+")


@dataclass(frozen=True)
class Spec:
    """What a value of one parameter may be."""

    kind: str
    name: str = ""  # parameter id, for messages
    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False
    unit: str | None = None
    level_names: tuple[str, ...] = ()


def spec_of(param: Parameter) -> Spec:
    """The value spec of a catalog parameter (kind refined by unit and range keys)."""
    lo, hi = param.minimum, param.maximum
    if param.kind in ("boolean", "website"):
        return Spec(param.kind, param.id)
    if param.kind == "level":
        return Spec("level", param.id, 0, float(param.levels or 0), True, None, param.level_names)
    if param.kind == "recency":
        return Spec("recency", param.id, 0 if lo is None else lo, hi, True, "Tage")
    if param.unit == "%":
        return Spec("percent", param.id, 0 if lo is None else lo, 100 if hi is None else hi,
                    param.whole, "%")
    kind = "count" if param.whole else "number"
    # Nothing the index measures is negative, so a number's floor defaults to 0.
    return Spec(kind, param.id, 0 if lo is None else lo, hi, param.whole, param.unit)


def _fail(spec: Spec, german: str, english: str, got: Any) -> ValueError:
    return ValueError(f"{spec.name}: {german} / {english}, got {got!r}")


def parse_number(text: str) -> float:
    """German or plain number text: "1.234,5", "0,75", "0.75", "1 000"; ValueError otherwise."""
    cleaned = text.replace(" ", "").replace("\u00a0", "")
    # A decimal comma makes dots thousands separators; without a comma a dot is the decimal point.
    if "," in cleaned:
        head, _, tail = cleaned.partition(",")
        if "," in tail or (head.count(".") and not all(len(g) == 3 for g in head.lstrip("-").split(".")[1:])):
            raise ValueError(text)
        cleaned = head.replace(".", "") + "." + tail
    return float(cleaned)  # "nan"/"inf" parse here and are refused by validate()


def parse(spec: Spec | Parameter, raw: str) -> Any:
    """Text (a form field, a CSV cell) -> a value of the spec's kind; ValueError naming the parameter."""
    spec = spec if isinstance(spec, Spec) else spec_of(spec)
    text = (raw or "").strip()
    if not text:
        raise ValueError(f"{spec.name}: Wert fehlt / value missing")
    if spec.kind == "boolean":
        word = text.lower()
        if word in TRUE_WORDS or word in FALSE_WORDS:
            return word in TRUE_WORDS
        raise _fail(spec, "ja/nein erwartet", "expected yes or no", text)
    if spec.kind == "date":
        try:
            return _date(text).isoformat()
        except ValueError:
            raise _fail(spec, "Datum TT.MM.JJJJ erwartet", "expected a date", text) from None
    if spec.kind in ("url", "website"):
        return validate(spec, text)
    if spec.whole and THOUSANDS.fullmatch(text):
        text = text.replace(".", "")  # "1.234" datasets: a German thousands dot, not a decimal point
    try:
        number = parse_number(text.removesuffix("%").strip() if spec.kind == "percent" else text)
    except ValueError:
        raise _fail(spec, "keine Zahl", "not a number", text) from None
    return validate(spec, number)


def validate(spec: Spec | Parameter, value: Any) -> Any:
    """Check and normalise a typed value (JSON from a form, a file, a finding); ValueError otherwise."""
    spec = spec if isinstance(spec, Spec) else spec_of(spec)
    if spec.kind == "boolean":
        if isinstance(value, bool):
            return value
        raise _fail(spec, "ja/nein erwartet", "expected a boolean", value)
    if spec.kind == "date":
        try:
            return _date(str(value)).isoformat()
        except ValueError:
            raise _fail(spec, "Datum erwartet", "expected a date", value) from None
    if spec.kind == "url":
        if isinstance(value, str) and value.startswith(("http://", "https://")):
            return value
        raise _fail(spec, "URL erwartet", "expected an http(s) URL", value)
    if spec.kind == "website":
        return _website(spec, value)
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise _fail(spec, "Zahl erwartet", "expected a number", value)
    value = int(value) if float(value).is_integer() else float(value)  # 12.0 is 12, in messages too
    if spec.whole and not float(value).is_integer():
        raise _fail(spec, "ganze Zahl erwartet", "expected a whole number", value)
    lo, hi = spec.minimum, spec.maximum
    if (lo is not None and value < lo) or (hi is not None and value > hi):
        raise _fail(spec, f"Wert {_range_de(spec)} erwartet", f"must be {_range_en(spec)}", value)
    return value


def _website(spec: Spec, value: Any) -> dict[str, str]:
    """A municipality's website as discovery stores it: {"url": …, "host": …} from a URL or that."""
    raw = value.get("url") if isinstance(value, dict) else value
    text = raw.strip() if isinstance(raw, str) else ""
    if "://" not in text and "." in text:
        text = "https://" + text  # "www.ahausen.de" typed into the form
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise _fail(spec, "Web-Adresse erwartet", "expected a website address", value)
    # Discovery keeps the host name it asked for (the URL may be an address it resolved to).
    host = value.get("host") if isinstance(value, dict) and value.get("host") else parts.hostname
    return {"url": urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, "")),
            "host": str(host)}


def _range_de(spec: Spec) -> str:
    what = {"level": "Stufe ", "percent": "Prozent ", "recency": "Tage "}.get(spec.kind, "")
    if spec.maximum is None:
        return f"{what}≥ {_num(spec.minimum)}"
    return f"{what}{_num(spec.minimum)}..{_num(spec.maximum)}"


def _range_en(spec: Spec) -> str:
    if spec.maximum is None:
        return f"≥ {_num(spec.minimum)}"
    return f"{_num(spec.minimum)}..{_num(spec.maximum)}"


def _date(text: str) -> dt.date:
    text = text.strip()[:10]
    if "." in text:
        day, month, year = (int(p) for p in text.split("."))
        return dt.date(year, month, day)
    return dt.date.fromisoformat(text)


def _num(value: float | None, digits: int = 2) -> str:
    """A number the German way: 1.234,5 — integers without decimals."""
    if value is None:
        return ""
    if float(value).is_integer():
        return f"{int(value):,}".replace(",", ".")
    text = f"{value:,.{digits}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def format_value(kind: str | Spec | Parameter, value: Any) -> str:
    """A value as an analyst reads it (German): ja/nein, "12,5 %", level name, dd.mm.yyyy, URL."""
    spec = kind if isinstance(kind, Spec) else spec_of(kind) if isinstance(kind, Parameter) else Spec(kind)
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nein"
    if isinstance(value, dict) and spec.kind == "website":
        return str(value.get("url", ""))
    if isinstance(value, dict):
        # A finding's object means "present, here": show where, then the figures it carries.
        url = value.get("url")
        rest = ", ".join(f"{k}: {format_value('number', v) if _is_number(v) else v}"
                         for k, v in sorted(value.items()) if k != "url")
        head = ("ja" if spec.kind == "boolean" else "") + (f" ({url})" if url and spec.kind == "boolean"
                                                            else url or "")
        return ", ".join(p for p in (head.strip(), rest) if p) or "ja"
    if isinstance(value, list):
        return ", ".join(format_value(spec, v) for v in value)
    if spec.kind == "date" or (isinstance(value, str) and _looks_like_date(value)):
        try:
            return _date(value).strftime("%d.%m.%Y")
        except (ValueError, TypeError):
            return str(value)
    if not _is_number(value):
        return str(value)
    if spec.kind == "percent":
        return f"{_num(value, 1)} %"
    if spec.kind == "level":
        names = spec.level_names
        index = int(value)
        label = f" – {names[index]}" if float(value).is_integer() and 0 <= index < len(names) else ""
        top = f" von {_num(spec.maximum)}" if spec.maximum is not None else ""
        return f"{_num(value)}{top}{label}"
    if spec.kind == "recency":
        return f"{_num(value)} Tage"
    text = _num(value)
    return f"{text} {spec.unit}" if spec.unit and spec.kind in {"number", "count"} else text


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _looks_like_date(text: str) -> bool:
    return len(text) >= 10 and text[4] == "-" and text[7] == "-" and text[:4].isdigit()
