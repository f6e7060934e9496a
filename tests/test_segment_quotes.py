"""Quotations: marks, unclosed and unopened quotes, and speakers."""

from segment_texts import REUTERS_BANKAMERICA, SEED, doc
from unspin.model import Doc, Quote


def quote_at(d: Doc, words: str) -> Quote:
    start = d.text.index(words)
    return next(q for q in d.quotes if q.start == start)


def test_seed_unclosed_quote_ends_at_the_paragraph_end() -> None:
    d = doc(SEED)
    q = quote_at(d, "in case of necessity.")
    assert d.span_text(q) == "in case of necessity."
    assert q.closed is False
    assert q.end == d.text.index("necessity.") + len("necessity.")


def test_quotes_exclude_their_marks() -> None:
    d = doc(SEED)
    q = quote_at(d, "fomenting tensions")
    assert (q.start, q.end) == (d.text.index("“fomenting") + 1, d.text.index("” over Ukraine"))
    assert q.closed is True


def test_a_quotation_opening_right_after_a_full_stop_is_one() -> None:
    # PA on Varadkar's resignation, as a page carried it with the space lost.
    text = (
        "He said a new leader would be better placed when the country next goes to the polls."
        '"I believe this government can be re-elected," he said.'
    )
    assert [text[q.start : q.end] for q in doc(text).quotes] == [
        "I believe this government can be re-elected,"
    ]


def test_a_straight_mark_with_a_space_on_each_side_closes_the_quote_it_is_in() -> None:
    # AP on the Yeti Airlines crash, as Newsday carried it: a stray space before the mark.
    text = (
        "\"The flames were so hot that we couldn't go near the wreckage. I heard a man crying"
        ' for help, " Tiwari said, but because of the flames and smoke we couldn\'t help him."'
    )
    assert [(text[q.start : q.end], q.closed) for q in doc(text).quotes] == [
        (
            "The flames were so hot that we couldn't go near the wreckage. I heard a man"
            " crying for help,",
            True,
        )
    ]


def test_stray_spaces_beside_marks_after_commas_close_and_open_quotes() -> None:
    # A review's counter-examples: the mark after a comma closes the quote it is in or opens
    # one; elsewhere inside a quote it opens the next (the closing mark was dropped).
    text = '"I heard a man crying for help, " Tiwari said, " but we could easily have saved him."'
    assert [text[q.start : q.end] for q in doc(text).quotes] == [
        "I heard a man crying for help,",
        "but we could easily have saved him.",
    ]
    text = '"We are ready, he said. " The army will surrender the capital tomorrow."'
    assert [text[q.start : q.end] for q in doc(text).quotes] == [
        "We are ready, he said.",
        "The army will surrender the capital tomorrow.",
    ]


def test_a_closing_mark_glued_to_a_word_before_another_closing_mark_opens_the_quote() -> None:
    # A spun copy of the BBC on Agnes Chow: the spinner wrote its opening mark as a closing one.
    text = (
        "Despite being investigated for” cooperation with foreign causes,” Ms. Chow was"
        " permitted to pursue her studies in Canada."
    )
    assert [text[q.start : q.end] for q in doc(text).quotes] == ["cooperation with foreign causes,"]
    # A review's counter-examples: a mark before who said it, or the paragraph's last, closes.
    text = (
        "The economy is in good shape” Powell said on Wednesday. Inflation is coming down,” he"
        " added."
    )
    assert [text[q.start : q.end] for q in doc(text).quotes] == [
        "The economy is in good shape",
        "Inflation is coming down,",
    ]
    text = "The economy is in good shape” Powell said on Wednesday. He said rates would hold."
    assert [text[q.start : q.end] for q in doc(text).quotes] == ["The economy is in good shape"]


def test_speaker_is_the_name_before_an_apposition() -> None:
    d = doc(SEED)
    q = quote_at(d, "fomenting tensions")
    assert q.speaker == "Dmitry Peskov"
    assert q.speaker_span == (
        d.text.index("Dmitry Peskov"),
        d.text.index("Dmitry Peskov") + len("Dmitry Peskov"),
    )


def test_multi_sentence_quote_of_the_construction_worker() -> None:
    d = doc(SEED)
    first = quote_at(d, "But we will be compelled")
    second = quote_at(d, "However, my entire family")
    assert d.span_text(first) == "But we will be compelled to fight and defend ourselves."
    # The closing mark after "ourselves." is a spinner's slip: the quote goes on, its opening
    # mark missing; it starts at the next sentence and spans two.
    assert d.span_text(second) == (
        "However, my entire family does not want to fight and lives in constant tension. "
        "I am willing to do so."
    )
    assert sum(second.start <= s.start < second.end for s in d.sentences) == 2
    worker = "A 46-year-old construction worker in Kyiv"
    assert first.speaker == second.speaker == worker
    assert first.speaker_span.start == d.text.index(worker)


