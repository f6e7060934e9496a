"""The spinner's editing layer: tokens render back to their source character for character, and
after any edit each token's copy offsets, and so each distortion's span, point at exactly the
characters it stands for."""

from __future__ import annotations

import random

import pytest

from unspin.testing.edit import (
    Sent,
    Tok,
    capitalize,
    decapitalize,
    fix_article,
    new_toks,
    render,
    source_span,
    tokenize,
)

SOURCE = "Reznikov said Russia was not ready to invade."


def toks_of(text: str) -> list[Tok]:
    return tokenize(text, 0, len(text), [])


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("", []),  # nothing to cut
        ("U.S. troops, 8,500 of them.", ["U.S", ".", "troops", ",", "8,500", "of", "them", "."]),
        ("at 10:30 on 24/7 AT&T lines", ["at", "10:30", "on", "24/7", "AT&T", "lines"]),  # joined
        ("“We won’t go,” he said.", ["“", "We", "won’t", "go", ",", "”", "he", "said", "."]),
        ("O'Brien's $5.5bn deal — done!", ["O'Brien's", "$", "5.5bn", "deal", "—", "done", "!"]),
        ("São Paulo’s naïve Zelenskyy", ["São", "Paulo’s", "naïve", "Zelenskyy"]),  # \w is Unicode
        ("cafe\u0301 e-mail", ["cafe", "\u0301", "e-mail"]),  # a combining accent is a piece
    ],
)
def test_words_stay_whole_and_each_other_mark_is_a_piece(text: str, pieces: list[str]) -> None:
    toks = toks_of(text)
    assert [t.text for t in toks] == pieces
    assert render(toks) == text  # rendered back, each character is in its place
    assert all(text[slice(*t.src)] == t.text == text[t.start : t.end] for t in toks if t.src)


def test_any_run_of_whitespace_renders_as_one_space_and_keeps_its_source_span() -> None:
    text = "Kyiv\u00a0said\n\nno  more."
    toks = toks_of(text)
    assert render(toks) == "Kyiv said no more."
    assert [t.src for t in toks] == [(0, 4), (5, 9), (11, 13), (15, 19), (19, 20)]


def test_a_sentence_inside_a_text_keeps_offsets_into_the_whole_text() -> None:
    text = "First one. Second, here."
    toks = tokenize(text, 11, len(text), [])
    assert [t.src for t in toks] == [(11, 17), (17, 18), (19, 23), (23, 24)]
    assert [t.space for t in toks] == [False, False, True, False]  # the space before is not its
    assert render(toks, offset=100) == "Second, here."
    assert [(t.start, t.end) for t in toks] == [(100, 106), (106, 107), (108, 112), (112, 113)]
    render(toks)  # rendered again, the offsets are set afresh
    assert [(t.start, t.end) for t in toks] == [(0, 6), (6, 7), (8, 12), (12, 13)]


def test_a_token_is_quoted_when_it_starts_inside_a_quotation_region() -> None:
    text = "Say “hi there” now."
    toks = tokenize(text, 0, len(text), [(4, 14)])  # the marks included, as spin passes them
    assert [t.text for t in toks if t.quoted] == ["“", "hi", "there", "”"]
    assert Sent(toks, [(0, len(text))], 0).quoted
    assert not Sent(toks[-2:], [(0, len(text))], 0).quoted


def test_words_and_quotation_marks_are_told_apart() -> None:
    toks = new_toks("8,500 élan » ' ,", False)  # a number and a non-ASCII letter start words
    assert [t.is_word for t in toks] == [True, True, False, False, False]
    # Guillemets mark quotations as curly quotes do; a straight apostrophe is too often not one.
    assert [t.is_mark for t in toks] == [False, False, True, False, False]


def test_tokens_are_equal_only_to_themselves() -> None:
    first, second = Tok("the", (0, 3), False), Tok("the", (0, 3), False)
    toks = [first, second]
    toks.remove(second)  # edits remove a token by identity, never an equal-looking one
    assert toks == [first] and toks[0] is first


def test_new_words_have_no_source_are_locked_and_space_as_written() -> None:
    toks = new_toks("reportedly said, “no”", True)
    assert [t.text for t in toks if t.space] == ["reportedly", "said", "“"]  # the first as asked
    assert all(t.src is None and t.locked for t in toks)
    assert [t.locked for t in new_toks("in full", False, locked=False)] == [False, False]
    assert new_toks("", True) == []


