"""The spinner of the test bed: deterministic, and its gold labels say what really changed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter

import pytest

from repo_paths import TESTING_FIXTURES, TESTS
from unspin.model import Article
from unspin.segmentation import segment
from unspin.testing import SPUN_TYPES, GoldFinding, SpunCase, spin, thesaurus
from unspin.testing.datasets import is_prose, reuters21578_articles
from unspin.testing.distort import ANTONYMS, LOADED, MONTHS, WEEKDAYS, other_number

# Written for these tests in the style of a wire story: it offers every distortion a chance.
ARTICLE = Article(
    title="Ukraine says Russian invasion is not imminent",
    date="2022-01-25",
    text="""\
Even as they prepared to accept new weapons from the United States, Ukrainian leaders tried on \
Tuesday to reassure citizens that an attack by Russia was not imminent.

The United States ordered 8,500 troops to a higher state of readiness, the State Department said.

Defense Minister Oleksii Reznikov told lawmakers that Russian forces had not formed a strike \
group. “There are no grounds to assume that Russia is ready to invade soon,” Reznikov said.

Kremlin spokesman Dmitry Peskov accused the West of fomenting tensions. Peskov said NATO may send \
more soldiers to the region.

Since 2014, more than 14,000 people have been killed in the fighting in eastern Ukraine, \
according to the United Nations.

The poll of 1,205 adults was conducted from Jan. 21 to Jan. 22 by the Kyiv International \
Institute; its margin of error was 3.2 percentage points.

Prices for grain rose 5 percent in Kyiv this week, and the national currency fell against the \
dollar.

Protesters gathered outside the Russian embassy in London on Wednesday, the police said. \
Officials said the rally could grow.

Britain will reportedly withdraw some of its diplomats from the embassy in Kyiv.

“We will defend our country if we must,” said Volodymyr Fesenko, a political analyst in Kyiv. \
Fesenko added that calm was important.""",
)
FILLER = [
    """\
Shares in Acme Corp rose 3 percent on Monday after the company said quarterly sales beat \
forecasts, chief executive Jane Doyle said.

Doyle said the company would open 40 new stores in Canada and Mexico over the next two years.

