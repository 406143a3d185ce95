"""Page segmentation: the page's statements, each with the scope that governs it.

Real pages spread one statement over structure: an intro sentence ending in
":" governs the list below it ("Einen Termin online vereinbaren können Sie
hier für:" + "Bürgeramt", "Standesamt"); a heading governs its paragraphs; a
table row pairs a service with a channel, its header names the columns; a
definition term governs its description. A :class:`Statement` keeps the
page's own words (evidence quotes them) and, apart, its heading and intro, so
a reader can take a subject or a cue from the scope when the statement itself
lacks one. Navigation, header, footer, breadcrumb (also a trail ending in the
page title) and cookie blocks are not statements (menu entries are labels).
Memoised per page: several detectors read the same statements.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from weakref import WeakKeyDictionary

from extractors.page import Page, TextBlock

_CHROME = re.compile(
    r"(^|[ >])(nav|footer|header)([#.:\s]|$)|#(nav|menu|footer|header|breadcrumb|cookie)", re.I)
_CONTENT = re.compile(r"(^|[ >])(main|article)([#.:\s]|$)|#(content|main|inhalt)", re.I)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_LAST_SENTENCE = re.compile(r"(?:^|(?<=[.!?])\s+)([^.!?]*:)\s*$")
_TRAIL_SEP = re.compile(r"\s(?:>|»|›|/|\|)\s")
ITEM_MAX = 160  # a short line after an intro is one of its items (CMSs write lists as <p> or <br> lines)


@dataclass(frozen=True)
class Statement:
    text: str  # the page's own words
    locator: str
    kind: str  # heading | text | item | row | term
    heading: str = ""  # the nearest heading above it
    intro: str = ""  # the intro sentence, table header or definition term governing it


def is_chrome(block: TextBlock) -> bool:
    """Navigation, header, footer, breadcrumb or cookie-banner block (an article's own header is content)."""
    return _chrome_locator(block.locator)


def is_chrome_locator(locator: str) -> bool:
    """A link's or block's CSS path lies in navigation, header, footer, breadcrumb or cookie banner."""
    return _chrome_locator(locator)


_TRAIL_SEP = re.compile(r"\s(?:>|»|›|/|\|)\s")


def trail_items(text: str) -> list[str]:
    """A breadcrumb trail's items as written, outermost first ("Start > Rathaus > Geoportal")."""
    return [c.strip() for c in _TRAIL_SEP.split(text) if c.strip()]


def looks_like_trail(text: str) -> bool:
    """A breadcrumb trail by its shape alone ("Start > Ticker > München und die 115", "Rathaus / Aktuelles /
    …"): two or more trail separators. CMSs mark trails by class, which locators do not keep, and the trail's
    last item need not repeat the page title, so a trail in the content area is known by its separators."""
    # "Start » Aktuelles » …" (WordPress themes): the guillemet with spaces round it; a quotation in
    # guillemets (»so«) has no space inside
    return text.count(" > ") + text.count(" / ") + text.count("›") + text.count(" » ") >= 2


_SIDEBAR = re.compile(r"(^|[ >])aside([#.:\s]|$)|#(sidebar|marginal)", re.I)
_MENU_ITEM = re.compile(r"^(.* > (?:ul|ol)(?:#[^ >:]*)?(?::nth-of-type\(\d+\))?)"
                        r" > li(?::nth-of-type\(\d+\))?")
MENU_MIN = 3  # a sidebar list of this many bare links or more is a menu ("Service: Online-Terminvergabe, …")
_menus: WeakKeyDictionary[Page, frozenset[str]] = WeakKeyDictionary()


def sidebar_menu_items(page: Page) -> frozenset[str]:
    """Locators of the items of the page's sidebar link menus: a list outside the main content, in an
    aside, whose items are each one bare link. Such a list is navigation by its shape ("Service:
    Online-Terminvergabe · Formularcenter · Kontakte"): an item says nothing about the page's subject
    unless it names it itself. Memoised per page."""
    if page in _menus:
        return _menus[page]
    items: dict[str, list[tuple[str, bool]]] = {}  # list locator -> (item locator, bare link?)
    texts = {b.locator: b.text for b in page.blocks}
    links = {ln.locator: ln.text for ln in page.links}
    for loc, text in texts.items():
        m = _MENU_ITEM.match(loc)
        if m and loc == m.group(0) and _SIDEBAR.search(loc) and not _CONTENT.search(loc):
            bare = any(k.startswith(loc + " > a") and links[k].strip() == text.strip() for k in links)
            items.setdefault(m.group(1), []).append((loc, bare))
    out = {loc for group in items.values() if len(group) >= MENU_MIN and all(b for _, b in group)
           for loc, _ in group}
    _menus[page] = frozenset(out)
    return _menus[page]


def in_sidebar_menu(page: Page, locator: str) -> bool:
    """Whether a block or link locator lies in one of the page's sidebar link menus."""
    menus = sidebar_menu_items(page)
    return bool(menus) and any(locator == m or locator.startswith(m + " > ") for m in menus)


# a consent layer's notice: the site's cookie use ("Diese Website verwendet Cookies"), or cookies, tracking or
# external media with the reader's consent ("Mit dem Laden des YouTube-Videos willigen Sie ein …")
_CONSENT = re.compile(
    r"(?is)\b(?:verwende\w*|nutz\w*|setz\w*|einsetz\w*)\s+(?:\w+\s+){0,3}Cookies\b"
    r"|^(?=.*\b(?:Cookies?|Tracking|externe[rn]? (?:Medien|Inhalte))\b)"
    r"(?=.*\b(?:akzeptier\w*|zustimm\w*|Zustimmung|einwillig\w*|Einwilligung|einverstanden|"
    r"willigen Sie|ablehnen|Cookie-Einstellungen|Datenschutzeinstellungen)\b)")
_LABEL_MAX = 32  # a menu label: a few words, no sentence ("Online-Service", "Kreis & Politik")
_SENTENCE_MARK = re.compile(r"[.!?:;,]")
# a sentence's end inside a paragraph: a full stop, "!" or "?" before a space and a capital or opening quote
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ„\"])")
_template: WeakKeyDictionary[Page, frozenset[str]] = WeakKeyDictionary()


