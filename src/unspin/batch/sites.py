"""Site reports of a scan (`unspin report DIR --html FILE`): one self-contained HTML page.

Per site: the share of its pages of each kind (verbatim, spun, partial or stitched copies, or
not copies) and the share of its copies that credit an outlet; the outlets it copies most; the
distortions it commits most, per 1,000 sentences; its worst pages, each linked to its full
side-by-side report (rendered from the report the scan stored, into FILE's folder). Charts are
matplotlib SVG, embedded as images (an SVG in an <img> runs no script); every name and title
is attacker-controlled and escaped.
"""

from __future__ import annotations

import base64
import html
import io
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from unspin import finding_types
from unspin.batch.output import ScanOutput
from unspin.model import KINDS
from unspin.report import render_html, report_from_dict

WORST_PAGES = 10  # per site
TOP_SITES = 30  # sites shown, by pages
# Finding types that change meaning: all but unsourced and omitted sentences.
DISTORTIONS = finding_types.DISTORTIONS
_COLOURS = {
    "verbatim copy": "#9aa0a6",
    "spun copy": "#e37400",
    "partial copy": "#f9ab00",
    "stitched copy": "#a142f4",
    "not a copy": "#34a853",
}
_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem;
  color: #202124; }
table { border-collapse: collapse; font-size: .9rem; margin: .5rem 0 1rem; }
td, th { border-bottom: 1px solid #ddd; padding: .2rem .6rem; text-align: left;
  vertical-align: top; overflow-wrap: anywhere; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
section.site { border-top: 2px solid #ddd; margin-top: 1.5rem; }
img.chart { max-width: 100%; }
"""


@dataclass(frozen=True)
class SiteTables:
    pages: pd.DataFrame
    sources: pd.DataFrame
    findings: pd.DataFrame


def load(folder: Path) -> SiteTables:
    output = ScanOutput(folder)
    return SiteTables(
        output.table("pages").to_pandas(),
        output.table("sources").to_pandas(),
        output.table("findings").to_pandas(),
    )


def kind_shares(t: SiteTables) -> pd.DataFrame:
    """Per site: pages, the share of each kind, and the share of its copies that credit an
    outlet ("credited")."""
    counts = pd.crosstab(t.pages["site"], t.pages["kind"]).reindex(
        columns=list(KINDS), fill_value=0
    )
    shares = counts.div(counts.sum(axis=1), axis=0)
    shares.insert(0, "pages", counts.sum(axis=1))
    copies = t.pages[t.pages["kind"] != "not a copy"]
    credited = copies.groupby("site")["credited"].mean()
    shares["credited"] = shares.index.map(credited).fillna(0.0)
    return shares.sort_values("pages", ascending=False)


def copied_outlets(t: SiteTables) -> pd.DataFrame:
    """Per site and outlet copied (the site of each page's first source): pages."""
    first = t.sources[t.sources["rank"] == 0][["page_id", "site"]].rename(
        columns={"site": "outlet"}
    )
    joined = t.pages[["page_id", "site"]].merge(first, on="page_id")
    joined["outlet"] = joined["outlet"].replace("", "(no site given)")
    return joined.groupby(["site", "outlet"]).size().rename("pages").reset_index()


def distortion_rates(t: SiteTables) -> pd.DataFrame:
    """Per site and distortion type: findings per 1,000 sentences of the site's copies (pages
    with a source)."""
    copies = t.pages[t.pages["kind"] != "not a copy"]
    sentences = copies.groupby("site")["sentences"].sum()
    found = t.findings[t.findings["type"].isin(DISTORTIONS)].merge(
        copies[["page_id", "site"]], on="page_id"
    )
    if found.empty:  # a scan with no copies yet (or none with distortions)
        return pd.DataFrame({"site": [], "type": [], "findings": [], "per_1000": []})
    counts = found.groupby(["site", "type"]).size().rename("findings").reset_index()
    counts["per_1000"] = 1000 * counts["findings"] / counts["site"].map(sentences)
    return counts


def worst_pages(t: SiteTables, site: str, n: int = WORST_PAGES) -> pd.DataFrame:
    """A site's copies with the most meaning changes per sentence."""
    pages = t.pages[(t.pages["site"] == site) & (t.pages["kind"] != "not a copy")]
    serious = t.findings[
        t.findings["type"].isin(DISTORTIONS) & t.findings["severity"].isin(["high", "medium"])
    ]
    changes = serious.groupby("page_id").size()
    pages = pages.assign(changes=pages["page_id"].map(changes).fillna(0).astype(int))
    pages = pages[pages["changes"] > 0]
    pages = pages.assign(per_sentence=pages["changes"] / pages["sentences"].clip(lower=1))
    return pages.sort_values(["per_sentence", "changes"], ascending=False).head(n)


# --- the page --------------------------------------------------------------------------------


def _esc(s: object) -> str:
    return html.escape(str(s), quote=True)


def _svg(figure) -> str:  # type: ignore[no-untyped-def]
    """A matplotlib figure as an <img> of its SVG (no script runs in an image)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode("ascii")
    return f'<img class="chart" alt="chart" src="data:image/svg+xml;base64,{data}">'


def _figure(width: float, height: float):  # type: ignore[no-untyped-def]
    """A new figure and its axes, drawn without a display."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt.subplots(figsize=(width, height))


def _kinds_chart(shares: pd.DataFrame) -> str:
    shown = shares.head(TOP_SITES).iloc[::-1]
    figure, axes = _figure(9, 0.35 * len(shown) + 1.2)
    left = pd.Series(0.0, index=shown.index)
    for kind in KINDS:
        axes.barh(
            [str(s)[:40] for s in shown.index],
            shown[kind],
            left=left,
            color=_COLOURS[kind],
            label=kind,
        )
        left += shown[kind]
    axes.set_xlim(0, 1)
    axes.set_xlabel("share of the site's pages")
    axes.legend(ncol=4, loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    return _svg(figure)


def _rates_chart(rates: pd.DataFrame, site: str) -> str:
    mine = rates[rates["site"] == site].sort_values("per_1000")
    figure, axes = _figure(7, 0.3 * len(mine) + 1)
    axes.barh(mine["type"].str.replace("_", " "), mine["per_1000"], color="#c5221f")
    axes.set_xlabel("findings per 1,000 sentences")
    return _svg(figure)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    """A table of cells already made (escaped) by _cell, _n or by hand."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(f"<tr>{''.join(cells)}</tr>" for cells in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _n(value: object) -> str:
    return f'<td class="n">{_esc(value)}</td>'


def _cell(value: object) -> str:
    return f"<td>{_esc(value)}</td>"


def write_page_report(row: pd.Series, folder: Path) -> str:
    """The page's full side-by-side report, rendered from the report the scan stored (nothing
    is analysed again); its file name."""
    report = report_from_dict(json.loads(row["report"]))
    name = f"page-{row['page_id']}.html"
    (folder / name).write_text(render_html(report), encoding="utf-8")
    return name


def _about(folder: Path) -> str:
    """Which scan this is, and whether it went through all its inputs: a report of an
    interrupted scan must not pass for the whole crawl."""
    settings = ScanOutput(folder).settings()
    inputs = ", ".join(settings.get("inputs", [])) or "(none recorded)"
    about = (
        f"<p>Inputs: {_esc(inputs)}. Corpus: {_esc(settings.get('corpus', ''))}. "
        f"unspin {_esc(settings.get('unspin') or '(version not recorded)')}, "
        f"started {_esc(settings.get('started') or '(not recorded)')}"
    )
    if settings.get("completed"):
        return about + f", completed {_esc(settings.get('finished') or '')}.</p>"
    if "completed" not in settings:  # a scan of an older version: it did not say
        return about + "; whether it completed was not recorded.</p>"
    resume = f"unspin scan --resume --out {folder}"
    return (
        about + '.</p><p class="warning" role="alert"><b>This scan did not complete</b>: '
        f"it was interrupted, or is still running, and these figures cover only the pages "
        f"checked so far. Go on with <code>{_esc(resume)}</code>.</p>"
    )


def render_sites(folder: Path, out: Path) -> str:
    """The site report of the scan in `folder` as HTML; page reports are written beside `out`."""
    t = load(folder)
    shares = kind_shares(t)
    outlets = copied_outlets(t)
    rates = distortion_rates(t)
    pages_folder = out.parent / (out.stem + "-pages")
    parts = [
        f"<h1>unspin scan: {len(t.pages):,} pages from {len(shares):,} sites</h1>",
        _about(folder),
        "<p>Kinds: a <b>verbatim copy</b> copied its source word for word and changed nothing; "
        "a <b>spun copy</b> rewrites a source or changes its meaning; a <b>partial copy</b> "
        "takes less than 30% of itself from its sources; a "
        "<b>stitched copy</b> takes parts from two or more; <b>not a copy</b>: no source in the "
        "corpus. <b>Credited</b>: the share of a site's copies that name an outlet as their "
        'story\'s source (a dateline\'s "(AP)", "the BBC reported", a byline).</p>',
        _kinds_chart(shares) if len(shares) else "",
    ]
    rows = [
        [
            _cell(site),
            _n(f"{int(r['pages']):,}"),
            *(_n(f"{r[k]:.0%}") for k in (*KINDS, "credited")),
        ]
        for site, r in shares.head(TOP_SITES).iterrows()
    ]
    parts.append(_table(["site", "pages", *KINDS, "credited"], rows))
    for site in shares.head(TOP_SITES).index:
        parts.append(f'<section class="site"><h2>{_esc(site or "(no site)")}</h2>')
        mine = outlets[outlets["site"] == site].sort_values("pages", ascending=False).head(5)
        if len(mine):
            pairs = zip(mine["outlet"], mine["pages"], strict=True)
            copied = ", ".join(f"{_esc(o)} ({p:,})" for o, p in pairs)
            parts.append(f"<p><b>Copies most:</b> {copied}</p>")
        if (rates["site"] == site).any():
            parts.append(_rates_chart(rates, site))
        worst = worst_pages(t, site)
        if len(worst):
            pages_folder.mkdir(parents=True, exist_ok=True)
            rows = []
            for _, row in worst.iterrows():
                link = f"{pages_folder.name}/{write_page_report(row, pages_folder)}"
                name = row["title"] or row["url"] or row["record"]
                title = f'<a href="{_esc(link)}">{_esc(name)}</a>'
                rows.append(
                    [
                        f"<td>{title}</td>",
                        _n(row["changes"]),
                        _n(row["sentences"]),
                        _cell(row["verdict"]),
                    ]
                )
            parts.append("<h3>Worst pages</h3>")
            parts.append(_table(["page", "meaning changes", "sentences", "verdict"], rows))
        parts.append("</section>")
    csp = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        f"<title>unspin scan report</title><style>{_STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