def test_quote_with_a_dropped_opening_mark_starts_after_the_attribution() -> None:
    d = doc(SEED)
    q = quote_at(d, "This snowball")
    assert d.span_text(q).endswith("among the Ukrainian people.")
    assert q.speaker == "Volodymyr Fesenko"
    assert quote_at(d, "Ukrainian authorities are trying").speaker == "Volodymyr Fesenko"


def test_title_is_dropped_from_the_speaker() -> None:
    d = doc(SEED)
    q = quote_at(d, "as of today")
    assert d.span_text(q) == "as of today, there are no grounds to assume"
    assert q.speaker == "Oleksii Reznikov"


def test_speaker_from_the_sentence_before() -> None:
    d = doc(SEED)
    q = quote_at(d, "There’s no need")
    assert d.span_text(q) == "There’s no need to bring anything."
    assert q.speaker == "Reznikov"
    assert q.speaker_span.start == d.text.index("Reznikov reassured")


def test_scare_quote_without_attribution_has_no_speaker() -> None:
    d = doc(SEED)
    q = quote_at(d, "reaction force")
    assert (q.speaker, q.speaker_span) == ("", None)


def test_new_opening_mark_ends_an_unclosed_quote() -> None:
    text = (
        "Reznikov admitted there were “risky situations” in the current circumstances "
        "“things that “might happen in the future”"
    )
    d = doc(text)
    assert [(d.span_text(q), q.closed) for q in d.quotes] == [
        ("risky situations", True),
        ("things that", False),
        ("might happen in the future", True),
    ]
    assert {q.speaker for q in d.quotes} == {"Reznikov"}


def test_pronoun_speaker_resolves_to_the_person_named_before() -> None:
    text = "Vladimir Putin spoke on Monday. “We are ready,” he said."
    d = doc(text)
    (q,) = d.quotes
    assert q.speaker == "Vladimir Putin"
    assert q.speaker_span == (0, len("Vladimir Putin"))


def test_he_resolves_to_the_last_speaker_named_not_an_earlier_person() -> None:
    # AP on the Tyre Nichols charges, as wionews carried it: "he" is the stepfather who spoke
    # last, though only the lawyer's client is known to the name finder as a person.
    text = (
        "William Massey, Martin's attorney, confirmed that his client had turned himself in. "
        "Nichols’ stepfather, Rodney Wells, who spoke to The Associated Press over the phone "
        "said that he and his wife discussed the charges and are “fine with it.” "
        "“There’s other charges, so I’m all right with that,” he said."
    )
    d = doc(text)
    assert [q.speaker for q in d.quotes] == ["Rodney Wells", "Rodney Wells"]


def test_he_is_no_person_named_inside_the_quotation() -> None:
    # AP on the 2024 Oscars, as a spun copy carried it (digitalnewsinfo.com).
    text = (
        "Cillian Murphy said he dedicated his award to the peacemakers. "
        "“For better or worse, we’re all living in Robert Oppenheimer’s world,” he said."
    )
    (q,) = doc(text).quotes
    assert q.speaker == "Cillian Murphy"


def test_he_is_no_capitalised_common_word_that_spoke_last() -> None:
    # Kyodo on the Haneda runway collision, as a page carried it.
    text = (
        "Reports said the plane caught fire on the runway. "
        "“But our jet is definitely engaged,” he said."
    )
    (q,) = doc(text).quotes
    assert q.speaker == "he"


def test_he_is_no_organisation_that_spoke_last() -> None:
    text = (
        "Kevin Ritz spoke on Thursday. The U.S. Attorneys Office said the inquiry continues. "
        "“We are not done,” he said."
    )
    (q,) = doc(text).quotes
    assert q.speaker == "Kevin Ritz"


def test_he_resolves_to_the_titled_speaker_not_the_victim_named_before() -> None:
    # CNN on the Mangione indictment, as a content farm carried it.
    text = (
        "Mangione was charged in the fatal shooting of Brian Thompson on December 4. "
        '"This was a frightening, well-planned, targeted murder," Manhattan District Attorney '
        'Alvin Bragg said.\n\nHe further noted the shooting happened "in one of the most '
        'bustling parts of our city."'
    )
    assert [q.speaker for q in doc(text).quotes] == ["Alvin Bragg", "Alvin Bragg"]


