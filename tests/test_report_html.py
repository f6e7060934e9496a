"""The HTML report: well-formed markup, sentence links, finding marks, hostile input."""

from __future__ import annotations

from dataclasses import replace
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup, escape

from report_sample import COPY, check_golden, sample_report
from unspin.model import Article, Report, Search, SearchCandidate
from unspin.report.html import SCRIPT, STYLE, _spans, render_html

VOID = {"meta", "link", "input", "br", "img", "hr", "wbr", "source", "area", "base", "col"}


class Page(HTMLParser):
    """Parses the page: every element, balanced-tag errors, and the text of each `.text` div."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.texts: list[str] = []  # the text of each div.text, in page order
        self.marked: dict[str, list[str]] = {}  # data-f -> text inside marks of that finding
        self.script = ""
        self.feed(page)
        self.close()
        assert not self.stack, f"unclosed: {[t for t, _ in self.stack]}"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = (tag, dict(attrs))
        self.elements.append(element)
        if tag == "div" and element[1].get("class") == "text":
            self.texts.append("")
        if tag not in VOID:
            self.stack.append(element)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else None}")
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.stack]
        if "script" in tags:
            self.script += data
        if any(t == "div" and a.get("class") == "text" for t, a in self.stack):
            self.texts[-1] += data
        for finding in {a["data-f"] for t, a in self.stack if t == "mark" and a.get("data-f")}:
            self.marked.setdefault(finding, []).append(data)


def parse(report: Report) -> Page:
    page = Page(render_html(report))
    assert page.errors == []
    return page


def by_id(page: Page) -> dict[str, dict[str, str | None]]:
    ids = [a["id"] for _, a in page.elements if a.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    return {a["id"]: a for _, a in page.elements if a.get("id")}  # type: ignore[misc]


def test_page_is_well_formed_and_keeps_every_text_exactly() -> None:
    report = sample_report()
    page = parse(report)
    assert page.texts == [report.copy.text] + [s.doc.text for s in report.sources]
    assert ("meta", {"charset": "utf-8"}) in page.elements


def test_golden_html() -> None:
    check_golden("report.html", render_html(sample_report()))


def test_sentences_link_both_ways() -> None:
    report = sample_report()
    ids = by_id(parse(report))
    assert ids["c0"]["class"] == "s paraphrase" and ids["c0"]["data-links"] == "s0-0"
    assert ids["c4"]["data-links"] == "s0-3 s1-0"  # a merge from two sources
    assert "data-links" not in ids["c3"] and ids["c3"]["class"] == "s unsourced"
    assert ids["s1-0"]["data-links"] == "c4"
    assert ids["s0-4"]["class"] == "s omitted"
    for element_id, attrs in ids.items():
        for other in (attrs.get("data-links") or "").split():
            assert element_id in (ids[other]["data-links"] or "").split()


def test_each_finding_marks_its_spans_in_both_texts() -> None:
    report = sample_report()
    page = parse(report)
    ids = by_id(page)
    for n, f in enumerate(report.findings):
        pieces = "".join(page.marked.get(str(n), []))
        copy = report.copy.text[f.copy_span[0] : f.copy_span[1]] if f.copy_span else ""
        source = ""
        if f.source is not None and f.source_span:
            source = report.sources[f.source].doc.text[f.source_span[0] : f.source_span[1]]
        assert pieces == copy + source
        for suffix, span in (("c", f.copy_span), ("s", f.source_span)):
            if span:
                mark = ids[f"f{n}{suffix}"]
                assert mark["data-type"] == f.type and f.type in (mark["class"] or "")
                assert mark["title"] == f"{f.type}: {f.reason}"
                assert ("a", {"href": f"#f{n}{suffix}"}) in page.elements


def test_overlapping_findings_nest() -> None:
    page = parse(sample_report())
    # quote_altered (3) contains certainty_shifted (4): split into pieces, never crossed.
    assert "".join(page.marked["3"]).startswith("We will never invade anyone")
    assert page.marked["4"][0] == "will never invade"


def test_legend_has_a_checkbox_per_type_present() -> None:
    report = sample_report()
    page = parse(report)
    boxes = [a["data-type"] for t, a in page.elements if t == "input"]
    assert boxes == sorted({f.type for f in report.findings})
    items = [a["data-type"] for t, a in page.elements if t == "li" and "data-type" in a]
    assert sorted(items) == sorted(f.type for f in report.findings)


def test_self_contained_and_script_is_the_constant() -> None:
    page_text = render_html(sample_report())
    page = parse(sample_report())
    assert page.script == SCRIPT and STYLE in page_text
    assert [t for t, _ in page.elements].count("script") == 1
    assert not any(a.get("src") for _, a in page.elements)  # nothing fetched
    assert [a["href"] for t, a in page.elements if t == "a" and a["href"][0] != "#"] == [
        "https://spun.example/us-troops",
        "https://apnews.com/article/russia-ukraine",
        "https://www.reuters.com/world/uk-embassy",
    ]
    for t, a in page.elements:
        if t == "a" and a["href"][0] != "#":
            assert a["rel"] == "noopener noreferrer nofollow"


def test_script_and_style_can_be_served_as_files() -> None:
    page_text = render_html(
        sample_report(), script_src="/static/report.js", style_href="/static/report.css"
    )
    page = Page(page_text)
    assert page.script == "" and "<style>" not in page_text
    assert ("script", {"src": "/static/report.js", "defer": None}) in page.elements
    assert ("link", {"rel": "stylesheet", "href": "/static/report.css"}) in page.elements


HOSTILE = (
    '<script>alert(1)</script> <img src=x onerror=alert(1)> " onmouseover="alert(1) '
    "' onfocus='alert(1) javascript:alert(1) </mark></span></div>"
)


def hostile_report() -> Report:
    report = sample_report(copy_text=HOSTILE + " " + COPY, title=HOSTILE, url="javascript:alert(1)")
    ap = report.sources[0]
    stranger = Article("", title=HOSTILE, url="javascript:alert(1)", date=HOSTILE, id=HOSTILE)
    ap = replace(
        ap,
        id=HOSTILE,
        carriers=(stranger,),
        doc=replace(
            ap.doc,
            article=replace(ap.doc.article, title=HOSTILE, url="JavaScript:alert(1)", site=HOSTILE),
        ),
    )
    return replace(
        report,
        sources=(ap, *report.sources[1:]),
        findings=tuple(replace(f, reason=HOSTILE, type=f.type + '"><b') for f in report.findings),
        summary=replace(report.summary, verdict=HOSTILE, counts={HOSTILE: 1}),
        search=Search(3, 0.45, (SearchCandidate(stranger, 0.5, HOSTILE),)),
    )


def test_hostile_text_is_escaped_everywhere() -> None:
    report = hostile_report()
    page_text = render_html(report)
    page = parse(report)
    assert [t for t, _ in page.elements].count("script") == 1
    assert [t for t, _ in page.elements].count("img") == 0
    for _, attrs in page.elements:
        assert not any(name.startswith("on") for name in attrs), attrs
        assert not (attrs.get("href") or "").strip().lower().startswith("javascript:")
    assert page.texts[0] == report.copy.text  # shown, as text
    escaped = escape(HOSTILE)
    assert escaped in page_text
    assert HOSTILE not in page_text and "<img" not in page_text
    assert f"<td>{escaped}</td><td>{escaped}</td><td>{escaped}</td><td>0.50</td>" in page_text
    assert f"Also carried, later, by {escaped} ({escaped})" in page_text
    # Not even an inert copy of the raw text: the only "<script" is ours.
    assert page_text.count("<script") == 1


def test_title_and_link_bar_are_escaped_exactly() -> None:
    title = """</title><script>alert("x")</script>'&"""
    page_text = render_html(sample_report(title=title), links=[(title, '/r?a=1&b="2"')])
    assert (
        "<title>unspin: &lt;/title&gt;&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;&#39;&amp;"
        "</title>"
    ) in page_text
    assert (
        '<nav class="links"><a href="/r?a=1&amp;b=&#34;2&#34;">&lt;/title&gt;&lt;script&gt;'
        "alert(&#34;x&#34;)&lt;/script&gt;&#39;&amp;</a></nav>"
    ) in page_text


def test_golden_html_hostile() -> None:
    """The parts the sample leaves out (search table, carriers, link bar, served script and
    style), all with hostile text."""
    page_text = render_html(
        hostile_report(),
        script_src="/static/report.js",
        style_href="/static/report.css",
        links=[("New check", "/"), (HOSTILE, "/reports/x?a=1&b=2")],
    )
    check_golden("report_hostile.html", page_text)


@given(
    st.text(alphabet="ab <&\"'>\n", min_size=1, max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=6),
)
def test_any_spans_give_well_formed_markup_and_the_same_text(
    text: str, blocks: list[tuple[int, int]], marks: list[tuple[int, int]]
) -> None:
    out = _spans(
        text,
        [(s, e, Markup(f'<span class="s" id="b{i}">')) for i, (s, e) in enumerate(blocks)],
        [(s, e, Markup(f'class="f" data-f="{i}"'), f"m{i}") for i, (s, e) in enumerate(marks)],
    )
    page = Page(f'<div class="text">{out}</div>')
    assert page.errors == []
    assert page.texts == [text]
    for i, (s, e) in enumerate(marks):
        s, e = max(s, 0), min(e, len(text))
        assert "".join(page.marked.get(str(i), [])) == (text[s:e] if s < e else "")
