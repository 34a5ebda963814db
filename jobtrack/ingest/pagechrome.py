"""Page chrome in HTML: the site's navigation, and the names the page gives itself.

Kept apart from `jobtrack.ingest.htmltext` (which renders what is left) so each
stays small. Navigation is told from the posting by the share of its text
that sits in links: a menu, a language list, a breadcrumb or a share bar is
nearly all links, while a posting's paragraphs, fact boxes and contact
boxes are not. Footers' prose stays: that is where "About us" and the
organisation's name often are (docs/main-content.md has the measurements
behind this choice, against trafilatura).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from jobtrack.core.sanitize import clean_line

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

_KEEP_INSIDE = "h1, main, article, [role=main]"
_NAV = "ul, ol, [role=navigation], [role=menubar], [role=menu], [role=tablist]"
_BARS = "div, p, td, tr, table, header, section"
_LIST_LINKED = 0.8  # a list this much in links is a menu
_BLOCK_LINKED = 0.5  # a block marked as navigation needs at least this much
_BAR_LINKED = 0.9  # an unmarked block must be nearly all links: a menu bar, a breadcrumb
_MIN_ITEMS = 3
_MAX_ITEM_CHARS = 40  # menu entries are short; a reading list's titles are not


def navigation_ids(tree: LexborHTMLParser) -> set[int]:
    """Ids of link-dense lists, menu bars and navigation blocks that hold no heading or
    main region."""
    dropped: set[int] = set()
    for node in tree.css(_NAV):
        if node.css_first(_KEEP_INSIDE) is not None:
            continue
        size = _chars(node)
        if not size:
            continue
        linked = sum(_chars(a) for a in node.css("a"))
        if node.tag in ("ul", "ol"):
            items = len(node.css("li"))
            if items < _MIN_ITEMS or linked < _LIST_LINKED * size or size > _MAX_ITEM_CHARS * items:
                continue
        elif linked < _BLOCK_LINKED * size:
            continue
        dropped.add(node.mem_id)
    for node in tree.css(_BARS):
        links = node.css("a")
        if len(links) < _MIN_ITEMS or node.css_first(_KEEP_INSIDE) is not None:
            continue
        size = _chars(node)
        linked = sum(_chars(a) for a in links)
        if size and linked >= _BAR_LINKED * size and size <= _MAX_ITEM_CHARS * len(links):
            dropped.add(node.mem_id)
    return dropped


def site_names(tree: LexborHTMLParser) -> tuple[str, ...]:
    """og:site_name, application-name and the <title>: what the page calls itself."""
    names: list[str] = []
    for selector in ('meta[property="og:site_name"]', 'meta[name="application-name"]'):
        node = tree.css_first(selector)
        if node is not None:
            names.append(clean_line(node.attributes.get("content") or ""))
    title = tree.css_first("title")
    if title is not None:
        names.append(clean_line(title.text()))
    return tuple(dict.fromkeys(n for n in names if n))


def _chars(node: LexborNode) -> int:
    """Visible characters under a node, whitespace left out."""
    return sum(len(part) for part in node.text(separator=" ").split())
