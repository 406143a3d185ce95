"""The page model: one captured page parsed once and shared by every detector.

The page is parsed once with lxml; all derived views (visible text blocks,
links with their text and context, scripts, iframes, forms, meta) come from a
single walk (:mod:`extractors.dom`), computed on first use and cached, so a
dozen detectors cost one parse and one walk. ``soup`` (BeautifulSoup, lxml
parser) is built only when a detector asks for it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup
from lxml import etree

from extractors.dom import disclosed_ids, link_text, parse, text_of, walk

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


@lru_cache(maxsize=65536)
def _absolute(base: str, href: str) -> str:
    """``urljoin`` + fragment removal, memoised: a site's menu links repeat on every page."""
    return urldefrag(urljoin(base, href.strip()))[0]


@dataclass(frozen=True)
class Link:
    url: str  # absolute, fragment removed
    text: str  # visible text incl. img alt / aria-label / title
    locator: str  # CSS path
    rel: str
    context: str  # text of the enclosing block, <= 300 chars


@dataclass(frozen=True)
class TextBlock:
    text: str  # whitespace-normalised visible text of the block (not of nested blocks)
    locator: str


@dataclass(frozen=True)
class Form:
    action: str  # absolute URL (the page itself when the form has no action)
    method: str  # lower case
    fields: tuple[str, ...]  # names of input/select/textarea elements
    locator: str
    text: str  # visible text inside the form (labels, buttons), <= 500 chars


@dataclass
class _Views:
    links: list[Link]
    script_srcs: list[str]
    inline_scripts: list[str]
    iframes: list[Link]
    blocks: list[TextBlock]
    forms: list[Form]
    meta: dict[str, str]


# A byte-order mark decides before any declaration (the HTML standard's encoding sniffing).
_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
# Labels browsers read as windows-1252 (the WHATWG Encoding standard): a page declaring ISO-8859-1 written on
# Windows carries „…“, – and € in 0x80-0x9F, which Latin-1 would turn into control characters.
_AS_CP1252 = {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819",
              "us-ascii", "ascii"}


def _codec(label: str) -> str:
    label = label.strip().lower()
    return "cp1252" if label in _AS_CP1252 else label


def decode_html(body: str | bytes, headers: Mapping[str, str]) -> str:
    """Bytes to text: a byte-order mark, then the charset from Content-Type, then <meta charset>, then UTF-8,
    then cp1252."""
    if isinstance(body, str):
        return body
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return body.decode(codec, errors="replace")
    candidates: list[str] = []
    m = re.search(r"charset=([\w-]+)", headers.get("content-type", ""), re.I)
    if m:
        candidates.append(_codec(m.group(1)))
    m2 = _META_CHARSET.search(body[:4096])
    if m2:
        candidates.append(_codec(m2.group(1).decode("ascii", "replace")))
    for enc in [*candidates, "utf-8"]:
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    # Old municipal pages without a declaration are nearly always Windows-1252.
    return body.decode("cp1252", errors="replace")


class Page:
    """A captured page. Construct with :meth:`from_html`; views are computed lazily, once."""

    def __init__(self, *, url: str, final_url: str, headers: dict[str, str], capture_id: int | None,
                 html: str, rendered_html: str | None) -> None:
        self.url = url
        self.final_url = final_url
        self.host = (urlsplit(final_url).hostname or "").lower()
        self.headers = headers
        self.capture_id = capture_id
        self.html = html
        self.rendered_html = rendered_html
        # The rendered DOM shows late widgets (chatbots, booking iframes); prefer it.
        self.dom_html = rendered_html if rendered_html is not None else html
        self.tree: etree._Element = parse(self.dom_html)

    @classmethod
    def from_html(cls, url: str, html: str | bytes, *, headers: Mapping[str, str] | None = None,
                  final_url: str | None = None, capture_id: int | None = None,
                  rendered_html: str | None = None) -> Page:
        hdrs = {k.lower(): v for k, v in (headers or {}).items()}
        return cls(url=url, final_url=final_url or url, headers=hdrs, capture_id=capture_id,
                   html=decode_html(html, hdrs), rendered_html=rendered_html)

    @cached_property
    def soup(self) -> BeautifulSoup:
        """BeautifulSoup of the rendered DOM when there is one, else of the static HTML (built lazily)."""
        return BeautifulSoup(self.dom_html, "lxml")

    @cached_property
    def static_soup(self) -> BeautifulSoup:
        return self.soup if self.rendered_html is None else BeautifulSoup(self.html, "lxml")

    @cached_property
    def base_url(self) -> str:
        base = self.tree.find(".//base[@href]")
        href = base.get("href") if base is not None else None
        return urljoin(self.final_url, href) if href else self.final_url

    def absolute(self, href: str) -> str:
        """Absolute URL of an href on this page, fragment removed."""
        return _absolute(self.base_url, href)

    @cached_property
    def title(self) -> str:
        t = self.tree.find(".//title")
        return text_of(t) if t is not None else ""

    @cached_property
    def lang(self) -> str | None:
        return self.tree.get("lang") or None

    @cached_property
    def heading(self) -> str:
        """The page's subject line: its first visible h1, else the title."""
        for b in self.blocks:
            if b.locator.rsplit(" > ", 1)[-1].split(":")[0].split("#")[0] == "h1":
                return b.text
        return self.title

    @property
    def links(self) -> list[Link]:
        return self._views.links

    @property
    def script_srcs(self) -> list[str]:
        return self._views.script_srcs

    @property
    def inline_scripts(self) -> list[str]:
        return self._views.inline_scripts

    @property
    def iframes(self) -> list[Link]:
        return self._views.iframes

    @property
    def blocks(self) -> list[TextBlock]:
        return self._views.blocks

    @property
    def forms(self) -> list[Form]:
        return self._views.forms

    @property
    def meta(self) -> dict[str, str]:
        return self._views.meta

    @cached_property
    def text(self) -> str:
        return "\n".join(b.text for b in self.blocks)

    @cached_property
    def _views(self) -> _Views:
        w = walk(self.tree, self.absolute, disclosed_ids(self.tree, self.dom_html))
        links = []
        for a, path, ctx in w.links:
            href = (a.get("href") or "").strip()
            if not href or href.startswith("#") or href.lower().startswith("javascript:"):
                continue
            text = link_text(a)
            links.append(Link(self.absolute(href), text, path, " ".join((a.get("rel") or "").split()),
                              (ctx or text)[:300]))
        iframes = []
        for f, path, ctx in w.iframes:
            src = (f.get("src") or f.get("data-src") or "").strip()
            if src:
                iframes.append(Link(self.absolute(src), f.get("title") or "", path, "", ctx[:300]))
        forms = []
        for f, path in w.forms:
            fields = f.iter("input", "select", "textarea")
            names = tuple(str(el.get("name")) for el in fields if el.get("name"))
            action = f.get("action")
            forms.append(Form(self.absolute(action) if action else self.final_url,
                              (f.get("method") or "get").lower(), names, path, text_of(f)[:500]))
        blocks = [TextBlock(t, loc) for t, loc in w.blocks]
        return _Views(links, w.script_srcs, w.inline_scripts, iframes, blocks, forms, w.meta)


