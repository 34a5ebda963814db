"""HTML -> plain text with paragraphs, plus schema.org JobPosting data.

Uses selectolax (Lexbor): fast to import and parse. Boilerplate removal is
deliberately mild: navigation, scripts, forms and cookie banners go, but
side columns (`aside`, fact boxes, contact boxes) stay, because that is
where Danish portals put the deadline and the contact person. Tables of
short cells are read row by row ("Ansøgningsfrist: 14.04.2026").

The walk does not modify the tree: dropped nodes are skipped by id, so no
node is freed while another handle still points into it.

Every step is linear in the page's size: nesting deeper than `MAX_DEPTH`
is flattened before parsing (Lexbor's tree building slows down with depth,
as browsers' would without their own cap), and JSON-LD and microdata are
read to `MAX_DATA_DEPTH` levels, so a hostile page costs seconds, not hours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from jobtrack.core.document import Document
from jobtrack.core.sanitize import clean_line, clean_text
from jobtrack.ingest.pagechrome import navigation_ids, site_names

if TYPE_CHECKING:
    from selectolax.lexbor import LexborHTMLParser, LexborNode

_DROP_TAGS = {
    "script", "style", "noscript", "template", "nav", "svg", "iframe", "object", "embed",
    "canvas", "button", "select", "input", "textarea", "option", "head", "title", "meta", "link",
}  # fmt: skip
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
    "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "legend", "li", "main", "menu", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
_LIST_TAGS = {"ul", "ol", "menu"}
_BANNER_HINTS = ("cookie", "consent", "gdpr", "onetrust", "coioverlay", "coi-banner", "cc-window", "cc-banner")
_SIDE_HINTS = ("sidebar", "side-bar", "sidecol", "side-col", "aside", "fact", "contact", "kontakt", "rightcol", "right-col")
_KEEP_INSIDE = "h1, main, article, [role=main]"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u00ad\ufeff"))
_MAX_CELL = 300
_MIN_MAIN_TEXT = 200
_SOFT_TAGS = ("li", "dd", "dt")
MAX_DEPTH = 256
MAX_ELEMENTS = 250_000
MAX_DATA_DEPTH = 32
# Elements that never hold others (void) or that the parser closes by itself
# when the same kind opens again: neither deepens the tree by repetition.
_NO_DEPTH = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "frame", "basefont", "bgsound", "p", "li", "dt", "dd", "option",
    "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption", "rb", "rt",
    "rp", "rtc", "html", "head", "body", "a", "form", "button", "nobr",
}  # fmt: skip
_RAW_TEXT = {"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"}
_START_TAG = re.compile(r"<[a-zA-Z]")
_TAG = re.compile(r"<(?:(!--)|(/?)([a-zA-Z][^\s/<>]*)[^<>]*>)")


class PageTooComplex(ValueError):
    """A page with more elements than any posting has; reading it would take minutes."""


def html_to_document(html: str, source: str = "", raw: bytes = b"") -> Document:
    """Parse decoded HTML into a `Document` with text, title and JobPostings."""
    from selectolax.lexbor import LexborHTMLParser

    elements = html.count("<")
    if elements > MAX_ELEMENTS and (elements := len(_START_TAG.findall(html))) > MAX_ELEMENTS:
        raise PageTooComplex(f"the page has too many elements to read ({elements:,}, limit {MAX_ELEMENTS:,})")
    tree = LexborHTMLParser(bound_depth(html))
    structured = job_postings(tree)
    dropped = _boilerplate_ids(tree) | navigation_ids(tree)
    main = _main_region(tree, dropped)
    title = title_hint(tree, main)
    roots = _content_roots(tree, main, dropped)
    text = _render(roots, dropped)
    if title and main is not None and not _has_h1(main) and title not in text[: len(title) + 10]:
        text = f"{title}\n\n{text}" if text else title
    return Document(
        text=clean_text(text),
        source=source,
        kind="html",
        title_hint=title or None,
        structured=structured,
        raw=raw,
        content_type="text/html",
        site_names=site_names(tree),
    )


def html_to_text(html: str) -> str:
    """Just the text of an HTML fragment or page, paragraphs kept."""
    return html_to_document(html).text


def bound_depth(html: str, limit: int = MAX_DEPTH) -> str:
    """`html` with the start and end tags that would nest deeper than `limit` removed.

    A cheap tag scan, not a parser: it skips comments and the raw text of
    scripts and styles, and counts only elements that can nest in
    themselves. Their text stays, only the structure beyond `limit` goes.
    A page within the limit is returned unchanged.
    """
    if html.count("<") <= limit:
        return html
    lower = html.lower()
    stack: list[tuple[str, bool]] = []  # open elements: name, kept
    open_count: dict[str, int] = {}
    depth = 0  # kept elements on the stack
    cuts: list[tuple[int, int]] = []
    pos = 0
    while (m := _TAG.search(html, pos)) is not None:
        pos = m.end()
        if m.group(1):
            pos = lower.find("-->", m.end())
            if pos < 0:
                break
            continue
        name = m.group(3).lower()
        if m.group(2):
            if not open_count.get(name):
                continue
            while True:
                top, kept = stack.pop()
                open_count[top] -= 1
                depth -= kept
                if top == name:
                    break
            if not kept:
                cuts.append(m.span())
        elif name in _RAW_TEXT:
            pos = lower.find(f"</{name}", pos)
            if pos < 0:
                break
        elif name == "plaintext":
            break
        elif name not in _NO_DEPTH and not m.group(0).endswith("/>"):
            kept = depth < limit
            stack.append((name, kept))
            open_count[name] = open_count.get(name, 0) + 1
            depth += kept
            if not kept:
                cuts.append(m.span())
    if not cuts:
        return html
    pieces: list[str] = []
    start = 0
    for begin, end in cuts:
        pieces.append(html[start:begin])
        start = end
    pieces.append(html[start:])
    return "".join(pieces)


# --- title -----------------------------------------------------------------


def title_hint(tree: LexborHTMLParser, main: LexborNode | None = None) -> str:
    """First non-empty <h1> (in the main region first), og:title, or <title>."""
    scopes = [main, tree.root] if main is not None else [tree.root]
    for scope in scopes:
        if scope is None:
            continue
        for h1 in scope.css("h1"):
            text = clean_line(h1.text(separator=" "))
            if text:
                return text
    og = tree.css_first('meta[property="og:title"], meta[name="og:title"]')
    if og is not None and clean_line(og.attributes.get("content") or ""):
        return clean_line(og.attributes.get("content") or "")
    title = tree.css_first("title")
    return clean_line(title.text()) if title is not None else ""


def _has_h1(node: LexborNode) -> bool:
    """Whether a region holds its own heading."""
    return any(clean_line(h.text()) for h in node.css("h1"))


# --- choosing what to read -------------------------------------------------


def _boilerplate_ids(tree: LexborHTMLParser) -> set[int]:
    """Ids of page footers, small forms and cookie banners to skip.

    ASP.NET portals wrap the whole page in one <form>, and some sites put
    "cookie" in the body's class, so nothing that holds the page's <h1> or
    main content is ever dropped.
    """
    dropped: set[int] = set()
    for node in tree.css("footer"):
        if not _inside(node, "article"):
            dropped.add(node.mem_id)
    for node in tree.css("form"):
        if node.css_first(_KEEP_INSIDE) is None and len(node.text()) < 1000:
            dropped.add(node.mem_id)
    for node in tree.css("[id], [class], [hidden]"):
        if "hidden" not in node.attributes and not _has_hint(node, _BANNER_HINTS):
            continue
        if node.tag not in ("html", "body", "main", "article") and node.css_first(_KEEP_INSIDE) is None:
            dropped.add(node.mem_id)
    return dropped


def _main_region(tree: LexborHTMLParser, dropped: set[int]) -> LexborNode | None:
    """<main>, [role=main] or a single <article>, if it holds real text."""
    candidates = [n for n in tree.css("main, [role=main]") if n.mem_id not in dropped]
    articles = tree.css("article")
    if not candidates and len(articles) == 1:
        candidates = articles
    for node in candidates:
        if len(" ".join(node.text().split())) >= _MIN_MAIN_TEXT:
            return node
    return None


def _content_roots(tree: LexborHTMLParser, main: LexborNode | None, dropped: set[int]) -> list[LexborNode]:
    """The main region plus side columns outside it, or the whole body."""
    body = tree.body if tree.body is not None else tree.root
    if main is None:
        return [body] if body is not None else []
    sides: list[LexborNode] = []
    side_ids: set[int] = set()
    for node in tree.css("aside, [role=complementary], [id], [class]"):
        is_side = node.tag == "aside" or node.attributes.get("role") == "complementary" or _has_hint(node, _SIDE_HINTS)
        if not is_side or node.mem_id in dropped or node.tag in ("html", "body"):
            continue
        if _is_within(node, main) or _is_within(main, node) or _below_any(node, side_ids):
            continue
        sides.append(node)
        side_ids.add(node.mem_id)
    return [main, *sides]


def _below_any(node: LexborNode, ids: set[int]) -> bool:
    """Whether an ancestor of `node` is one of `ids`: one walk up, however many there are."""
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _has_hint(node: LexborNode, hints: tuple[str, ...]) -> bool:
    """Whether the node's id or class mentions one of `hints`."""
    attrs = node.attributes
    names = f"{attrs.get('id') or ''} {attrs.get('class') or ''}".lower()
    return any(h in names for h in hints)


