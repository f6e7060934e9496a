"""segment(): the whole Doc and its invariants on any text. (Speed is measured in benchmarks/.)"""

from hypothesis import given, settings
from hypothesis import strategies as st

from segment_texts import REUTERS_BANKAMERICA, SEED
from unspin.model import Article, Doc
from unspin.segmentation import segment

FIELDS = ("sentences", "quotes", "quantities", "attributions", "times", "names")


def check_invariants(d: Doc) -> None:
    n = len(d.text)
    for field in FIELDS:
        items = getattr(d, field)
        assert isinstance(items, tuple)
        assert [i.start for i in items] == sorted(i.start for i in items), field
        for i in items:
            assert 0 <= i.start < i.end <= n, (field, i)
    for a, b in zip(d.sentences, d.sentences[1:], strict=False):
        assert a.end <= b.start
        assert a.paragraph <= b.paragraph
    covered = set()
    for s in d.sentences:
        assert not d.text[s.start].isspace() and not d.text[s.end - 1].isspace()
        covered.update(range(s.start, s.end))
    assert all(c.isspace() for i, c in enumerate(d.text) if i not in covered)
    for q in d.quotes:
        assert (q.speaker == "") == (q.speaker_span is None)
        if q.speaker_span is not None:
            assert d.span_text(q.speaker_span) == q.speaker
    for a in d.attributions:
        assert a.start <= a.cue_span.start < a.cue_span.end <= a.end


def test_seed_fills_every_field() -> None:
    d = segment(Article(SEED, title="Russia’s Invasion of Ukraine Is Not Imminent"))
    assert d.article.text is SEED
    for field in FIELDS:
        assert getattr(d, field), field
    check_invariants(d)


def test_segment_is_deterministic() -> None:
    assert segment(Article(SEED)) == segment(Article(SEED))


def test_wire_copy_invariants() -> None:
    check_invariants(segment(Article(REUTERS_BANKAMERICA)))


def test_empty_and_blank_text() -> None:
    for text in ["", "   \n\n  "]:
        d = segment(Article(text))
        assert all(getattr(d, field) == () for field in FIELDS)


ALPHABET = st.sampled_from(
    [*"abcXYZ019 .,;:!?-'\"“”‘’$%…()\n\t", "U.S.", "Mr.", "Jan.", " said ", " percent", "\n\n"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=80).map("".join))
def test_invariants_hold_for_any_text(text: str) -> None:
    check_invariants(segment(Article(text)))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_invariants_hold_for_any_unicode(text: str) -> None:
    check_invariants(segment(Article(text)))
