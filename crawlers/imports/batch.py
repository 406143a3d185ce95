"""What every import shares: reading the file strictly, and its provenance rows.

An import is a crawl with source "import" plus an :class:`ImportBatch` (file,
sha256, row count); its candidates cite ``file:///…#L<line>`` with the row as
snippet. Callers validate everything first and write in one transaction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from sci.errors import DataError, Problem
from sci.models import Crawl, ImportBatch


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str
    sha256: str

    def line_url(self, line: int) -> str:
        return f"{self.path.resolve().as_uri()}#L{line}"


def read_text(path: Path, encoding: str = "utf-8") -> SourceFile:
    """The file's text; a decoding error names the line and byte instead of a traceback."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DataError([Problem(str(path), None, f"cannot read: {exc.strerror or exc}")]) from None
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        msg = (f"not valid {encoding} (byte 0x{raw[exc.start]:02x} at offset {exc.start}); "
               "re-save the file as UTF-8 or pass --encoding")
        raise DataError([Problem(str(path), line, msg)]) from None
    except LookupError:
        raise DataError([Problem(str(path), None, f"unknown encoding {encoding!r}")]) from None
    return SourceFile(path, text.removeprefix("\ufeff"), hashlib.sha256(raw).hexdigest())


def open_batch(session: Session, edition: int, kind: str, source: SourceFile, rows: int,
               stats: dict[str, Any]) -> tuple[Crawl, ImportBatch]:
    """Crawl + ImportBatch rows of a finished import (inside the caller's transaction)."""
    now = datetime.now(UTC)
    crawl = Crawl(edition_year=edition, source="import", status="finished", finished_at=now,
                  scope={"kind": kind, "file": str(source.path.resolve()), "sha256": source.sha256},
                  stats=stats)
    batch = ImportBatch(kind=kind, file=str(source.path.resolve()), sha256=source.sha256, rows=rows,
                        stats=stats)
    session.add_all([crawl, batch])
    session.flush()
    return crawl, batch