def _inside(node: LexborNode, tag: str) -> bool:
    """Whether an ancestor of `node` is a `tag` element."""
    parent = node.parent
    while parent is not None:
        if parent.tag == tag:
            return True
        parent = parent.parent
    return False


def _is_within(node: LexborNode, ancestor: LexborNode) -> bool:
    """Whether `node` is `ancestor` or below it."""
    target = ancestor.mem_id
    current: LexborNode | None = node
    while current is not None:
        if current.mem_id == target:
            return True
        current = current.parent
    return False


# --- rendering ---------------------------------------------------------------


class _Text:
    """Collects lines and paragraphs while the tree is walked."""

    def __init__(self) -> None:
        self.paragraphs: list[list[str]] = []
        self.lines: list[str] = []
        self.buf: list[str] = []

    def add(self, text: str) -> None:
        self.buf.append(text)

    def line_break(self) -> None:
        line = " ".join("".join(self.buf).translate(_INVISIBLE).split())
        if line == "•":
            return  # a bullet waiting for its item's text
        self.buf = []
        if line:
            self.lines.append(line)

    def paragraph_break(self) -> None:
        self.line_break()
        if self.lines:
            self.paragraphs.append(self.lines)
            self.lines = []

    def result(self) -> str:
        self.paragraph_break()
        return "\n\n".join("\n".join(p) for p in _join_labels(self.paragraphs))


