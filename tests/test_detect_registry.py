"""The detector registry: every module registers its detectors, the finding types are the
table's (unspin.finding_types, the report schema's and the docs'), and every detector keeps to
what it declares."""

from __future__ import annotations

import pkgutil

import pytest

import unspin.detect
from detect_pairs import (
    AP_ALERT,
    AP_DENIED,
    AP_DIPLOMACY,
    AP_FESENKO,
    AP_REASSURE,
    AP_REZNIKOV,
    AP_SLEEP,
    CHEMLAWN,
    ECUADOR,
    check_finding,
    edit,
    report,
)
from repo_paths import DOCS, SEED_PAGE
from unspin.detect import Comparison, detect, detectors, finding_types
from unspin.finding_types import DESCRIPTIONS, NAMES

DOCUMENTED = set(NAMES)  # unspin.finding_types: the one table of finding types
NOT_DETECTORS = {"base", "lexicon", "names", "bodies"}  # shared machinery and word lists

SEED_TEXT = SEED_PAGE.read_text(encoding="utf-8")
AP_KNOWN = "\n\n".join(
    [AP_REASSURE, AP_DENIED, AP_DIPLOMACY, AP_ALERT, AP_REZNIKOV, AP_SLEEP, AP_FESENKO]
)
# A wire story with one edit of each kind a single sentence can carry.
EDITED_ECUADOR = edit(
    edit(
        edit(
            edit(ECUADOR, "by 30 pct", "by 40 pct"),
            "The quake on Thursday",
            "The quake on Wednesday",
        ),
        "killed at least six people",
        "murdered at least six people",
    ),
    "it could possibly take",
    "it will take",
)
EDITED_CHEMLAWN = edit(
    edit(CHEMLAWN, "said Elliott Schlang, analyst", "said Rosemarie Morbelli, analyst"),
    "Waste Management Inc, Wall Street arbitrageurs said.",
    "Waste Management Inc.",
)
PAIRS = [
    (SEED_TEXT, AP_KNOWN, True),
    (EDITED_ECUADOR, ECUADOR, False),
    (EDITED_CHEMLAWN, CHEMLAWN, False),
]


def test_every_detect_module_registers_a_detector() -> None:
    modules = {m.name for m in pkgutil.iter_modules(unspin.detect.__path__)} - NOT_DETECTORS
    registered = {d.run.__module__.rsplit(".", 1)[1] for d in detectors()}
    assert modules == registered  # (no list of names here: a new module needs no edit)


def test_every_detector_declares_its_types_under_its_own_name() -> None:
    for d in detectors():
        assert d.name == d.run.__name__
        assert d.types, d.name
        assert set(d.types) <= DOCUMENTED, d.name


def test_no_two_detectors_emit_the_same_type() -> None:
    declared = [t for d in detectors() for t in d.types]
    assert len(declared) == len(set(declared))


def test_finding_types_are_the_tables_types() -> None:
    assert finding_types() == sorted(DOCUMENTED)


def test_the_report_schema_describes_every_finding_type() -> None:
    assert set(DESCRIPTIONS) == set(finding_types())
    assert all(description.strip() for description in DESCRIPTIONS.values())


def test_each_detector_emits_only_the_types_it_declares() -> None:
    emitted: set[str] = set()
    for copy, source, embed in PAIRS:
        r = report(copy, source, embed=embed)
        comparison = Comparison(r.copy, [s.doc for s in r.sources], r.alignment)
        for d in detectors():
            found = list(d.run(comparison))
            assert {f.type for f in found} <= set(d.types), d.name
            emitted |= {f.type for f in found}
    # The pairs exercise most detectors, so the check above is not vacuous.
    assert len(emitted) >= 10, sorted(emitted)


def test_every_finding_on_the_real_seed_page_is_well_formed() -> None:
    r = report(SEED_TEXT, AP_KNOWN, embed=True)
    assert r.findings
    for f in r.findings:
        check_finding(f, SEED_TEXT, AP_KNOWN)


def test_detect_returns_each_finding_once_in_copy_order() -> None:
    for copy, source, embed in PAIRS:
        r = report(copy, source, embed=embed)
        again = detect(r.copy, [s.doc for s in r.sources], r.alignment)
        assert tuple(again) == r.findings
        assert len(set(again)) == len(again)
        in_copy = [f.copy_span for f in again if f.copy_span is not None]
        assert in_copy == sorted(in_copy)
        # Omitted source sentences (no copy span) come after every finding in the copy.
        kinds = [f.copy_span is None for f in again]
        assert kinds == sorted(kinds)


def test_a_sentence_reprinted_as_it_was_is_no_group_to_search_for_changes() -> None:
    from unspin.align import align
    from unspin.detect.base import Comparison
    from unspin.model import Article
    from unspin.segmentation import segment

    kept = "Ukraine's defence minister said there was no sign of an imminent invasion."
    source = segment(Article(text=f"{kept}\n\nRussia has massed about 100,000 troops nearby."))
    copy = segment(Article(text=f"{kept}\n\nRussia has massed some 100,000 soldiers nearby."))
    comparison = Comparison(copy, [source], align(copy, [source], None))
    assert [g.reprinted for g in comparison.groups] == [True, False]
    assert [g.copy_sentences for g in comparison.changed_groups] == [(copy.sentences[1],)]


def test_the_finding_type_table_is_what_the_detectors_emit_and_the_docs_list() -> None:
    from unspin.finding_types import NAMES, TABLE, markdown_table

    assert sorted(NAMES) == finding_types()
    docs = (DOCS / "report-schema.md").read_text("utf-8")
    # Made from the table: regenerate with `python -m unspin.finding_types`.
    assert markdown_table() in docs
    assert len({t.specificity for t in TABLE if not t.sentence_level}) == len(TABLE) - 2


def test_a_detector_of_an_undeclared_type_or_a_taken_name_is_refused() -> None:
    from unspin.detect.base import detector

    with pytest.raises(
        ValueError, match=r"not in unspin.finding_types.TABLE: \['number_doubled'\]"
    ):
        detector("number_doubled")

    def numbers(comparison: object) -> None: ...  # the name of unspin.detect.numbers' detector

    detectors()  # every detector module imported
    with pytest.raises(ValueError, match="a detector named numbers is registered already"):
        detector("number_changed")(numbers)  # type: ignore[arg-type]