def test_a_replaced_words_span_holds_exactly_the_new_words() -> None:
    toks = toks_of(SOURCE)
    new = new_toks("fully prepared", True)
    toks[4:6] = new  # "not ready"
    text = render(toks)
    assert text == "Reznikov said Russia was fully prepared to invade."
    assert text[new[0].start : new[-1].end] == "fully prepared"
    assert all(text[t.start : t.end] == SOURCE[slice(*t.src)] for t in toks if t.src)
    span = source_span(toks[3:7])  # "was fully prepared to": the new words have no source
    assert SOURCE[slice(*span)] == "was not ready to"


def test_a_moved_token_keeps_its_space_flag_and_the_first_renders_without_one() -> None:
    toks = toks_of(SOURCE)
    toks[:] = [*toks[2:8], *toks[:2], toks[8]]  # what was said before the speaker
    assert render(toks) == "Russia was not ready to invadeReznikov said."  # the edit spaces it
    toks[6].space = True
    assert render(toks) == "Russia was not ready to invade Reznikov said."


def edited(seed: int) -> tuple[str, list[Tok], list[Tok]]:
    """SOURCE with tokens moved, words replaced and inserted: the copy, its tokens, the last."""
    rng, toks, words = random.Random(seed), toks_of(SOURCE), ""
    for _ in range(4):
        toks.insert(rng.randrange(len(toks)), toks.pop(rng.randrange(len(toks))))
        at, words = rng.randrange(len(toks)), rng.choice(["new", "two words", "“quoted,” ok"])
        toks[at : at + rng.randrange(2)] = new = new_toks(words, True)  # replace one or insert
    return render(toks, offset=7), toks, new


@pytest.mark.parametrize("seed", range(30))
def test_after_random_edits_every_token_points_at_its_own_characters(seed: int) -> None:
    text, toks, new = edited(seed)
    copy = " " * 7 + text  # rendered at offset 7, as a sentence after another
    assert all(copy[t.start : t.end] == t.text for t in toks)
    assert all(copy[t.start : t.end] == SOURCE[slice(*t.src)] for t in toks if t.src)
    assert copy[new[0].start : new[-1].end] == render(new)  # a Mark's span: the new words
    assert edited(seed)[0] == text  # the same edits give the same copy, byte for byte


def test_capitalize_raises_the_first_letter_only() -> None:
    toks = new_toks("the élan 9am NATO", False)
    for tok in toks:
        capitalize(tok)
    assert render(toks) == "The Élan 9am NATO"  # non-ASCII letters have capitals; digits none


@pytest.mark.parametrize(
    ("words", "names", "after"),
    [
        ("The minister", set(), "the minister"),  # an ordinary sentence start
        ("Officials", set(), "officials"),  # a sentence start with nothing after it
        ("Peskov said", {"Peskov"}, "Peskov said"),  # capitalized mid-sentence in the article
        ("Defense Minister said", set(), "Defense Minister said"),  # a capital follows: a title
        ("I said", set(), "I said"),
        ("NATO may", set(), "NATO may"),  # an acronym
        ("“There are", set(), "“There are"),  # a quotation keeps its capital
        ("Émigrés returned", set(), "émigrés returned"),  # a non-ASCII capital is lowered too
    ],
)
def test_decapitalize_lowers_a_sentence_start_unless_it_is_a_name(
    words: str, names: set[str], after: str
) -> None:
    toks = new_toks(words, False)
    decapitalize(toks, names)
    assert render(toks) == after


@pytest.mark.parametrize(
    ("words", "after"),
    [
        ("a apple", "an apple"),
        ("an banana", "a banana"),
        ("A elephant", "An elephant"),  # the article keeps its capital
        ("An house", "A house"),
    ],
)
def test_fix_article_makes_a_or_an_agree_with_the_word_after_it(words: str, after: str) -> None:
    toks = new_toks(words, False, locked=False)
    fix_article(toks, len(toks) - 1)
    assert render(toks) == after


def test_fix_article_leaves_a_locked_article_and_a_first_word_alone() -> None:
    toks = [Tok("a", None, False, locked=True), Tok("apple", None, True)]  # in a distortion
    fix_article(toks, 1)
    fix_article(toks[1:], 0)  # no word before it
    assert render(toks) == "a apple"
