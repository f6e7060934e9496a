"""The report as one self-contained HTML page: summary on top, copy and sources side by side.

Article text, titles, urls, ids and reasons are attacker-controlled: every one goes through
`_esc`, and only http(s) urls become links. The page's script and style are package files
(`SCRIPT`, `STYLE`); a server that forbids inline script can serve them at a URL and pass
`script_src` / `style_href`. The script reads data-* attributes only; no data is written as JS.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from importlib.resources import files
from itertools import pairwise

from unspin.model import Article, Doc, Finding, Report
from unspin.report.diff import word_diff
from unspin.report.schema import FINDING_TYPES, copy_order, excerpts, kind_line, parts_line

SCRIPT = files("unspin").joinpath("templates/report.js").read_text("utf-8")
STYLE = files("unspin").joinpath("templates/report.css").read_text("utf-8")

_HTTP = re.compile(r"https?://", re.IGNORECASE)
_LABEL_RANK = {"verbatim": 3, "paraphrase": 2, "same_fact": 1}

Block = tuple[int, int, str]  # start, end, opening <span ...> tag
Mark = tuple[int, int, str, str]  # start, end, attributes, id for its first piece


def _esc(s: str) -> str:
    return html.escape(s, quote=True)


def _key(word: str) -> str:
    """A finding type, severity or label made safe for a class name or attribute value."""
    return re.sub(r"[^a-z0-9_]", "-", word.lower())


def _url(url: str) -> str:
    if _HTTP.match(url):
        return f'<a href="{_esc(url)}" rel="noopener noreferrer nofollow">{_esc(url)}</a>'
    return _esc(url)


def _links(ids: str) -> str:
    """The data-links attribute (ids of the counterpart sentences), absent when there are none."""
    return f' data-links="{ids}"' if ids else ""


def _pct(share: float) -> str:
    return f"{share:.0%}"


def _spans(text: str, blocks: list[Block], marks: list[Mark]) -> str:
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
    out: list[str] = []
    block = 0
    inside = False
    for a, b in pairwise(cuts):
        if inside and clipped[block - 1][1] <= a:
            out.append("</span>")
            inside = False
        if block < len(clipped) and clipped[block][0] == a:
            out.append(clipped[block][2])
            block, inside = block + 1, True
        active = [m for m in marks if m[0] <= a and b <= m[1]]
        for start, _, attrs, anchor in active:
            out.append(f'<mark {attrs} id="{anchor}">' if start == a else f"<mark {attrs}>")
        out.append(_esc(text[a:b]))
        out.append("</mark>" * len(active))
    if inside:
        out.append("</span>")
    return "".join(out)


def _diffed(s: str, ranges: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for start, end in ranges:
        out.append(_esc(s[pos:start]) + f'<b class="chg">{_esc(s[start:end])}</b>')
        pos = end
    return "".join(out) + _esc(s[pos:])


def _meta(article: Article, *extra: str) -> str:
    parts = [_url(article.url)] if article.url else []
    parts += [_esc(x) for x in (article.date, article.site, article.author) if x]
    return f'<p class="meta">{" · ".join(parts + list(extra))}</p>'


def _finding_mark(f: Finding, n: int) -> str:
    key = _key(f.type)
    return (
        f'class="f t-{key} sev-{_key(f.severity)}" data-type="{key}" data-f="{n}" '
        f'title="{_esc(f.type)}: {_esc(f.reason)}"'
    )


def _summary(report: Report) -> str:
    s = report.summary
    rows = [
        ("Reuse", s.reuse_share),
        ("Verbatim", s.verbatim_share),
        ("Paraphrase", s.paraphrase_share),
        ("Same fact, not copied", s.same_fact_share),
        ("Unsourced", s.unsourced_share),
        ("Source coverage", s.source_coverage),
        ("Fidelity", s.fidelity),
    ]
    shares = "".join(
        f'<dt>{name}</dt><dd><meter min="0" max="1" value="{value:.4f}"></meter></dd>'
        f"<dd>{_pct(value)}</dd>"
        for name, value in rows
    )
    counts = "".join(f"<li>{_esc(t)}: {c}</li>" for t, c in sorted(s.counts.items()))
    kind = (
        f'<p class="kind">{_esc(kind_line(report))}</p>'
        + "".join(
            f'<p class="parts">{_esc(source.id)}: {_esc(parts_line(report, k))}</p>'
            for k, source in enumerate(report.sources)
        )
        if report.sources
        else ""
    )
    return (
        f'<header class="summary"><h1>unspin report</h1>'
        f'<p class="verdict">{_esc(s.verdict)}</p>{kind}<dl class="shares">{shares}</dl>'
        f'<ul class="counts">{counts or "<li>No findings</li>"}</ul></header>'
    )


def _legend(report: Report) -> str:
    labels = "".join(
        f'<span class="swatch {c}">{c}</span>'
        for c in ("verbatim", "paraphrase", "same_fact", "unsourced", "omitted")
    )
    types = sorted({f.type for f in report.findings})
    boxes = "".join(
        f'<label title="{_esc(FINDING_TYPES.get(t, ""))}"><input type="checkbox" checked '
        f'data-type="{_key(t)}"> {_esc(t)} ({sum(f.type == t for f in report.findings)})</label>'
        for t in types
    )
    return (
        f'<fieldset class="legend"><legend>Sentences</legend>{labels}</fieldset>'
        f'<fieldset class="legend"><legend>Findings (high, medium, low: '
        f'<span class="badge sev-high">h</span> <span class="badge sev-medium">m</span> '
        f'<span class="badge sev-low">l</span>)</legend>{boxes or "none"}</fieldset>'
    )


def _copy_pane(report: Report) -> str:
    copy = report.copy
    blocks: list[Block] = []
    matches = {m.copy_sentence: m for m in report.alignment.matches}
    for i, sentence in enumerate(copy.sentences):
        match = matches.get(i)
        if match is None:
            blocks.append((sentence.start, sentence.end, f'<span class="s" id="c{i}">'))
            continue
        links = " ".join(f"s{r.source}-{r.sentence}" for r in match.sources)
        ids = ", ".join(dict.fromkeys(report.sources[r.source].id for r in match.sources))
        title = f"{match.label} of {ids} ({match.similarity:.2f})" if ids else match.label
        blocks.append(
            (
                sentence.start,
                sentence.end,
                f'<span class="s {_key(match.label)}" id="c{i}"{_links(links)} '
                f'title="{_esc(title)}">',
            )
        )
    marks: list[Mark] = [
        (f.copy_span[0], f.copy_span[1], _finding_mark(f, n), f"f{n}c")
        for n, f in enumerate(report.findings)
        if f.copy_span
    ]
    a = copy.article
    return (
        f'<article class="pane copy"><h2>Copy: {_esc(a.title or "(untitled)")}</h2>'
        f'{_meta(a)}<div class="text">{_spans(copy.text, blocks, marks)}</div></article>'
    )


def _source(report: Report, k: int) -> str:
    source = report.sources[k]
    doc: Doc = source.doc
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
        blocks.append(
            (
                sentence.start,
                sentence.end,
                f'<span class="s {_key(cls)}" id="s{k}-{j}"{_links(links)} title="{_esc(title)}">',
            )
        )
    marks: list[Mark] = [
        (f.source_span[0], f.source_span[1], _finding_mark(f, n), f"f{n}s")
        for n, f in enumerate(report.findings)
        if f.source == k and f.source_span
    ]
    a = doc.article
    carriers = ""
    if source.carriers:
        names = ", ".join(f"{_esc(c.id)} ({_esc(c.date or 'undated')})" for c in source.carriers)
        carriers = f'<p class="meta">Also carried, later, by {names}</p>'
    return (
        f'<article class="source" id="src{k}"><h3>{_esc(source.id)}: '
        f"{_esc(a.title or '(untitled)')}</h3>"
        f"{_meta(a, f'score {source.score:.2f}', f'share {_pct(source.share)}')}{carriers}"
        f'<div class="text">{_spans(doc.text, blocks, marks)}</div></article>'
    )


def _search(report: Report) -> str:
    """How the sources were found: the corpus size and the closest stories weighed."""
    search = report.search
    if search is None:
        return ""
    rows = "".join(
        f"<tr><td>{_esc(c.article.id)}</td><td>{_esc(c.article.title)}</td>"
        f"<td>{_esc(c.article.date)}</td><td>{c.score:.2f}</td><td>{_esc(c.note)}</td></tr>"
        for c in search.candidates
        if c.score > 0
    )
    table = (
        "<table><thead><tr><th>id</th><th>title</th><th>date</th><th>score</th>"
        f"<th>what became of it</th></tr></thead><tbody>{rows}</tbody></table>"
        if rows
        else "<p>No story of the corpus explains any of the copy.</p>"
    )
    return (
        f'<details class="search"{"" if report.sources else " open"}>'
        f"<summary>Searched {search.corpus_size:,} stories: the closest</summary>{table}</details>"
    )


def _findings(report: Report) -> str:
    items = []
    for n, f in sorted(enumerate(report.findings), key=lambda item: copy_order(item[1])):
        copy_ex, source_ex = excerpts(report, f)
        in_copy, in_source = word_diff(copy_ex, source_ex) if copy_ex and source_ex else ([], [])
        evidence = ""
        if f.copy_span:
            evidence += (
                f'<span class="excerpt"><a href="#f{n}c">copy</a>: '
                f"<q>{_diffed(copy_ex, in_copy)}</q></span>"
            )
        if source_ex and f.source is not None:
            evidence += (
                f'<span class="excerpt"><a href="#f{n}s">{_esc(report.sources[f.source].id)}</a>: '
                f"<q>{_diffed(source_ex, in_source)}</q></span>"
            )
        sev = _key(f.severity)
        items.append(
            f'<li data-type="{_key(f.type)}"><span class="badge sev-{sev}">{sev}</span> '
            f"<b>{_esc(f.type)}</b> {_esc(f.reason)}{evidence}</li>"
        )
    return (
        f'<section class="findings"><h2>Findings ({len(items)})</h2>'
        f"<ol>{''.join(items)}</ol></section>"
    )


def render_html(
    report: Report,
    *,
    script_src: str | None = None,
    style_href: str | None = None,
    links: Sequence[tuple[str, str]] = (),
) -> str:
    """The whole page; `script_src` / `style_href` link the script / style instead of inlining;
    `links` (label, href) go in a bar on top (the web app's way back and permanent links)."""
    style = (
        f'<link rel="stylesheet" href="{_esc(style_href)}">'
        if style_href
        else f"<style>{STYLE}</style>"
    )
    script = (
        f'<script src="{_esc(script_src)}" defer></script>'
        if script_src
        else f"<script>{SCRIPT}</script>"
    )
    sources = "".join(_source(report, k) for k in range(len(report.sources)))
    bar = "".join(f'<a href="{_esc(href)}">{_esc(label)}</a>' for label, href in links)
    nav = f'<nav class="links">{bar}</nav>' if bar else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>unspin: {_esc(report.copy.article.title or 'report')}</title>{style}</head>"
        f"<body>{nav}{_summary(report)}{_search(report)}{_legend(report)}"
        f'<main class="panes">{_copy_pane(report)}<div class="pane sources">{sources}</div></main>'
        f"{_findings(report)}{script}</body></html>\n"
    )
