"""What every import shares: reading the file strictly, and its provenance rows.

An import is a crawl with source "import" plus an :class:`ImportBatch` (file,
sha256, row count); its candidates cite ``import:<batch>/<file name>#L<line>``
(:func:`cite`) with the row as snippet — the same citation on every machine,
never a machine-local path. Callers validate everything first and write in one
transaction.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy.orm import Session

from sci.errors import DataError, Problem
from sci.models import Crawl, ImportBatch


@dataclass(frozen=True)
class SourceFile:
    path: Path
    text: str
    sha256: str



def cite(source: SourceFile, line: int) -> str:
    """Where an imported value came from: file name, content hash and row (``import:x.csv@1a2b…#L12``).

    No batch id in it: the same file imported again cites the same rows, so its candidates keep their
    fingerprints (carry-over); the batch is in each evidence's detail.
    """
    return f"import:{quote(source.path.name)}@{source.sha256[:12]}#L{line}"


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
                  scope={"kind": kind, "file": source.path.name, "sha256": source.sha256},
                  stats=stats)
    # The file's name and hash identify it on any machine; its local path would not.
    batch = ImportBatch(kind=kind, file=source.path.name, sha256=source.sha256, rows=rows,
                        stats=stats)
    session.add_all([crawl, batch])
    session.flush()
    return crawl, batch