Analysts at the Bank of Toronto Group expect further gains in the coming months."""
]
NUMBER = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b"
)
CUES = re.compile(r"\b(?:said|says|told|added|according to)\b", re.I)


def spun(seed: int, intensity: str = "heavy", distortions: int | None = 6) -> SpunCase:
    return spin(ARTICLE, seed=seed, intensity=intensity, distortions=distortions, filler=FILLER)


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def inside_quotes(text: str, start: int, end: int) -> bool:
    return any(q.start <= start and end <= q.end for q in segment(Article(text)).quotes)


def test_same_seed_gives_the_same_case_and_another_seed_another_copy():
    assert spun(3) == spun(3)
    assert spun(3).copy.text != spun(4).copy.text
    assert spun(3, "light").copy.text != spun(3, "heavy").copy.text


def test_the_copy_looks_spun():
    case = spun(1)
    assert case.copy.title != ARTICLE.title and ARTICLE.title.split()[0] in case.copy.title
    assert "\n\n" in case.copy.text
    assert case.copy.date == ARTICLE.date
    assert case.source == ARTICLE


def test_every_finding_type_occurs_across_seeds():
    seen = Counter(f.type for seed in range(40) for f in spun(seed).findings)
    assert set(seen) == set(SPUN_TYPES)


@pytest.mark.parametrize("seed", range(40))
def test_each_finding_shows_the_change_its_type_names(seed: int):
    case = spun(seed)
    copy, source = case.copy.text, ARTICLE.text
    for f in case.findings:
        assert f.type in SPUN_TYPES
        c = copy[slice(*f.copy_span)] if f.copy_span else None
        s = source[slice(*f.source_span)] if f.source_span else None
        if f.copy_span:
            assert 0 <= f.copy_span[0] < f.copy_span[1] <= len(copy)
            assert c == c.strip() and c
        if f.source_span:
            assert 0 <= f.source_span[0] < f.source_span[1] <= len(source)
        _check(f, c, s, copy)


def _check(f: GoldFinding, c: str | None, s: str | None, copy: str) -> None:
    if f.type == "unsourced_sentence":
        assert s is None and c in FILLER[0].replace("\n", " ")
        return
    if f.type == "omitted_sentence":
        assert c is None and s not in copy
        return
    assert c is not None and s is not None
    if f.type == "quote_fabricated":
        assert inside_quotes(copy, *f.copy_span)
        assert not inside_quotes(ARTICLE.text, *f.source_span)
        assert words(c) == words(s)
        return
    assert c != s, f
    if f.type == "quote_altered":
        assert inside_quotes(copy, *f.copy_span) and inside_quotes(ARTICLE.text, *f.source_span)
        assert words(c) != words(s)
    elif f.type == "number_changed":
        assert NUMBER.findall(c) and NUMBER.findall(s) and NUMBER.findall(c) != NUMBER.findall(s)
    elif f.type == "number_added":
        assert NUMBER.search(c) and not NUMBER.search(s)
    elif f.type == "number_dropped":
        assert NUMBER.search(s) and not NUMBER.search(c)
    elif f.type == "time_changed":
        times = set(WEEKDAYS) | MONTHS
        assert any(w in times or re.fullmatch(r"(19|20)\d\d", w) for w in re.findall(r"\w+", c))
    elif f.type == "negation_flipped":
        negations = Counter(w for w in words(c) if w in ("not", "never")) != Counter(
            w for w in words(s) if w in ("not", "never")
        )
        assert negations or ANTONYMS.get(s.lower()) == c.lower() or "n't" in s
    elif f.type == "certainty_shifted":
        hedges = set(thesaurus.HEDGES)
        assert {w for w in words(c) if w in hedges} != {w for w in words(s) if w in hedges}
    elif f.type == "loaded_wording":
        assert c.lower() in LOADED[s.lower()]
    elif f.type == "attribution_dropped":
        assert CUES.search(s) and not CUES.search(c)
    elif f.type in ("attribution_changed", "quote_misattributed", "entity_changed"):
        assert not set(words(c)) & set(words(s)) - {"the", "s"}
        if f.type == "quote_misattributed":
            assert c[0].isupper()


@pytest.mark.parametrize("seed", range(10))
def test_one_distortion_per_sentence_and_the_alignment_covers_the_copy(seed: int):
    case = spun(seed)
    pairs = case.alignment
    assert [p.copy_span for p in pairs] == sorted(p.copy_span for p in pairs)
    spans = [f.copy_span for f in case.findings if f.copy_span]
    holders = [
        next(i for i, p in enumerate(pairs) if p.copy_span[0] <= a and b <= p.copy_span[1])
        for a, b in spans
    ]
    assert len(holders) == len(set(holders))
    sentences = {(s.start, s.end) for s in segment(ARTICLE).sentences}
    for p in pairs:
        assert all(span in sentences for span in p.source_spans)
        assert (p.label == "unsourced") == (not p.source_spans)
        if p.label == "verbatim":
            assert case.copy.text[slice(*p.copy_span)] == ARTICLE.text[slice(*p.source_spans[0])]
    omitted = {f.source_span for f in case.findings if f.type == "omitted_sentence"}
    used = {span for p in pairs for span in p.source_spans}
    assert omitted | used == sentences and not omitted & used


@pytest.mark.parametrize("seed", range(10))
def test_a_faithful_paraphrase_has_no_findings_but_new_wording(seed: int):
    case = spun(seed, "heavy", distortions=0)
    copy, source = case.copy.text, ARTICLE.text
    assert case.findings == ()
    assert copy != source and sum(p.label == "paraphrase" for p in case.alignment) >= 3
    # What the distortions change, the paraphrase keeps: numbers, times, names, negations,
    # hedges, loaded words and the words inside quotes.
    kept = NUMBER.pattern + r"|\b(?:[A-Z][a-z]+day|not|never|may|could|will|killed|said)\b"
    assert Counter(re.findall(kept, copy)) == Counter(re.findall(kept, source))
    names = re.compile(r"(?<![.“\"] )(?<!^)\b[A-Z][a-z]+", re.M)
    assert set(names.findall(source)) - {"Even", "Since"} <= set(re.findall(r"\b[A-Z][a-z]+", copy))
    copy_words = " ".join(words(copy))
    for q in segment(ARTICLE).quotes:
        assert " ".join(words(source[q.start : q.end])) in copy_words


def test_distortions_none_takes_the_intensity_default():
    light = spin(ARTICLE, seed=5, intensity="light", filler=FILLER)
    heavy = spin(ARTICLE, seed=5, intensity="heavy", filler=FILLER)
    assert 1 <= len(light.findings) < len(heavy.findings)


def test_the_thesaurus_never_maps_a_protected_word():
    table = thesaurus.load()
    assert len(table) > 1000
    for word, synonyms in table.items():
        assert word.islower() and word not in thesaurus.PROTECTED
        for synonym in synonyms:
            assert synonym != word
            assert not set(synonym.split()) & thesaurus.PROTECTED, (word, synonym)


def test_other_number_keeps_the_style():
    import random

    rng = random.Random(0)
    for text in ("8,500", "3.2", "4", "1700", "14,000"):
        new = other_number(text, rng)
        assert new != text
        assert ("," in new) == ("," in text) or float(new.replace(",", "")) < 1000
        assert ("." in new) == ("." in text)


def test_spins_real_wire_stories_from_the_fixture():
    stories = [a for a in reuters21578_articles(TESTING_FIXTURES) if is_prose(a)]
    assert stories
    for seed in range(5):
        case = spin(stories[0], seed=seed, intensity="medium", filler=[stories[-1].text])
        assert case.findings and case.copy.text != stories[0].text
        for f in case.findings:
            if f.copy_span:
                assert 0 <= f.copy_span[0] < f.copy_span[1] <= len(case.copy.text)


def test_the_case_does_not_depend_on_hash_randomisation():
    code = "from test_testing_spin import spun; print(repr(spun(7)))"
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=TESTS, capture_output=True)
    assert out.stdout.decode().strip() == repr(spun(7))