def _render(roots: Iterable[LexborNode], dropped: set[int]) -> str:
    """Text of several regions, each starting a new paragraph."""
    out = _Text()
    for root in roots:
        _walk(root, dropped, out)
        out.paragraph_break()
    return out.result()


def _walk(root: LexborNode, dropped: set[int], out: _Text) -> None:
    """Depth-first walk without recursion (deep pages exist)."""
    stack: list[tuple[LexborNode, bool]] = [(root, True)]
    nesting = _Nesting()
    while stack:
        node, entering = stack.pop()
        tag = node.tag or "-"  # a nameless non-element node is skipped like a comment
        if tag == "-text":
            _text_node(node, nesting, out)
            continue
        if not entering:
            _close(tag, nesting, out)
            continue
        if tag in _DROP_TAGS or tag.startswith("-") or node.mem_id in dropped:
            continue
        if tag == "table" and _is_data_table(node):
            _data_table(node, dropped, nesting, out)
            continue
        _open(tag, nesting, out)
        stack.append((node, False))
        stack.extend((child, True) for child in reversed(list(node.iter(include_text=True))))


class _Nesting:
    """Open list and <pre> elements, counted so each question costs O(1)."""

    def __init__(self) -> None:
        self.tags: list[str] = []
        self.soft = 0  # open li/dd/dt: breaks inside them are line breaks
        self.pre = 0

    def __bool__(self) -> bool:
        return bool(self.tags)

    def push(self, tag: str) -> None:
        self.tags.append(tag)
        self.soft += tag in _SOFT_TAGS
        self.pre += tag == "pre"

    def pop_if(self, tag: str) -> None:
        """Close `tag` if it is the innermost open one."""
        if self.tags and self.tags[-1] == tag:
            self.tags.pop()
            self.soft -= tag in _SOFT_TAGS
            self.pre -= tag == "pre"


def _text_node(node: LexborNode, nesting: _Nesting, out: _Text) -> None:
    """Inline text; inside <pre> the line breaks are real."""
    text = node.text_content or ""
    if not nesting.pre:
        out.add(text)
        return
    for i, part in enumerate(text.split("\n")):
        if i:
            out.line_break()
        out.add(part)


def _open(tag: str, nesting: _Nesting, out: _Text) -> None:
    """Breaks and bullets at the start of an element."""
    soft = nesting.soft > 0
    if tag == "br":
        out.line_break()
    elif tag == "li":
        out.line_break()
        out.add("• ")
        nesting.push(tag)
    elif tag == "dt":
        out.line_break()
        nesting.push(tag)
    elif tag == "dd":
        _open_dd(out)
        nesting.push(tag)
    elif tag in _LIST_TAGS or tag == "pre":
        out.line_break() if soft else out.paragraph_break()
        nesting.push(tag)
    elif tag in _BLOCK_TAGS:
        out.line_break() if soft else out.paragraph_break()


