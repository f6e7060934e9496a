"""Site reports of a scan (`unspin report DIR --html FILE`): one self-contained HTML page.

Sections: an overview ranking the sites on one scale (kinds of copy, meaning changes per 1,000
copied sentences, share of copies with a high-severity finding, outlets copied); every page,
filterable by site, kind and finding type, each linked to its side-by-side report (rendered
from the report the scan stored, into a folder beside FILE); per site, an example of each
finding type it commits; pages and distortion rate per ISO week; the wire stories copied by
two or more sites, side by side by site; and what was scanned, with every skipped record.

The arithmetic is pandas functions returning DataFrames (unit-tested on small tables). The
page is the template batch/templates/sites.html, rendered by Jinja2 with autoescape on: every
site name, title, URL and excerpt is attacker-controlled. Charts are matplotlib SVG embedded as
images (an SVG in an <img> runs no script). The page's one inline script (sorting, filters, CSV
export of the rows shown) is allowed by the Content-Security-Policy through its sha256 hash,
computed here; without it the page reads and prints whole.
"""

from __future__ import annotations

import base64
import hashlib
import io
import json
import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pandas as pd

from unspin import finding_types
from unspin.batch.output import SCHEMAS, ScanOutput
from unspin.errors import InputError, UnspinError
from unspin.model import KINDS
from unspin.report import render_html, report_from_dict
from unspin.report.html import template_environment
from unspin.text import one_line

if TYPE_CHECKING:
    from jinja2 import Template
    from matplotlib.figure import Figure

TOP_SITES = 30  # sites in the overview's chart, those with most pages (the table lists all)
TREND_SITES = 6  # sites in the weekly chart, by pages
TOP_OUTLETS = 3  # outlets named per site in the overview
# Finding types that change meaning: all but unsourced and omitted sentences.
DISTORTIONS = finding_types.DISTORTIONS
ORIGINAL = "not a copy"
# One colour per kind, in the charts and the tables' swatches alike.
KIND_COLOURS = {
    "verbatim copy": "#9aa0a6",
    "spun copy": "#e37400",
    "partial copy": "#f9ab00",
    "stitched copy": "#a142f4",
    "not a copy": "#34a853",
}
_SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_CSV_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what a spreadsheet would run as a formula
_TEMPLATES = files("unspin.batch").joinpath("templates")


@dataclass(frozen=True)
class ScanTables:
    """A scan's tables, every text column's nulls as "" (columns older scans lack are null)."""

    pages: pd.DataFrame
    sources: pd.DataFrame
    findings: pd.DataFrame
    errors: pd.DataFrame


