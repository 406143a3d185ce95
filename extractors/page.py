"""The page model: one captured page parsed once and shared by every detector.

BeautifulSoup (lxml parser) is the parsing API. All derived views (visible
text blocks, links with their text and context, scripts, iframes, forms, meta)
come from a single iterative walk over the tree, computed on first use and
cached, so twelve detectors cost one parse and one walk.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urldefrag, urljoin, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

# Elements that start a new text block; text directly inside belongs to the block.
BLOCK_TAGS = frozenset(
    "p li td th h1 h2 h3 h4 h5 h6 dt dd blockquote figcaption caption label button legend summary "
    "address pre div section article header footer nav main aside form body table tr ul ol dl "
    "fieldset details option center".split()
)
# Never visible text; scripts and iframes are still recorded before being skipped.
SKIP_TAGS = frozenset("script style noscript template svg iframe object head title".split())
# Inline elements whose edges are word boundaries ("<a>A</a><a>B</a>" is "A B", not "AB").
SPACED_TAGS = frozenset("a br img input select td th".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)
_WS = re.compile(r"\s+")
_CSS_ID = re.compile(r"[A-Za-z][\w-]*")


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


def decode_html(body: str | bytes, headers: Mapping[str, str]) -> str:
    """Bytes to text: charset from Content-Type, then <meta charset>, then UTF-8, then cp1252."""
    if isinstance(body, str):
        return body
    candidates: list[str] = []
    m = re.search(r"charset=([\w-]+)", headers.get("content-type", ""), re.I)
    if m:
        candidates.append(m.group(1))
    m2 = _META_CHARSET.search(body[:4096])
    if m2:
        candidates.append(m2.group(1).decode("ascii", "replace"))
    for enc in [*candidates, "utf-8"]:
        try:
            return body.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    # Old municipal pages without a declaration are nearly always Windows-1252.
    return body.decode("cp1252", errors="replace")


def _norm(text: str) -> str:
    return _WS.sub(" ", text).strip()


def _hidden(tag: Tag) -> bool:
    attrs = tag.attrs
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    style = attrs.get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _segment(tag: Tag, n: int, total: int) -> str:
    ident = tag.get("id")
    if isinstance(ident, str) and ident and _CSS_ID.fullmatch(ident):
        return f"{tag.name}#{ident}"
    return f"{tag.name}:nth-of-type({n})" if total > 1 else tag.name


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
        self.soup = BeautifulSoup(rendered_html if rendered_html is not None else html, "lxml")

    @classmethod
    def from_html(cls, url: str, html: str | bytes, *, headers: Mapping[str, str] | None = None,
                  final_url: str | None = None, capture_id: int | None = None,
                  rendered_html: str | None = None) -> Page:
        hdrs = {k.lower(): v for k, v in (headers or {}).items()}
        return cls(url=url, final_url=final_url or url, headers=hdrs, capture_id=capture_id,
                   html=decode_html(html, hdrs), rendered_html=rendered_html)

    @cached_property
    def static_soup(self) -> BeautifulSoup:
        return self.soup if self.rendered_html is None else BeautifulSoup(self.html, "lxml")

    @cached_property
    def base_url(self) -> str:
        base = self.soup.find("base", href=True)
        href = base.get("href") if isinstance(base, Tag) else None
        return urljoin(self.final_url, href) if isinstance(href, str) else self.final_url

    def absolute(self, href: str) -> str:
        """Absolute URL of an href on this page, fragment removed."""
        return urldefrag(urljoin(self.base_url, href.strip()))[0]

    @cached_property
    def title(self) -> str:
        t = self.soup.title
        return _norm(t.get_text()) if t else ""

    @cached_property
    def lang(self) -> str | None:
        html = self.soup.find("html")
        lang = html.get("lang") if isinstance(html, Tag) else None
        return lang if isinstance(lang, str) and lang else None

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
        return _walk(self)


def _link_text(a: Tag) -> str:
    parts: list[str] = []
    for node in a.descendants:  # document order: "<img alt=Kalender> Hier" reads "Kalender Hier"
        if type(node) is NavigableString:
            parts.append(str(node))
        elif isinstance(node, Tag) and node.name == "img" and isinstance(node.get("alt"), str):
            parts.append(str(node["alt"]))
    for attr in ("aria-label", "title"):
        val = a.get(attr)
        if isinstance(val, str):
            parts.append(val)
    return _norm(" ".join(parts))


def _walk(page: Page) -> _Views:
    """One pass over the DOM in document order collecting every view (iterative: no recursion limit)."""
    block_parts: list[list[str]] = []
    block_locs: list[str] = []
    raw_links: list[tuple[Tag, str, int]] = []
    raw_iframes: list[tuple[Tag, str, int]] = []
    raw_forms: list[tuple[Tag, str]] = []
    script_srcs: list[str] = []
    inline_scripts: list[str] = []
    meta: dict[str, str] = {}

    root = page.soup
    # Stack items: (node, css path, block index, hidden) or a str separator for a block index.
    stack: list[tuple[Tag | NavigableString, str, int, bool] | tuple[str, int]] = []
    block_parts.append([])
    block_locs.append("html")

    def push_children(node: Tag, path: str, block: int, hidden: bool) -> None:
        tags = [c for c in node.contents if isinstance(c, Tag)]
        totals = Counter(t.name for t in tags)
        seen: Counter[str] = Counter()
        items: list[tuple[Tag | NavigableString, str, int, bool]] = []
        for child in node.contents:
            if isinstance(child, Tag):
                seen[child.name] += 1
                seg = _segment(child, seen[child.name], totals[child.name])
                items.append((child, seg if "#" in seg else f"{path} > {seg}", block, hidden))
            elif type(child) is NavigableString and not hidden:
                items.append((child, path, block, hidden))
        stack.extend(reversed(items))

    push_children(root, "", 0, False)
    while stack:
        item = stack.pop()
        if isinstance(item[0], str) and len(item) == 2:
            block_parts[item[1]].append(" ")  # type: ignore[index]
            continue
        node, path, block, hidden = item  # type: ignore[misc]
        path = path.removeprefix(" > ")
        if isinstance(node, NavigableString):
            block_parts[block].append(str(node))
            continue
        name = node.name
        if name == "script":
            src = node.get("src")
            if isinstance(src, str) and src.strip():
                script_srcs.append(page.absolute(src))
            elif node.string:
                inline_scripts.append(str(node.string))
            continue
        if name == "meta":
            key = node.get("name") or node.get("property") or node.get("http-equiv")
            content = node.get("content")
            if isinstance(key, str) and isinstance(content, str):
                meta[key.lower()] = content
            continue
        if name == "iframe":
            raw_iframes.append((node, path, block))
            continue
        if name == "a" and node.get("href") is not None:
            raw_links.append((node, path, block))
        elif name == "form":
            raw_forms.append((node, path))
        hidden = hidden or name in SKIP_TAGS or _hidden(node)
        if name in BLOCK_TAGS and not hidden:
            block_parts[block].append(" ")
            block = len(block_parts)
            block_parts.append([])
            block_locs.append(path)
        elif name in SPACED_TAGS and not hidden:
            block_parts[block].append(" ")
            stack.append(("sep", block))
        if name == "img" and not hidden and isinstance(node.get("alt"), str):
            block_parts[block].append(f" {node['alt']} ")
        push_children(node, path, block, hidden)

    texts = [_norm("".join(parts)) for parts in block_parts]
    blocks = [TextBlock(t, loc) for t, loc in zip(texts, block_locs, strict=True) if t]

    def context(block: int, fallback: str) -> str:
        return (texts[block] or fallback)[:300]

    links = []
    for a, path, block in raw_links:
        href = str(a["href"]).strip()
        if not href or href.startswith("#") or href.lower().startswith("javascript:"):
            continue
        text = _link_text(a)
        rel = a.get("rel")
        links.append(Link(page.absolute(href), text, path, " ".join(rel) if isinstance(rel, list) else
                          str(rel or ""), context(block, text)))
    iframes = []
    for f, path, block in raw_iframes:
        src = f.get("src") or f.get("data-src")
        if isinstance(src, str) and src.strip():
            title = f.get("title")
            iframes.append(Link(page.absolute(src), title if isinstance(title, str) else "", path, "",
                                context(block, "")))
    forms = []
    for f, path in raw_forms:
        action = f.get("action")
        method = f.get("method")
        names = tuple(str(el["name"]) for el in f.find_all(["input", "select", "textarea"]) if el.get("name"))
        forms.append(Form(page.absolute(action) if isinstance(action, str) and action else page.final_url,
                          method.lower() if isinstance(method, str) else "get", names, path,
                          _norm(f.get_text(" "))[:500]))
    return _Views(links, script_srcs, inline_scripts, iframes, blocks, forms, meta)