def _open_dd(out: _Text) -> None:
    """Put a <dd> on its <dt>'s line as "term: value" when the term is short."""
    term = " ".join("".join(out.buf).split())
    if term and len(term) <= 60:
        out.buf = [term.rstrip(":"), ": "]
    else:
        out.line_break()


def _close(tag: str, nesting: _Nesting, out: _Text) -> None:
    """Breaks at the end of an element."""
    if tag in _SOFT_TAGS or tag in _LIST_TAGS or tag == "pre":
        nesting.pop_if(tag)
        if tag == "dt":
            return  # the <dd> decides whether to share the line
    soft = nesting.soft > 0
    if tag in ("li", "dd"):
        out.line_break()
    elif tag in _BLOCK_TAGS:
        out.line_break() if soft else out.paragraph_break()


# --- tables ------------------------------------------------------------------


def _rows(table: LexborNode) -> Iterator[list[LexborNode]]:
    """Rows of a table (not of nested ones) as lists of cells."""
    for row in table.css("tr"):
        yield [c for c in row.iter() if c.tag in ("td", "th")]


def _is_data_table(table: LexborNode) -> bool:
    """Small cells and no nested tables: a fact box, not a page layout.

    The search for a nested table stops at the first one, so a tower of
    nested tables costs linear time, not quadratic.
    """
    if any(child.css_first("table") is not None for child in table.iter()):
        return False
    return all(len(cell.text()) <= _MAX_CELL for row in _rows(table) for cell in row)


def _data_table(table: LexborNode, dropped: set[int], nesting: _Nesting, out: _Text) -> None:
    """One line per row: "label: value" for two cells, "a | b | c" otherwise."""
    soft = bool(nesting)
    out.line_break() if soft else out.paragraph_break()
    caption = table.css_first("caption")
    if caption is not None:
        out.add(caption.text(separator=" "))
        out.line_break()
    for cells in _rows(table):
        texts = [t for t in (_cell_text(c, dropped) for c in cells) if t]
        if len(texts) == 2:
            out.add(f"{texts[0].rstrip(':').rstrip()}: {texts[1]}")
        else:
            out.add(" | ".join(texts))
        out.line_break()
    out.line_break() if soft else out.paragraph_break()


def _cell_text(cell: LexborNode, dropped: set[int]) -> str:
    """A cell's content on one line."""
    inner = _Text()
    _walk(cell, dropped, inner)
    return " ".join(inner.result().split())


def _join_labels(paragraphs: list[list[str]]) -> list[list[str]]:
    """Join a short "Label:" line with the short value on the next line.

    Side columns often read "<b>Ansøgningsfrist:</b><br>14. april", which
    extraction reads more reliably as one line.
    """
    merged: list[list[str]] = []
    for para in paragraphs:
        lines = _join_label_lines(para)
        prev = merged[-1] if merged else None
        if prev is not None and len(prev) == 1 and _is_label(prev[0]) and _is_value(lines[0]):
            prev[0] = f"{prev[0]} {lines[0]}"
            prev.extend(lines[1:])
        else:
            merged.append(lines)
    return merged