def _filled(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    text = [f.name for f in SCHEMAS[table] if str(f.type) == "string"]
    return frame.fillna(dict.fromkeys(text, ""))


# Kinds that scans of versions before 2026-12-04 recorded, as today's kind and credit: a page
# of a kind the tables do not know would be left out of its site's figures.
_OLD_KINDS = {"original": (ORIGINAL, False), "attributed rewrite": ("spun copy", True)}


def load(folder: Path) -> ScanTables:
    output = ScanOutput(folder)
    read = {name: _filled(output.table(name).to_pandas(), name) for name in SCHEMAS}
    pages = read["pages"]
    old = pages["kind"].isin(list(_OLD_KINDS))
    if old.any():
        now = pages.loc[old, "kind"].map(_OLD_KINDS)
        pages.loc[old, "credited"] = [credited for _, credited in now]
        pages.loc[old, "kind"] = [kind for kind, _ in now]
    return ScanTables(pages, read["sources"], read["findings"], read["errors"])


# --- the tables -------------------------------------------------------------------------------


def _per_page(t: ScanTables, findings: pd.DataFrame) -> pd.Series:
    """How many of `findings` each page has, by page id (0 for none)."""
    return t.pages["page_id"].map(findings.groupby("page_id").size()).fillna(0).astype(int)


def _outlets(t: ScanTables) -> pd.DataFrame:
    """Each page's main source (rank 0): page_id, source (its id), outlet (its site)."""
    first = t.sources[t.sources["rank"] == 0]
    return pd.DataFrame(
        {
            "page_id": first["page_id"],
            "source": first["source_id"],
            "outlet": first["site"].replace("", "(no site given)"),
        }
    )


def overview(t: ScanTables) -> pd.DataFrame:
    """One row per site, ranked: meaning changes per 1,000 copied sentences, then copies.

    Columns: pages; copied (share of pages that are copies); the share of pages of each kind;
    credited (share of copies that credit an outlet); changes (meaning changes in copies);
    per_1000 (of them, per 1,000 sentences of copies); high (share of copies with a
    high-severity finding); outlets (the outlets copied most, with pages)."""
    pages = t.pages.assign(
        changes=_per_page(t, t.findings[t.findings["type"].isin(DISTORTIONS)]),
        high=_per_page(t, t.findings[t.findings["severity"] == "high"]) > 0,
        copy=t.pages["kind"] != ORIGINAL,
    )
    counts = pd.crosstab(pages["site"], pages["kind"]).reindex(columns=list(KINDS), fill_value=0)
    table = counts.div(counts.sum(axis=1), axis=0)
    table.insert(0, "pages", counts.sum(axis=1))
    table.insert(1, "copied", (table["pages"] - counts[ORIGINAL]) / table["pages"])
    copies = pages[pages["copy"]].groupby("site")
    table["credited"] = copies["credited"].mean()
    table["changes"] = copies["changes"].sum()
    sentences = copies["sentences"].sum()
    table["per_1000"] = 1000 * table["changes"] / sentences.clip(lower=1)
    table["high"] = copies["high"].mean()
    table = table.fillna({"credited": 0.0, "changes": 0, "per_1000": 0.0, "high": 0.0})
    table["changes"] = table["changes"].astype(int)
    copied = pages[["page_id", "site"]].merge(_outlets(t), on="page_id")
    by_outlet = copied.groupby(["site", "outlet"]).size().rename("n").reset_index()
    by_outlet = by_outlet.sort_values(["site", "n", "outlet"], ascending=[True, False, True])
    top = by_outlet.groupby("site").head(TOP_OUTLETS)
    labels = top["outlet"] + " (" + top["n"].astype(str) + ")"
    table["outlets"] = labels.groupby(top["site"]).agg(", ".join)
    table["outlets"] = table["outlets"].fillna("")
    table["copies"] = table["pages"] * table["copied"]
    table = table.sort_values(["per_1000", "copies", "pages"], ascending=False, kind="stable")
    table.index.name = "site"
    return table.drop(columns="copies")


def finding_columns(t: ScanTables) -> list[str]:
    """The finding types this scan found, in the order reports list them."""
    found = set(t.findings["type"])
    return [name for name in finding_types.NAMES if name in found]


PAGE_COLUMNS = (
    "page_id",
    "site",
    "url",
    "title",
    "date",
    "kind",
    "credited",
    "source",
    "outlet",
    "sentences",
    "changes",
)  # then one column per finding type found (finding_columns)


def page_table(
    t: ScanTables, site: str | None = None, kind: str | None = None, finding: str | None = None
) -> pd.DataFrame:
    """Every page, or those of a site, of a kind, with a finding type: the site report's page
    table and `unspin report --export`, the same rows and columns. Sorted by site, then meaning
    changes (most first), then URL."""
    types = finding_columns(t)
    table = t.pages.merge(_outlets(t), on="page_id", how="left").fillna(
        {"source": "", "outlet": ""}
    )
    for name in types:
        of_type = t.findings[t.findings["type"] == name].groupby("page_id").size()
        table[name] = table["page_id"].map(of_type).fillna(0).astype(int)
    table["changes"] = table[[c for c in types if c in DISTORTIONS]].sum(axis=1).astype(int)
    table["credited"] = table["credited"].map({True: "yes", False: "no"}).fillna("")
    if site is not None:
        table = table[table["site"] == site]
    if kind is not None:
        table = table[table["kind"] == kind]
    if finding is not None:
        table = table[table[finding] > 0] if finding in types else table.iloc[:0]
    table = table.sort_values(["site", "changes", "url"], ascending=[True, False, True])
    return table[[*PAGE_COLUMNS, *types]].reset_index(drop=True)


def _worst_first(findings: pd.DataFrame) -> pd.DataFrame:
    """Findings ordered worst first: meaning changes before added or left-out sentences, then
    by severity; in page and finding order within those."""
    return findings.assign(
        _sentence=~findings["type"].isin(DISTORTIONS),
        _severity=findings["severity"].map(_SEVERITY_ORDER).fillna(3),
    ).sort_values(["_sentence", "_severity", "page_id", "finding"], kind="stable")


def examples(t: ScanTables) -> pd.DataFrame:
    """Per site and finding type it commits: pages with it, findings, and its worst finding
    (page_id, severity, reason, copy_text, source_text) as the example."""
    found = t.findings.merge(t.pages[["page_id", "site"]], on="page_id")
    if found.empty:
        columns = ["site", "type", "pages", "findings", "page_id", "severity", "reason"]
        return pd.DataFrame(columns=[*columns, "copy_text", "source_text"])
    groups = found.groupby(["site", "type"])
    summary = pd.DataFrame({"pages": groups["page_id"].nunique(), "findings": groups.size()})
    worst = _worst_first(found).groupby(["site", "type"]).head(1).set_index(["site", "type"])
    columns = ["page_id", "severity", "reason", "copy_text", "source_text"]
    table = summary.join(worst[columns]).reset_index()
    order = {name: k for k, name in enumerate(finding_types.NAMES)}
    table = table.assign(_order=table["type"].map(order)).sort_values(["site", "_order"])
    return table.drop(columns="_order").reset_index(drop=True)


def weekly(t: ScanTables) -> tuple[pd.DataFrame, int]:
    """Per site and ISO week of the pages' dates: pages, copies, meaning changes in copies and
    their rate per 1,000 copied sentences (NaN without copies); and how many pages have no date
    it can read."""
    dates = pd.to_datetime(t.pages["date"], errors="coerce", utc=True, format="ISO8601")
    dated = t.pages.assign(
        _date=dates,
        copy=t.pages["kind"] != ORIGINAL,
        changes=_per_page(t, t.findings[t.findings["type"].isin(DISTORTIONS)]),
    )[dates.notna()]
    undated = len(t.pages) - len(dated)
    if dated.empty:
        columns = ["site", "week", "week_start", "pages", "copies", "changes", "per_1000"]
        return pd.DataFrame(columns=columns), undated
    calendar = dated["_date"].dt.isocalendar()
    dated = dated.assign(
        week=calendar["year"].astype(str) + "-W" + calendar["week"].astype(str).str.zfill(2),
        week_start=(dated["_date"].dt.tz_localize(None).dt.normalize())
        - pd.to_timedelta(calendar["day"].astype(int) - 1, unit="D"),
        copy_sentences=dated["sentences"].where(dated["copy"], 0),
        copy_changes=dated["changes"].where(dated["copy"], 0),
    )
    groups = dated.groupby(["site", "week", "week_start"])
    table = pd.DataFrame(
        {
            "pages": groups.size(),
            "copies": groups["copy"].sum().astype(int),
            "changes": groups["copy_changes"].sum().astype(int),
            # None for a week without copies: no rate, rather than a rate of 0
            "per_1000": 1000
            * groups["copy_changes"].sum()
            / groups["copy_sentences"].sum().where(lambda n: n > 0),
        }
    ).reset_index()
    table["week_start"] = table["week_start"].dt.strftime("%Y-%m-%d")
    return table.sort_values(["site", "week"]).reset_index(drop=True), undated


def shared_stories(t: ScanTables) -> pd.DataFrame:
    """The wire stories (main sources) that pages of two or more sites copied: one row per story
    and site, with the story's title, outlet and date, how many sites copied it, the site's
    pages, their kinds, meaning changes, findings by type ("number_changed 2, ...") and its
    worst finding (page_id, type, reason, copy_text, source_text). Stories copied by most sites
    first."""
    first = t.sources[t.sources["rank"] == 0][["page_id", "source_id", "title", "site", "date"]]
    first = first.rename(columns={"title": "story_title", "site": "outlet", "date": "story_date"})
    copies = t.pages[["page_id", "site", "kind"]].merge(first, on="page_id")
    sites = copies.groupby("source_id")["site"].nunique()
    copies = copies.assign(sites=copies["source_id"].map(sites))
    copies = copies[copies["sites"] >= 2]
    columns = ["source_id", "story_title", "outlet", "story_date", "sites", "site", "pages"]
    columns += [
        "kinds",
        "changes",
        "types",
        "page_id",
        "type",
        "reason",
        "copy_text",
        "source_text",
    ]
    if copies.empty:
        return pd.DataFrame(columns=columns)
    found = t.findings.merge(copies[["page_id", "source_id", "site"]], on="page_id")
    keys = ["source_id", "site"]
    groups = copies.groupby(keys)
    table = pd.DataFrame(
        {
            "pages": groups.size(),
            "kinds": groups["kind"].agg(lambda k: ", ".join(sorted(set(k)))),
        }
    ).join(groups[["story_title", "outlet", "story_date", "sites"]].first())
    changes = found[found["type"].isin(DISTORTIONS)].groupby(keys).size()
    table["changes"] = changes.reindex(table.index, fill_value=0).astype(int)
    order = {name: k for k, name in enumerate(finding_types.NAMES)}
    by_type = found.groupby([*keys, "type"]).size().rename("n").reset_index()
    by_type = by_type.assign(_order=by_type["type"].map(order)).sort_values([*keys, "_order"])
    labels = by_type["type"] + " " + by_type["n"].astype(str)
    table["types"] = labels.groupby([by_type[k] for k in keys]).agg(", ".join)
    worst = _worst_first(found).groupby(keys).head(1).set_index(keys)
    worst_columns = ["page_id", "type", "reason", "copy_text", "source_text"]
    table = table.join(worst[worst_columns]).fillna(dict.fromkeys(["types", *worst_columns], ""))
    table = table.reset_index().sort_values(
        ["sites", "source_id", "changes", "site"], ascending=[False, True, False, True]
    )
    # A row without findings links the site's first page of the story.
    first_page = copies.sort_values("page_id").groupby(keys)["page_id"].first()
    table["page_id"] = [
        pid or first_page[(s, site)]
        for pid, s, site in zip(table["page_id"], table["source_id"], table["site"], strict=True)
    ]
    return table[columns].reset_index(drop=True)


def skipped(t: ScanTables) -> pd.DataFrame:
    """The skipped records by kind of reason (`reason_kind`), most common first: reason,
    records. The list of skipped records gives each one's reason whole."""
    kinds = t.errors["reason"].map(reason_kind).rename("reason")
    counts = t.errors.groupby(kinds).size().rename("records").reset_index()
    return counts.sort_values(["records", "reason"], ascending=[False, True]).reset_index(drop=True)


# What varies from one skipped record to the next within one kind of reason: details in
# parentheses (one level of nesting), URLs, and the first capture a duplicate repeats.
_REASON_DETAIL = re.compile(r" ?\([^()]*(?:\([^()]*\)[^()]*)*\)")
_URL_IN_REASON = re.compile(r"https?://\S*[^\s:,;.]")  # not the colon after it
_DUPLICATE = re.compile(r"^(an exact duplicate) of .*", re.DOTALL)


def reason_kind(reason: str) -> str:
    """A skipped record's reason without what is its own: "not HTML (image/png)" is "not
    HTML", "an exact duplicate of crawl.warc.gz@1834" "an exact duplicate", "cannot fetch
    https://x.example/a: timed out after 10 s" "cannot fetch URL: timed out after 10 s"."""
    kind = _DUPLICATE.sub(r"\1", reason)
    kind = _URL_IN_REASON.sub("URL", _REASON_DETAIL.sub("", kind))
    return kind.strip() or reason


def export(table: pd.DataFrame, path: Path) -> None:
    """Write a page table as CSV or Parquet, by `path`'s suffix. CSV cells a spreadsheet would
    run as a formula (= + - @) are written with a leading apostrophe, as the page's export."""
    suffix = path.suffix.lower()
    if suffix == ".parquet":
        table.to_parquet(path, index=False)
    elif suffix == ".csv":
        text = table.select_dtypes(exclude="number").columns
        table.assign(**{c: table[c].map(csv_safe) for c in text}).to_csv(path, index=False)
    else:
        raise InputError(f"{path}: export to a .csv or .parquet file")


def csv_safe(value: str) -> str:
    return "'" + value if value.startswith(_CSV_FORMULA) else value


# --- the page --------------------------------------------------------------------------------


def _svg(figure: Figure) -> str:
    """A matplotlib figure as a data: URL of its SVG (no script runs in an <img>)."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight")
    plt.close(figure)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _pyplot():  # type: ignore[no-untyped-def]
    """pyplot, drawing without a display."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams["svg.fonttype"] = "none"  # text as text: smaller, and selectable
    # Site names are the pages' own words: "$...$" in one must not be read as math (a name
    # that is bad TeX made the whole report fail).
    plt.rcParams["text.parse_math"] = False
    return plt


def _label(site: str, width: int = 32) -> str:
    """A site's name as a chart shows it: cut to `width`, its unprintable characters as "?"
    (a control character makes the SVG unreadable, and a hostile page picks its site name)."""
    return one_line(site, width) or "(no site)"


def overview_chart(table: pd.DataFrame) -> str:
    """The top sites on two common axes: the share of their pages of each kind (stacked, with
    the shares labelled), and meaning changes per 1,000 copied sentences (labelled)."""
    # The sites with most pages, in the table's order: ranked by rate alone, thirty sites of
    # one page each with one change would push a farm of hundreds of pages off the chart.
    most = table.sort_values("pages", ascending=False, kind="stable").head(TOP_SITES).index
    shown = table[table.index.isin(most)].iloc[::-1]
    # Bars at positions, not at their names: two names cut to the same label stay two rows.
    rows = range(len(shown))
    names = [_label(str(s)) for s in shown.index]
    plt = _pyplot()
    figure, (kinds, rates) = plt.subplots(
        1, 2, figsize=(11, 0.38 * len(shown) + 1.4), sharey=True, width_ratios=[3, 1.4]
    )
    left = pd.Series(0.0, index=shown.index)
    for kind in KINDS:
        bars = kinds.barh(rows, shown[kind], left=left, color=KIND_COLOURS[kind], label=kind)
        labels = [f"{v:.0%}" if v >= 0.08 else "" for v in shown[kind]]
        kinds.bar_label(bars, labels=labels, label_type="center", fontsize=8)
        left += shown[kind]
    kinds.set_yticks(rows, labels=names)
    kinds.set_xlim(0, 1)
    kinds.xaxis.set_major_formatter(lambda x, _: f"{x:.0%}")
    kinds.set_xlabel("share of the site's pages")
    kinds.legend(ncol=5, loc="lower left", bbox_to_anchor=(0, 1.0), frameon=False, fontsize=8)
    bars = rates.barh(rows, shown["per_1000"], color="#c5221f")
    rates.bar_label(bars, labels=[f"{v:.1f}" for v in shown["per_1000"]], padding=2, fontsize=8)
    rates.set_xlim(0, max(shown["per_1000"].max() * 1.25, 1))
    rates.set_xlabel("meaning changes per 1,000 copied sentences")
    for axes in (kinds, rates):
        axes.spines[["top", "right"]].set_visible(False)
    return _svg(figure)


def trend_chart(weeks: pd.DataFrame, sites: Sequence[str]) -> str:
    """Pages per week and the distortion rate per week of `sites`, on one time axis."""
    plt = _pyplot()
    figure, (counts, rates) = plt.subplots(2, 1, figsize=(10, 5.5), sharex=True)
    lines, labels = [], []
    for site in sites:
        mine = weeks[weeks["site"] == site]
        days = pd.to_datetime(mine["week_start"])
        lines += counts.plot(days, mine["pages"], marker="o")
        labels.append(_label(site, 40))
        rates.plot(days, mine["per_1000"], marker="o")
    counts.set_ylabel("pages per week")
    rates.set_ylabel("meaning changes per\n1,000 copied sentences")
    rates.set_xlabel("ISO week (its Monday)")
    # Labels given, not collected: matplotlib leaves out a label that opens with "_", and a
    # site's host may ("_news.example").
    counts.legend(
        lines, labels, fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False
    )
    for axes in (counts, rates):
        axes.set_ylim(bottom=0)
        axes.spines[["top", "right"]].set_visible(False)
    figure.autofmt_xdate()
    return _svg(figure)


def write_page_report(row: pd.Series, folder: Path) -> str:
    """The page's full side-by-side report, rendered from the report the scan stored (nothing
    is analysed again); its file name."""
    report = report_from_dict(json.loads(row["report"]))
    name = f"page-{row['page_id']}.html"
    (folder / name).write_text(render_html(report), encoding="utf-8")
    return name


def write_page_reports(t: ScanTables, folder: Path) -> dict[str, str]:
    """Every page's report into `folder`: page id -> file name (none for a report this version
    cannot read again: made by another version, or damaged)."""
    folder.mkdir(parents=True, exist_ok=True)
    names = {}
    for _, row in t.pages.iterrows():
        try:
            names[row["page_id"]] = write_page_report(row, folder)
        except (UnspinError, ValueError):  # ValueError: not JSON
            continue
    return names


def _template_source(name: str) -> str:
    return _TEMPLATES.joinpath(name).read_text("utf-8")


@cache
def _page() -> Template:
    env = template_environment(_template_source, trim_blocks=True, lstrip_blocks=True)
    env.filters["num"] = lambda n: f"{n:,}"
    env.filters["rate"] = lambda x: "–" if pd.isna(x) else f"{x:.1f}"
    env.filters["sort_key"] = lambda x: "" if pd.isna(x) else x  # a missing figure sorts last
    return env.get_template("sites.html")


def _csp_hash(text: str) -> str:
    """The CSP source that allows exactly this inline script or style."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def about(folder: Path) -> dict[str, Any]:
    """What scan.json says, with what older versions did not record as None."""
    settings = ScanOutput(folder).settings()
    # Commands to copy into a shell: the folder absolute (the report may be read anywhere)
    # and quoted (a folder's name is anything).
    where = shlex.quote(str(folder.resolve()))
    return {
        "folder": str(folder),
        "folder_argument": where,
        "inputs": settings.get("inputs") or [],
        "corpus": settings.get("corpus") or "",
        "corpus_stories": settings.get("corpus_stories"),
        "corpus_first_date": settings.get("corpus_first_date") or "",
        "corpus_last_date": settings.get("corpus_last_date") or "",
        "unspin": settings.get("unspin") or "",
        "started": settings.get("started") or "",
        "finished": settings.get("finished") or "",
        "completed": settings.get("completed"),  # None: an older version did not say
        "resume": f"unspin scan --resume --out {where}",
    }


def _types_of(pages: pd.DataFrame, types: Sequence[str]) -> pd.Series:
    """Each page's finding types, space-separated (the filter reads them)."""
    listed = pd.Series("", index=pages.index)
    for name in types:
        listed += pages[name].gt(0).map({True: name + " ", False: ""})
    return listed.str.strip()


def render_sites(folder: Path, out: Path, *, page_reports: bool = True) -> str:
    """The site report of the scan in `folder` as HTML; with `page_reports`, every page's
    side-by-side report is written into a folder beside `out` and linked."""
    from markupsafe import Markup

    t = load(folder)
    table = overview(t).reset_index()
    types = finding_columns(t)
    pages = page_table(t)
    weeks, undated = weekly(t)
    trend_sites = [s for s in t.pages["site"].value_counts().index if (weeks["site"] == s).any()]
    trend_sites = trend_sites[:TREND_SITES]
    reports_folder = out.parent / (out.stem + "-pages")
    linked = write_page_reports(t, reports_folder) if page_reports else {}
    script = _template_source("sites.js")
    swatches = "".join(
        f".k{k} {{ background: {KIND_COLOURS[kind]}; }}\n" for k, kind in enumerate(KINDS)
    )
    style = _template_source("sites.css") + swatches
    csp = (
        f"default-src 'none'; script-src {_csp_hash(script)}; style-src {_csp_hash(style)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    return _page().render(
        csp=csp,
        script=Markup(script),  # package files, not data: inlined as they are
        style=Markup(style),
        about=about(folder),
        pages_total=len(t.pages),
        kinds=KINDS,
        overview=table.to_dict("records"),
        overview_chart=overview_chart(table.set_index("site")) if len(table) else "",
        chart_sites=TOP_SITES,
        types=types,
        descriptions=finding_types.DESCRIPTIONS,
        page_columns=list(pages.columns),
        numeric=[c for c in pages.columns if pd.api.types.is_numeric_dtype(pages[c])],
        pages=pages.to_dict("records"),
        page_types=dict(zip(pages["page_id"], _types_of(pages, types), strict=True)),
        # A relative URL: "week #3-pages" must not end the path at its "#".
        reports={pid: f"{quote(reports_folder.name)}/{name}" for pid, name in linked.items()},
        sites=sorted(set(t.pages["site"])),
        site_ids={site: f"site-{k}" for k, site in enumerate(table["site"])},
        examples={site: g.to_dict("records") for site, g in examples(t).groupby("site")},
        weeks=weeks[weeks["site"].isin(trend_sites)].to_dict("records"),
        undated=undated,
        trend_chart=trend_chart(weeks, trend_sites) if trend_sites else "",
        stories=[
            (source_id, group.to_dict("records"))
            for source_id, group in shared_stories(t).groupby("source_id", sort=False)
        ],
        skipped=skipped(t).to_dict("records"),
        errors=t.errors.sort_values("record").to_dict("records"),
    )
