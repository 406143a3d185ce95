"""The single walk over a page's DOM that builds every view of :class:`extractors.page.Page`.

It runs on lxml's tree (C iteration, about five times faster than walking
BeautifulSoup's), in document order, iteratively (no recursion limit on
badly nested legacy pages). Text is attributed to the nearest enclosing block
element, hidden subtrees contribute no text (collapsed accordion and tab panels
are not hidden), and each element's CSS path is built on the way down.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

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
_BUTTONS = frozenset(("submit", "button"))
_NOT_PANELS = frozenset("nav dialog menu".split())
_NOT_PANEL_ROLES = frozenset("dialog alertdialog navigation menu menubar".split())
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CSS_ID = re.compile(r"[A-Za-z][\w-]*")
# huge_tree: libxml2 otherwise drops content nested deeper than 256 levels (broken legacy markup).
# Plain etree parser, not lxml.html's: its per-element class lookup cost more than the walk's logic.
_PARSER = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)


def norm(text: str) -> str:
    return " ".join(text.split())


def text_of(el: etree._Element) -> str:
    """All text inside an element (scripts included), whitespace-normalised."""
    return norm("".join(el.itertext()))


def parse(html: str) -> etree._Element:
    """lxml tree of a decoded page (an empty page becomes an empty document)."""
    root = etree.fromstring(html.encode("utf-8", "replace"), _PARSER) if html.strip() else None
    if root is None:  # an empty or unparseable document
        root = etree.fromstring(b"<html><body></body></html>", _PARSER)
    return root


def _hidden(el: etree._Element, disclosed: frozenset[str] = frozenset()) -> bool:
    # one read of the attribute names (most elements have none, or none of these) instead of three
    # attribute reads per element
    keys = el.keys()
    if not keys:
        return False
    hidden = ("hidden" in keys and el.get("hidden") != "until-found") or (
        "aria-hidden" in keys and el.get("aria-hidden") == "true")
    if not hidden:
        style = el.get("style") if "style" in keys else None
        hidden = bool(style and _HIDDEN_STYLE.search(style))
    # A collapsed disclosure panel (accordion, tab) is content a reader opens with one click, not hidden
    # text: service pages keep "Online-Dienste" or "Terminvereinbarung" in them, and a rendered DOM has
    # them display:none until clicked.
    return hidden and not (disclosed and "id" in keys and el.get("id") in disclosed and _panel(el))


def _panel(el: etree._Element) -> bool:
    """Not a dialog, a modal or a navigation menu (those a toggle opens too, but they are no content)."""
    role = (el.get("role") or "").lower()
    return el.tag not in _NOT_PANELS and role not in _NOT_PANEL_ROLES and el.get("aria-modal") != "true"


def disclosed_ids(root: etree._Element, html: str) -> frozenset[str]:
    """The ids a toggle names in ``aria-controls`` (the WAI-ARIA accordion and tab patterns): the panels
    :func:`_hidden` keeps visible when collapsed. Read only on pages that have the attribute."""
    if "aria-controls" not in html:
        return frozenset()
    return frozenset(i for v in root.xpath("//@aria-controls") for i in str(v).split())


def link_text(a: etree._Element) -> str:
    """Visible text of a link in document order, image alt texts included; for a link with none (an icon,
    an image button without alt) its accessible name: ``aria-label``, else ``title`` (of the link or of
    its image)."""
    parts: list[str] = []
    for event, node in etree.iterwalk(a, events=("start", "end")):
        if event == "start":
            if node.tag == "img" and node.get("alt"):
                parts.append(f" {node.get('alt')} ")
            if node.text:
                parts.append(node.text)
        elif node is not a and node.tail:
            parts.append(node.tail)
    text = norm("".join(parts))
    if text:
        return text
    named = a.get("aria-label") or a.get("title") or next(
        (img.get("title") for img in a.iter("img") if img.get("title")), None)
    return norm(named or "")


@dataclass
class Walked:
    blocks: list[tuple[str, str]]  # (text, locator), non-empty, in order of the block's start
    links: list[tuple[etree._Element, str, str]]  # (element, locator, context)
    iframes: list[tuple[etree._Element, str, str]]
    forms: list[tuple[etree._Element, str]]
    script_srcs: list[str]
    inline_scripts: list[str]
    meta: dict[str, str]


def walk(root: etree._Element, absolute: Callable[[str], str],
         disclosed: frozenset[str] = frozenset()) -> Walked:
    """Every view of the page in one pass; ``disclosed``: ids of collapsed panels to read as visible
    (:func:`disclosed_ids`)."""
    parts: list[list[str]] = [[]]
    locs: list[str] = ["html"]
    raw_links: list[tuple[etree._Element, str, int]] = []
    raw_iframes: list[tuple[etree._Element, str, int]] = []
    forms: list[tuple[etree._Element, str]] = []
    srcs: list[str] = []
    inline: list[str] = []
    meta: dict[str, str] = {}
    # Each lxml property read (tag, text, tail, an attribute) converts from libxml2 and costs about as
    # much as the walk's own logic, so every one is read once: a child's tag by its parent, a text or
    # tail only where it is visible. Items: (element, tag, path, block, hidden) | (text, block) — a
    # text, or the " " after a spaced element, appended when popped (document order).
    stack: list[tuple] = [(root, root.tag, "html", 0, False)]
    push, pop = stack.append, stack.pop
    while stack:
        item = pop()
        if len(item) == 2:
            parts[item[1]].append(item[0])
            continue
        el, name, path, block, hidden = item
        if name == "script":
            src = el.get("src")
            if src and src.strip():
                srcs.append(absolute(src))
            elif el.text:
                inline.append(el.text)
            continue
        if name == "meta":
            key = el.get("name") or el.get("property") or el.get("http-equiv")
            if key and el.get("content") is not None:
                meta[key.lower()] = el.get("content")
            continue
        if name == "iframe":
            raw_iframes.append((el, path, block))
            continue
        if name == "a" and el.get("href") is not None:
            raw_links.append((el, path, block))
        elif name == "form":
            forms.append((el, path))
        hidden = hidden or name in SKIP_TAGS or _hidden(el, disclosed)
        inner = block
        if not hidden:
            if name in BLOCK_TAGS:
                parts[block].append(" ")
                inner = len(parts)
                parts.append([])
                locs.append(path)
            elif name in SPACED_TAGS:
                parts[block].append(" ")
                push((" ", block))
                if name == "img" and el.get("alt"):
                    parts[inner].append(f" {el.get('alt')} ")
                elif name == "input" and el.get("value") and (el.get("type") or "").lower() in _BUTTONS:
                    parts[inner].append(f" {el.get('value')} ")  # a button's label is what it shows
        children = [(c, tag) for c in el if (tag := c.tag).__class__ is str]
        if children:
            if len(children) > 1:
                # Plain dicts, not Counter: this loop runs for every element of every page.
                totals: dict[str, int] = {}
                for _, tag in children:
                    totals[tag] = totals.get(tag, 0) + 1
            else:
                totals = {children[0][1]: 1}
            seen: dict[str, int] = {}
            pushed = []
            for child, tag in children:
                n = seen[tag] = seen.get(tag, 0) + 1
                ident = child.get("id")
                if ident and _CSS_ID.fullmatch(ident):
                    child_path = f"{tag}#{ident}"
                elif totals[tag] > 1:
                    child_path = f"{path} > {tag}:nth-of-type({n})"
                else:
                    child_path = f"{path} > {tag}"
                pushed.append((child, tag, child_path, inner, hidden))
                if not hidden:
                    tail = child.tail
                    if tail:
                        pushed.append((tail, inner))
            pushed.reverse()
            stack += pushed
        if not hidden:
            text = el.text
            if text:
                push((text, inner))
    texts = [norm("".join(p)) for p in parts]
    blocks = [(t, loc) for t, loc in zip(texts, locs, strict=True) if t]
    return Walked(blocks, [(a, p, texts[b]) for a, p, b in raw_links],
                  [(f, p, texts[b]) for f, p, b in raw_iframes], forms, srcs, inline, meta)
