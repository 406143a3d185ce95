"""The nightly digest as files (Markdown + JSON in ``SCI_VAR_DIR/digests/``), mail and webhook.

Files are written atomically and named by the night's start time, so the
review app lists them in order. Mail (``SCI_SMTP_URL``) and webhook
(``SCI_DIGEST_WEBHOOK``) are sent only when set; a failure to deliver is
reported, never hides the digest on disk.
"""

from __future__ import annotations

import json
import os
import smtplib
from email.message import EmailMessage
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import httpx

from review.web.display import show_value
from sci.settings import Settings

CHANGE_DE = {"appeared": "neu", "changed": "geändert", "disappeared": "verschwunden"}


def _side(ev: dict[str, Any] | None) -> str:
    if ev is None:
        return "—"
    return f"{show_value(ev['value'])} ({ev['url'] or 'ohne URL'}: „{(ev['snippet'] or '').strip()[:160]}“)"


def markdown(doc: dict[str, Any]) -> str:
    n = doc["counts"]
    lines = [f"# Nachtlauf {doc['since'][:16].replace('T', ' ')} (Ausgabe {doc['edition']})", ""]
    if doc["failed_step"]:
        lines += [f"**Abgebrochen bei Schritt „{doc['failed_step']}“.**", ""]
    lines.append(
        f"{n['appeared']} neue, {n['changed']} geänderte, {n['disappeared']} verschwundene Kandidaten; "
        f"{n['vanished_pages']} verschwundene Seiten; {n['errors']} Fehler; "
        f"{doc['queue']} Kandidaten warten in der Prüfliste."
    )
    for ags, city in doc["cities"].items():
        lines += ["", f"## {city['name']} ({ags or 'ohne Stadt'})"]
        for c in city["changes"]:
            lines.append(
                f"- {c['parameter']} {CHANGE_DE[c['change']]} [{c['extractor']}]: "
                f"vorher {_side(c['before'])} → jetzt {_side(c['after'])}"
            )
        for p in city["vanished"]:
            lines.append(f"- Seite verschwunden: {p['url']} (jetzt {p['status'] or 'nicht erreicht'})")
        for e in city["errors"]:
            lines.append(f"- Fehler: {e['error']} {e['url'] or ''}".rstrip())
    return "\n".join(lines) + "\n"


def write_files(doc: dict[str, Any], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    stem = doc["since"][:19].replace(":", "-")
    paths = []
    for suffix, text in ((".json", json.dumps(doc, ensure_ascii=False, indent=1)), (".md", markdown(doc))):
        path = folder / f"{stem}{suffix}"
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
        paths.append(path)
    return paths


def send_mail(doc: dict[str, Any], settings: Settings) -> None:
    """Plain-text mail of the Markdown digest to ``SCI_DIGEST_MAIL_TO`` via ``SCI_SMTP_URL``."""
    url = urlsplit(settings.smtp_url)
    if url.scheme not in ("smtp", "smtps") or not url.hostname:
        raise ValueError(
            f"SCI_SMTP_URL must be smtp://[user:password@]host[:port], got {settings.smtp_url!r}"
        )
    if not settings.digest_mail_to:
        raise ValueError("SCI_DIGEST_MAIL_TO is empty: no one to send the digest to")
    msg = EmailMessage()
    n = doc["counts"]
    msg["Subject"] = (
        f"Smart City Index: Nachtlauf {doc['since'][:10]} – {n['appeared']} neu, {n['changed']} "
        f"geändert, {n['disappeared']} verschwunden"
    )
    msg["From"] = settings.digest_mail_from
    msg["To"] = settings.digest_mail_to
    msg.set_content(markdown(doc))
    cls = smtplib.SMTP_SSL if url.scheme == "smtps" else smtplib.SMTP
    with cls(url.hostname, url.port or (465 if url.scheme == "smtps" else 25), timeout=30) as smtp:
        if url.username:
            smtp.login(unquote(url.username), unquote(url.password or ""))
        smtp.send_message(msg)


def post_webhook(doc: dict[str, Any], settings: Settings) -> None:
    r = httpx.post(settings.digest_webhook, json=doc, timeout=30)
    r.raise_for_status()


def deliver(doc: dict[str, Any], settings: Settings) -> tuple[list[Path], list[str]]:
    """Files always; mail and webhook when configured. Returns (files, delivery problems)."""
    files = write_files(doc, settings.var_dir / "digests")
    problems = []
    if settings.smtp_url:
        try:
            send_mail(doc, settings)
        except (OSError, ValueError, smtplib.SMTPException) as exc:
            problems.append(f"mail: {exc}")
    if settings.digest_webhook:
        try:
            post_webhook(doc, settings)
        except httpx.HTTPError as exc:
            problems.append(f"webhook: {exc}")
    return files, problems
