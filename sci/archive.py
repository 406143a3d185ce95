"""WARC archive of evidence: write request/response records, read them back by offset.

Every stage that fetches something (city crawl, app stores, feeds, APIs)
archives it here so the evidence can be replayed with standard web-archive
tools years later. Paths stored in the database are relative to var_dir.
"""

from __future__ import annotations

import hashlib
import io
import threading
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from sci.settings import Settings


@dataclass(frozen=True)
class ArchivedRecord:
    warc_file: str  # relative to var_dir
    offset: int
    length: int
    content_hash: str  # sha256 of the (decoded) body


class WarcArchive:
    """Append-only gzip WARC file; thread-safe. One instance per crawl and city (or source)."""

    def __init__(self, settings: Settings, relative_path: str) -> None:
        self.var_dir = settings.var_dir
        self.relative_path = relative_path
        path = self.var_dir / relative_path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Append mode: a resumed crawl continues the same file; each record is its own
        # gzip member, so a record cut off by kill -9 only loses itself.
        self._fh = open(path, "ab")  # noqa: SIM115 - closed in close()
        self._writer = WARCWriter(self._fh, gzip=True)
        self._lock = threading.Lock()

    def write_exchange(
        self,
        url: str,
        status: int,
        reason: str,
        response_headers: list[tuple[str, str]],
        body: bytes,
        request_headers: list[tuple[str, str]] | None = None,
        method: str = "GET",
        extra_warc_headers: dict[str, str] | None = None,
    ) -> ArchivedRecord:
        """Write a response record (and its request record); return where the response is."""
        # Bodies are stored decoded, so drop transfer/content encodings that no longer apply.
        headers = [(k, v) for k, v in response_headers
                   if k.lower() not in {"content-encoding", "transfer-encoding", "content-length"}]
        headers.append(("Content-Length", str(len(body))))
        http = StatusAndHeaders(f"{status} {reason or 'OK'}", headers, protocol="HTTP/1.1")
        warc_headers = dict(extra_warc_headers or {})
        resp = self._writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                               length=len(body), http_headers=http,
                                               warc_headers_dict=warc_headers)
        path = url.split("/", 3)[3] if url.count("/") >= 3 else ""
        req_http = StatusAndHeaders(f"{method} /{path} HTTP/1.1", request_headers or [],
                                    is_http_request=True)
        req = self._writer.create_warc_record(url, "request", http_headers=req_http)
        return self._write_pair(resp, req, body)

    def write_resource(self, url: str, content_type: str, body: bytes,
                       extra_warc_headers: dict[str, str] | None = None) -> ArchivedRecord:
        """A resource record: a rendered DOM, a screenshot, an API answer fetched by a browser."""
        rec = self._writer.create_warc_record(url, "resource", payload=io.BytesIO(body),
                                              length=len(body), warc_content_type=content_type,
                                              warc_headers_dict=dict(extra_warc_headers or {}))
        return self._write_pair(rec, None, body)

    def _write_pair(self, main, extra, body: bytes) -> ArchivedRecord:  # type: ignore[no-untyped-def]
        with self._lock:
            offset = self._fh.tell()
            self._writer.write_record(main)
            length = self._fh.tell() - offset
            if extra is not None:
                main_id = main.rec_headers.get_header("WARC-Record-ID")
                extra.rec_headers.add_header("WARC-Concurrent-To", main_id)
                self._writer.write_record(extra)
            self._fh.flush()
        return ArchivedRecord(self.relative_path, offset, length,
                              hashlib.sha256(body).hexdigest())

    def close(self) -> None:
        with self._lock:
            self._fh.close()


@dataclass(frozen=True)
class Replayed:
    url: str
    record_type: str
    status: int | None
    headers: list[tuple[str, str]]
    body: bytes
    content_type: str | None


def read_record(var_dir: Path, warc_file: str, offset: int) -> Replayed:
    """Read one record back from its WARC file (the evidence as it was fetched)."""
    with open(var_dir / warc_file, "rb") as fh:
        fh.seek(offset)
        record = next(iter(ArchiveIterator(fh)))
        body = record.content_stream().read()
        url = record.rec_headers.get_header("WARC-Target-URI")
        if record.http_headers is not None and record.rec_type == "response":
            status = int(record.http_headers.get_statuscode())
            headers = list(record.http_headers.headers)
            ctype = record.http_headers.get_header("Content-Type")
        else:
            status, headers = None, []
            ctype = record.rec_headers.get_header("Content-Type")
        return Replayed(url, record.rec_type, status, headers, body, ctype)