def template_chrome(page: Page) -> frozenset[str]:
    """Locators of the page's chrome that its markup does not tag: the items of a list of bare labels standing
    above the page's h1 outside the main content — a site's top menu written as ``div > ul`` without ``nav``
    ("Rathaus · Online-Service · Leben · Wirtschaft"). Such a list names the site's sections, not what this
    page offers: "Online-Service" in it is no statement that the page's service is online. Known by position
    and shape (at least ``MENU_MIN`` items, each a short label without sentence marks), as CMS classes are not
    in the locators. Also a consent layer outside the main content, known by its words (``_CONSENT``): its
    "YouTube", "Facebook-Pixel" or "Terminbuchung (externer Dienst)" name the site's embeds, not the city's
    offers. Memoised per page."""
    if page in _template:
        return _template[page]
    consent = {b.locator for b in page.blocks
               if "ookie" in b.text or "xterne" in b.text or "racking" in b.text  # _CONSENT's nouns, cheaply
               if not _CONTENT.search(b.locator) and _CONSENT.search(b.text)}
    lists: dict[str, list[TextBlock]] = {}
    for block in page.blocks:
        if tag_of(block.locator) == "h1":
            break
        m = _MENU_ITEM.match(block.locator)
        if m and block.locator == m.group(0) and not _CONTENT.search(block.locator):
            lists.setdefault(m.group(1), []).append(block)
    else:
        lists = {}  # no h1: nothing tells where the content begins
    out = {b.locator for items in lists.values() if len(items) >= MENU_MIN
           and all(len(b.text) <= _LABEL_MAX and not _SENTENCE_MARK.search(b.text) for b in items)
           for b in items}
    _template[page] = frozenset(out | consent)
    return _template[page]


def is_page_chrome(page: Page, block: TextBlock) -> bool:
    """Chrome by locator (:func:`is_chrome`) or by the page's template (:func:`template_chrome`)."""
    return is_chrome(block) or block.locator in template_chrome(page)


def page_chrome(page: Page) -> Callable[[TextBlock], bool]:
    """:func:`is_page_chrome` for the blocks of one page, its template looked up once: for loops over all of
    a page's blocks (a per-block lookup of the page's memo was a twentieth of the warm extract)."""
    template = template_chrome(page)
    return lambda block: _chrome_locator(block.locator) or block.locator in template


_BRAND_SEP = re.compile(r"\s+[·|•–]\s+|,\s+")
BRAND_MIN = 4  # a site name shorter than this ("SWP") is too weak to recognise a block by


def brand_of(page: Page) -> str:
    """The site's own name as the page title ends with it ("Wunschkennzeichen beantragen - Serviceportal
    Bremen" -> "Serviceportal Bremen"), or "" (memoised per page)."""
    if page not in _brands:
        # publisher.py holds the one rule for a title's site name; it reads segment's chrome test, so it is
        # imported here, not at the top (a cycle otherwise)
        from extractors.publisher import site_name

        name = site_name(page.title) or ""
        _brands[page] = name if len(name) >= BRAND_MIN else ""
    return _brands[page]


