"""Print the report's HTML to PDF with the Chromium the project already drives (Playwright).

The HTML is self-contained, so the browser loads nothing from the network:
every request other than the document itself is refused.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from crawlers.scrapy_settings import CHROMIUM_ARGS  # the one list of launch flags
from sci.errors import DataError, Problem

FOOTER = ('<div style="font-size:8px;width:100%;text-align:center">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')


def _refuse(route: Any) -> None:
    route.abort()


def print_pdf(html_path: Path, pdf_path: Path, chromium: str) -> Path:
    """``html_path`` -> ``pdf_path`` (A4, backgrounds, print stylesheet); atomic."""
    from playwright.sync_api import Error, sync_playwright

    if not Path(chromium).exists():
        raise DataError([Problem(chromium, None, "Chromium not found (SCI_CHROMIUM_PATH), needed for PDF")])
    tmp = pdf_path.with_name(pdf_path.name + ".tmp")
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
            try:
                page = browser.new_page()
                page.route("http*://**/*", _refuse)
                page.goto(html_path.resolve().as_uri(), wait_until="load")
                page.emulate_media(media="print")
                page.pdf(path=str(tmp), format="A4", print_background=True,
                         margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
                         display_header_footer=True, header_template="<span></span>",
                         footer_template=FOOTER)
            finally:
                browser.close()
    except Error as exc:
        tmp.unlink(missing_ok=True)
        raise DataError([Problem(str(pdf_path), None, f"printing the PDF failed: {exc}")]) from None
    os.replace(tmp, pdf_path)
    return pdf_path
