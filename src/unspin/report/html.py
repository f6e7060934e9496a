"""The report as one self-contained HTML page: summary on top, copy and sources side by side.

The page is the template report/templates/page.html, rendered by Jinja2 with autoescape on.
Article text, titles, urls, ids and reasons are attacker-controlled: markupsafe (Jinja's escaper,
and the only one here) escapes every one, and only http(s) urls become links.

The marking of a text stays in Python: sentences and findings are spans of it that may overlap,
so the text is cut at every boundary and each piece opens and closes its own tags, offset
arithmetic that a template would do badly. That code escapes each piece of text with `escape`
and writes only its own tags as `Markup`.

The page's script and style are package files (`SCRIPT`, `STYLE`); a server that forbids inline
script can serve them at a URL and pass `script_src` / `style_href`. The script reads data-*
attributes only; no data is written as JS.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from markupsafe import Markup, escape

from unspin.finding_types import DESCRIPTIONS
from unspin.model import Finding, Report, Source
from unspin.report.diff import word_diff
from unspin.report.schema import copy_order, excerpts, kind_line, parts_line, percent

if TYPE_CHECKING:
    from jinja2 import Environment, Template

_TEMPLATES = files("unspin.report").joinpath("templates")  # the page, its script and style
SCRIPT = _TEMPLATES.joinpath("report.js").read_text("utf-8")
STYLE = _TEMPLATES.joinpath("report.css").read_text("utf-8")

_HTTP = re.compile(r"https?://", re.IGNORECASE)
_LABEL_RANK = {"verbatim": 3, "paraphrase": 2, "same_fact": 1}

Block = tuple[int, int, Markup]  # start, end, opening <span ...> tag
Mark = tuple[int, int, Markup, str]  # start, end, attributes, id for its first piece


class SourceView(NamedTuple):
    source: Source
    parts: str  # which copy sentences were made from it
    text: Markup  # its text, sentences and findings marked


class FindingView(NamedTuple):
    index: int  # in report.findings, as in its marks' ids
    finding: Finding
    copy_quote: Markup | None  # the copy's excerpt, changed words in bold; None when absent
    source_quote: Markup | None


def _key(word: str) -> str:
    """A finding type, severity or label made safe for a class name or attribute value."""
    return re.sub(r"[^a-z0-9_]", "-", word.lower())


def _is_http(url: str) -> bool:
    return bool(_HTTP.match(url))


def _template_source(name: str) -> str:
    """A template's text without its line breaks and the whitespace around them: they lay the
    template out for reading, and the page has no whitespace between tags."""
    text = _TEMPLATES.joinpath(name).read_text("utf-8")
    return re.sub(r"\s*\n\s*", "", text)


def template_environment(load: Callable[[str], str], **options: Any) -> Environment:
    """The Jinja2 environment unspin's pages are rendered in (this report and the site report):
    autoescape on (markupsafe the one escaper), an undefined name an error, the `pct` filter and
    the `http_url` test (only http(s) urls become links). `load` gives a template's text."""
    # Imported here: jinja2 takes ~50 ms, and unspin.report is imported for JSON and terminal too.
    from jinja2 import Environment, FunctionLoader, StrictUndefined

    env = Environment(
        loader=FunctionLoader(load), autoescape=True, undefined=StrictUndefined, **options
    )
    env.filters["pct"] = percent
    env.tests["http_url"] = _is_http
    return env


@cache
def _page() -> Template:
    env = template_environment(_template_source)
    env.filters["key"] = _key
    return env.get_template("page.html")


def _spans(text: str, blocks: list[Block], marks: list[Mark]) -> Markup:
    """`text` escaped, each block wrapped whole, each mark nested inside every piece it covers.

    Blocks (sentences) must not overlap each other; marks (findings) may overlap anything, so
    the text is cut at every boundary and each piece opens and closes its own marks: the
    markup stays well-formed however the spans interleave.
    """
    n = len(text)
    clipped: list[Block] = []
    for start, end, tag in sorted(blocks):
        start = max(start, clipped[-1][1] if clipped else 0)
        if start < min(end, n):
            clipped.append((start, min(end, n), tag))
    marks = sorted((max(s, 0), min(e, n), a, i) for s, e, a, i in marks if max(s, 0) < min(e, n))
    cuts = sorted({0, n, *(x for b in clipped for x in b[:2]), *(x for m in marks for x in m[:2])})
    out: list[Markup] = []
    block = 0
    inside = False
    for a, b in pairwise(cuts):
        if inside and clipped[block - 1][1] <= a:
            out.append(Markup("</span>"))
            inside = False
        if block < len(clipped) and clipped[block][0] == a:
            out.append(clipped[block][2])
            block, inside = block + 1, True
        active = [m for m in marks if m[0] <= a and b <= m[1]]
        for start, _, attrs, anchor in active:
            anchor_attr = Markup(' id="{}"').format(anchor) if start == a else ""
            out.append(Markup("<mark {}{}>").format(attrs, anchor_attr))
        out.append(escape(text[a:b]))
        out.append(Markup("</mark>" * len(active)))
    if inside:
        out.append(Markup("</span>"))
    return Markup("").join(out)