def _join_label_lines(lines: list[str]) -> list[str]:
    """`_join_labels` inside one paragraph."""
    out: list[str] = []
    for line in lines:
        if out and _is_label(out[-1]) and _is_value(line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _is_label(line: str) -> bool:
    return line.endswith(":") and len(line) <= 40 and not line.startswith("•")


def _is_value(line: str) -> bool:
    return len(line) <= 80 and not line.startswith("•") and not line.endswith(":")


# --- schema.org JobPosting -----------------------------------------------------


def job_postings(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """JobPosting objects from JSON-LD and microdata, strings sanitised."""
    found = [*_json_ld_postings(tree), *_microdata_postings(tree)]
    return [_clean_strings(item) for item in found]


def _json_ld_postings(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    """Every JobPosting in every ld+json script, at any depth."""
    for script in tree.css("script"):
        kind = (script.attributes.get("type") or "").strip().lower()
        if not kind.startswith("application/ld+json"):
            continue
        data = parse_json_loosely(script.text(deep=True))
        if data is not None:
            yield from _find_postings(data)


def parse_json_loosely(text: str) -> Any:
    """json.loads that survives CDATA, HTML comments and trailing commas.

    Returns None for what still does not parse: one broken script must
    not cost us the page.
    """
    text = text.strip()
    for junk in ("<![CDATA[", "]]>", "<!--", "-->"):
        text = text.replace(junk, "")
    text = re.sub(r"^\s*//.*$", "", text, flags=re.MULTILINE).strip().rstrip(";")
    for attempt in (text, re.sub(r",\s*([}\]])", r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _find_postings(data: Any) -> Iterator[dict[str, Any]]:
    """Walk lists, @graph and nested objects for @type JobPosting."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if _is_job_posting_type(item.get("@type")):
                yield item
            else:
                stack.extend(reversed(list(item.values())))


def _is_job_posting_type(value: Any) -> bool:
    """"JobPosting", "schema:JobPosting", a URL ending in it, or a list."""
    values = value if isinstance(value, list) else [value]
    return any(isinstance(v, str) and re.split(r"[/:#]", v)[-1] == "JobPosting" for v in values)


def _microdata_postings(tree: LexborHTMLParser) -> Iterator[dict[str, Any]]:
    """Microdata items whose itemtype is a JobPosting, unless inside another one."""
    below: dict[int, bool] = {}  # element id -> it or an ancestor is a JobPosting item
    for node in tree.css("[itemscope][itemtype]"):
        if _is_job_posting_item(node) and not _below_posting(node.parent, below):
            yield _microdata_item(node)


def _is_job_posting_item(node: LexborNode) -> bool:
    return "itemscope" in node.attributes and _is_job_posting_type((node.attributes.get("itemtype") or "").split())


def _below_posting(node: LexborNode | None, below: dict[int, bool]) -> bool:
    """Whether `node` or an ancestor is a JobPosting item; memoised, so linear overall."""
    path: list[LexborNode] = []
    answer = False
    while node is not None:
        known = below.get(node.mem_id)
        if known is not None:
            answer = known
            break
        if _is_job_posting_item(node):
            answer = True
            break
        path.append(node)
        node = node.parent
    for seen in path:
        below[seen.mem_id] = answer
    return answer


def _microdata_item(item: LexborNode, depth: int = 0) -> dict[str, Any]:
    """An itemscope as a JSON-LD-shaped dict; nested items become dicts.

    Items nested deeper than `MAX_DATA_DEPTH` count as plain text.
    """
    itemtype = (item.attributes.get("itemtype") or "").split()
    result: dict[str, Any] = {"@type": re.split(r"[/:#]", itemtype[0])[-1] if itemtype else "Thing"}
    stack = list(reversed(list(item.iter())))
    while stack:
        node = stack.pop()
        props = (node.attributes.get("itemprop") or "").split()
        nested = "itemscope" in node.attributes
        if props:
            if nested and depth < MAX_DATA_DEPTH:
                value: Any = _microdata_item(node, depth + 1)
            else:
                value = _microdata_value(node)
            for prop in props:
                _add_property(result, re.split(r"[/#]", prop)[-1], value)
        if not nested:
            stack.extend(reversed(list(node.iter())))
    return result


def _microdata_value(node: LexborNode) -> str:
    """The value of a non-item property, by the microdata rules per tag."""
    attrs = node.attributes
    attr = {
        "meta": "content", "a": "href", "link": "href", "area": "href", "img": "src",
        "audio": "src", "video": "src", "source": "src", "iframe": "src", "embed": "src",
        "object": "data", "data": "value", "meter": "value", "time": "datetime",
    }.get(node.tag or "")  # fmt: skip
    if attr and attrs.get(attr):
        return (attrs.get(attr) or "").strip()
    if node.tag == "meta":
        return ""
    return " ".join(node.text(separator=" ").split())


def _add_property(result: dict[str, Any], name: str, value: Any) -> None:
    """Repeated properties become lists, as in JSON-LD."""
    if name not in result:
        result[name] = value
    elif isinstance(result[name], list):
        result[name].append(value)
    else:
        result[name] = [result[name], value]


def _clean_strings(value: Any, depth: int = 0) -> Any:
    """Apply `clean_text` to every string in nested JSON data.

    Lists and objects deeper than `MAX_DATA_DEPTH` become None: no posting
    nests that deep, and later steps may walk the data recursively.
    """
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (list, dict)) and depth >= MAX_DATA_DEPTH:
        return None
    if isinstance(value, list):
        return [_clean_strings(v, depth + 1) for v in value]
    if isinstance(value, dict):
        return {clean_text(str(k)): _clean_strings(v, depth + 1) for k, v in value.items()}
    return value