def test_straight_quotes_and_inverted_attribution_in_wire_copy() -> None:
    d = doc(REUTERS_BANKAMERICA)
    (q,) = d.quotes
    assert d.span_text(q) == "The circumstances at the time will determine what we do,"
    assert q.speaker == "Arthur Miller"


def test_single_curly_quotes_but_not_apostrophes() -> None:
    text = "Biden warns of ‘disaster’ if Ukraine’s border is crossed; they don’t recall the ’90s."
    d = doc(text)
    assert [d.span_text(q) for q in d.quotes] == ["disaster"]


def test_single_quotes_inside_double_quotes_are_not_separate_quotes() -> None:
    text = "“He told me ‘never’ twice,” she said."
    d = doc(text)
    assert [d.span_text(q) for q in d.quotes] == ["He told me ‘never’ twice,"]


def test_quotes_never_cross_a_paragraph_break() -> None:
    text = "He said “we will go.\n\nThen” they left."
    d = doc(text)
    assert (d.span_text(d.quotes[0]), d.quotes[0].closed) == ("we will go.", False)
    assert all(q.end <= text.index("\n") or q.start > text.index("\n") for q in d.quotes)


def test_straight_single_quotes_quote_in_british_papers() -> None:
    # Daily Mail, on Paul O'Grady: quotes in straight single marks, apostrophes around them.
    text = (
        "Mr Portasio said in his statement: 'It is with great sadness that I inform you that "
        "Paul has passed away.' The star died 'unexpectedly but peacefully' on Tuesday. "
        "O'Grady's fans' tributes poured in; rock 'n' roll in the '90s."
    )
    d = doc(text)
    assert [d.span_text(q) for q in d.quotes] == [
        "It is with great sadness that I inform you that Paul has passed away.",
        "unexpectedly but peacefully",
    ]


def test_a_plural_possessive_does_not_close_a_single_quote_that_closes_later() -> None:
    d = doc("He called it 'the players' best chance' on Sunday.")
    assert [d.span_text(q) for q in d.quotes] == ["the players' best chance"]


def test_two_straight_single_marks_close_a_double_quote() -> None:
    # AP feeds of 2022 on Wimbledon: “The more you win ...,'' said Djokovic.
    text = "\"The more you win, the more comfortable you feel,'' said Djokovic, chanting \"No-le!''"
    d = doc(text)
    assert [d.span_text(q) for q in d.quotes] == [
        "The more you win, the more comfortable you feel,",
        "No-le!",
    ]


def test_two_straight_single_marks_open_a_quote_before_a_word() -> None:
    # AP as the Star Tribune ran it, 2025: quotes open and close with two apostrophes, and one
    # closes with a straight double mark.
    text = (
        "The judge suggested the Trump administration was ''manufacturing'' chaos and said he "
        "hoped that ''reason can get the better of rhetoric.'' Finding countries willing to take "
        "them is a ''a delicate diplomatic endeavor\" and a setback, Sauer wrote."
    )
    d = doc(text)
    assert [(d.span_text(q), q.closed) for q in d.quotes] == [
        ("manufacturing", True),
        ("reason can get the better of rhetoric.", True),
        ("a delicate diplomatic endeavor", True),
    ]


def test_a_quote_opened_by_two_apostrophes_takes_its_speaker_from_the_sentence_before() -> None:
    # A review's counter-example: the quote opens its sentence behind a mark of two characters.
    d = doc("''We will fight on,'' Zelenskyy said. ''We have no other choice.''")
    assert [(d.span_text(q), q.speaker) for q in d.quotes] == [
        ("We will fight on,", "Zelenskyy"),
        ("We have no other choice.", "Zelenskyy"),
    ]


def test_a_single_quote_over_several_paragraphs_opens_each_and_closes_the_last() -> None:
    text = (
        "Mr Portasio said: 'We ask that you also respect our privacy.\n\n"
        "'He will be greatly missed by his loved ones.\n\n"
        "'I know that he would want me to thank you.'\n\n"
        "Fans' tributes poured in."
    )
    d = doc(text)
    assert [(d.span_text(q), q.closed) for q in d.quotes] == [
        ("We ask that you also respect our privacy.", False),
        ("He will be greatly missed by his loved ones.", False),
        ("I know that he would want me to thank you.", True),
    ]
