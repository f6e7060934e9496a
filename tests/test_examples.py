"""The bundled examples keep telling the truth: the README's commands rest on them."""

from __future__ import annotations

from repo_paths import SEED_PAGE, SPUN_EXAMPLE
from unspin import compare, default_encoders
from unspin.evaluate import evaluate, read_cases


def test_the_spun_example_yields_exactly_its_five_labelled_changes() -> None:
    fast, accurate = default_encoders()
    result = evaluate(read_cases(SPUN_EXAMPLE / "case.jsonl"), fast, second_opinion=accurate)
    found = {t: (c.tp, c.fp, c.fn) for t, c in result.findings.items()}
    assert found == {
        "loaded_wording": (1, 0, 0),
        "negation_flipped": (1, 0, 0),
        "omitted_sentence": (1, 0, 0),
        "unsourced_sentence": (2, 0, 0),
    }
    assert result.alignment.f1 == 1.0


def test_the_seed_page_compared_with_itself_is_a_faithful_verbatim_copy() -> None:
    report = compare(SEED_PAGE, SEED_PAGE)
    assert report.findings == ()
    assert report.copy.article.title.endswith("Latest News!")
