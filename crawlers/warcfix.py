"""Trim a WARC file cut off mid-record (``kill -9``) back to its last complete record."""

from __future__ import annotations

from pathlib import Path

from warcio.archiveiterator import ArchiveIterator


def trim(path: Path) -> int:
    """Truncate ``path`` after its last readable record; return the bytes removed (0 if intact)."""
    if not path.exists():
        return 0
    size = path.stat().st_size
    good = 0
    with path.open("rb") as fh:
        it = ArchiveIterator(fh)
        try:
            for record in it:
                record.content_stream().read()
                # ArchiveIterator reports the offset/length of the record just read.
                good = it.get_record_offset() + it.get_record_length()
        except Exception:  # noqa: BLE001 - any parse failure marks the cut
            pass
    if good < size:
        with path.open("r+b") as fh:
            fh.truncate(good)
    return size - good