def is_brand(text: str, brand: str, tag: str) -> bool:
    """A block that is the site's own name: the logo line or the imprint line that starts with it
    ("Serviceportal Bremen · Rathausplatz 1"). Templates mark header and footer by class, which locators do
    not keep, so the text tells. Such a block names the site, not what the page is about: "Serviceportal" in a
    portal's logo is no statement that the page's service is online. A heading with the site's name is the
    page's subject and stays."""
    if not brand or tag in _HEADINGS:
        return False
    text = text.strip()
    return text == brand or (text.startswith(brand) and bool(_BRAND_SEP.match(text, len(brand))))


_brands: WeakKeyDictionary[Page, str] = WeakKeyDictionary()


def is_trail(text: str, title: str, tag: str) -> bool:
    """A breadcrumb trail ("Startseite > Rathaus > Gewerbe anmelden", or its last item alone): the
    page's own title repeated outside a heading. CMSs mark trails by class, which locators do not
    keep, so the text tells: the repeat is chrome, not a statement ("… > Für den Kita-Platz jetzt
    online anmelden" over a text that says the portal opens in September)."""
    if not title or tag in _HEADINGS or not text.endswith(title):
        return False
    return text == title or bool(_TRAIL_SEP.search(text[: len(text) - len(title)] + " "))


# Locators repeat on every page of a site's template, and several detectors ask about the same
# blocks: the locator functions below are memoised per locator string.
@lru_cache(maxsize=65536)
def _chrome_locator(loc: str) -> bool:
    m = _CHROME.search(loc)
    return bool(m) and not _CONTENT.search(loc[:m.start()])


@lru_cache(maxsize=65536)
def tag_of(locator: str) -> str:
    """``… > li:nth-of-type(2)`` -> ``li``; ``p#intro`` -> ``p``."""
    last = locator.rsplit(" > ", 1)[-1]
    return last.split(":", 1)[0].split("#", 1)[0].split(".", 1)[0]


@lru_cache(maxsize=65536)
def _row_of(locator: str) -> str | None:
    head, _, last = locator.rpartition(" > ")
    if tag_of(last) in ("td", "th") and tag_of(head).startswith("tr"):
        return head
    return None


def _table_of(row: str) -> str:
    i = row.rfind("table")
    return row[: row.find(" > ", i) if row.find(" > ", i) != -1 else len(row)] if i != -1 else row


_memo: WeakKeyDictionary[Page, list[Statement]] = WeakKeyDictionary()


def segment(page: Page) -> list[Statement]:
    """The page's statements in document order (see module docstring)."""
    if page in _memo:
        return _memo[page]
    out: list[Statement] = []
    heading = intro = term = ""
    rows: dict[str, int] = {}  # row locator -> index of its statement in out
    header_cells: dict[str, list[str]] = {}  # table -> header cells
    header_row: dict[str, str] = {}  # table -> its header row
    row_tags: dict[str, set[str]] = {}
    title = page.heading
    brand = brand_of(page)
    chrome = page_chrome(page)
    for block in page.blocks:
        if chrome(block) or is_trail(block.text, title, tag_of(block.locator)) \
                or is_brand(block.text, brand, tag_of(block.locator)):
            continue
        text, loc = block.text, block.locator
        tag = tag_of(loc)
        row = _row_of(loc)
        if row is not None:
            row_tags.setdefault(row, set()).add(tag)
            table = _table_of(row)
            if row in rows:
                prev = out[rows[row]]
                out[rows[row]] = Statement(f"{prev.text}: {text}", row, "row", heading, prev.intro)
            else:
                rows[row] = len(out)
                out.append(Statement(text, row, "row", heading, " | ".join(header_cells.get(table, []))))
            # the first row of header cells names the columns of the rows below it
            if tag == "th" and header_row.setdefault(table, row) == row and "td" not in row_tags[row]:
                header_cells.setdefault(table, []).append(text)
            continue
        if tag in _HEADINGS:
            # "Was geht online?" / "Termine buchen für:" over a list governs its items
            heading, intro = text, (text if text.endswith((":", "?")) else "")
            out.append(Statement(text, loc, "heading", heading))
            continue
        if tag == "dt":
            term = text
            out.append(Statement(text, loc, "term", heading))
            continue
        if tag == "dd" and term:
            out.append(Statement(text, loc, "item", heading, term))
            continue
        if intro and (tag == "li" or (len(text) <= ITEM_MAX and not text.endswith((".", "!", "?")))):
            out.append(Statement(text, loc, "item", heading, intro))
            continue
        intro = ""
        out.append(Statement(text, loc, "text", heading))
        m = _LAST_SENTENCE.search(text) if text.endswith(":") else None
        if m:
            intro = m.group(1).strip()
    _memo[page] = out
    return out