def _diffed(text: str, ranges: list[tuple[int, int]]) -> Markup:
    """`text` escaped, each changed range in bold."""
    out: list[Markup] = []
    pos = 0
    for start, end in ranges:
        out.append(escape(text[pos:start]))
        out.append(Markup('<b class="chg">{}</b>').format(text[start:end]))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def _sentence_tag(cls: str, anchor: str, links: str, title: str) -> Markup:
    """A sentence's opening tag; data-links (the counterpart sentences' ids) only when any."""
    links_attr = Markup(' data-links="{}"').format(links) if links else ""
    return Markup('<span class="{}" id="{}"{} title="{}">').format(cls, anchor, links_attr, title)


def _finding_mark(f: Finding, n: int) -> Markup:
    key = _key(f.type)
    return Markup(
        'class="f t-{key} sev-{severity}" data-type="{key}" data-f="{n}" title="{type}: {reason}"'
    ).format(key=key, severity=_key(f.severity), n=n, type=f.type, reason=f.reason)


def _copy_text(report: Report) -> Markup:
    """The copy's text, each sentence labelled with its match, each finding marked."""
    blocks: list[Block] = []
    matches = {m.copy_sentence: m for m in report.alignment.matches}
    for i, sentence in enumerate(report.copy.sentences):
        match = matches.get(i)
        if match is None:
            blocks.append(
                (sentence.start, sentence.end, Markup('<span class="s" id="c{}">').format(i))
            )
            continue
        links = " ".join(f"s{r.source}-{r.sentence}" for r in match.sources)
        ids = ", ".join(dict.fromkeys(report.sources[r.source].id for r in match.sources))
        title = f"{match.label} of {ids} ({match.similarity:.2f})" if ids else match.label
        tag = _sentence_tag(f"s {_key(match.label)}", f"c{i}", links, title)
        blocks.append((sentence.start, sentence.end, tag))
    marks: list[Mark] = [
        (f.copy_span[0], f.copy_span[1], _finding_mark(f, n), f"f{n}c")
        for n, f in enumerate(report.findings)
        if f.copy_span
    ]
    return _spans(report.copy.text, blocks, marks)


def _source_text(report: Report, k: int) -> Markup:
    """Source `k`'s text, each sentence labelled with its use in the copy, each finding marked."""
    doc = report.sources[k].doc
    used: dict[int, list[tuple[int, str]]] = {}  # source sentence -> [(copy sentence, label)]
    for m in report.alignment.matches:
        for r in m.sources:
            if r.source == k:
                used.setdefault(r.sentence, []).append((m.copy_sentence, m.label))
    omitted = {r.sentence for r in report.alignment.omitted if r.source == k}
    blocks: list[Block] = []
    for j, sentence in enumerate(doc.sentences):
        uses = used.get(j, [])
        if j in omitted:
            cls, title = "omitted", "left out of the copy"
        elif uses:
            cls = max((label for _, label in uses), key=lambda x: _LABEL_RANK.get(x, 0))
            title = "used in copy sentence " + ", ".join(str(c + 1) for c, _ in uses)
        else:
            cls, title = "", ""
        links = " ".join(f"c{c}" for c, _ in uses)
        tag = _sentence_tag(f"s {_key(cls)}", f"s{k}-{j}", links, title)
        blocks.append((sentence.start, sentence.end, tag))
    marks: list[Mark] = [
        (f.source_span[0], f.source_span[1], _finding_mark(f, n), f"f{n}s")
        for n, f in enumerate(report.findings)
        if f.source == k and f.source_span
    ]
    return _spans(doc.text, blocks, marks)


def _findings(report: Report) -> list[FindingView]:
    """The findings in copy order, each with its excerpts, the words that differ in bold."""
    views = []
    for n, f in sorted(enumerate(report.findings), key=lambda item: copy_order(item[1])):
        copy_ex, source_ex = excerpts(report, f)
        in_copy, in_source = word_diff(copy_ex, source_ex) if copy_ex and source_ex else ([], [])
        copy_quote = _diffed(copy_ex, in_copy) if f.copy_span else None
        has_source = bool(source_ex) and f.source is not None
        source_quote = _diffed(source_ex, in_source) if has_source else None
        views.append(FindingView(n, f, copy_quote, source_quote))
    return views


def render_html(
    report: Report,
    *,
    script_src: str | None = None,
    style_href: str | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> str:
    """The whole page; `script_src` / `style_href` link the script / style instead of inlining;
    `links` (label, href) go in a bar on top (the web app's way back and permanent links)."""
    return _page().render(
        report=report,
        kind=kind_line(report),
        sources=[
            SourceView(source, parts_line(report, k), _source_text(report, k))
            for k, source in enumerate(report.sources)
        ],
        legend=sorted(Counter(f.type for f in report.findings).items()),
        descriptions=DESCRIPTIONS,
        copy_text=_copy_text(report),
        findings=_findings(report),
        links=links,
        # Package files, not data: inlined as they are.
        script=Markup(SCRIPT),
        style=Markup(STYLE),
        script_src=script_src,
        style_href=style_href,
    )
