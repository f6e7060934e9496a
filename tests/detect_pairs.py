# ruff: noqa: E501 (news text, one paragraph a line, as the articles have it)
"""Source and copy sentences the detector tests share, and the one way they run a pair.

Sources are real: the AP story of 25 Jan 2022 ("Ukraine tries to reassure nation that invasion
is not imminent") as outlets carried it, and Reuters-21578 wire copy (1987, free for research
use; see tests/fixtures/testing/SOURCE.md), cited by NEWID: excerpts of whole sentences, one
paragraph a line, ticker symbols ("<CHEM>") left out. Copies are the real spun seed page
(examples/seed-spun-ap-ukraine.txt) or a source text with one controlled edit (`edit`).

`run(copy, source, types)` drives the public path, `compare`, and returns each finding of the
given types as (type, severity, copy excerpt, source excerpt), the excerpts being the text at
the finding's spans; every finding of every type it sees must hold `check_finding` (spans
within bounds, a one-line reason). Lexical alignment (no encoder) is the default; `embed=True`
uses the default models (as `compare` does) for pairs whose wording lexical overlap alone cannot
align (the seed's paraphrases, single sentences). A detector's test module binds `run` to that
detector's types once, `quotes = runner_for("quotes")`, and calls `quotes(copy, source)`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from unspin import Article, compare
from unspin.detect import Comparison, detectors
from unspin.model import Alignment, Finding, Report, SentenceMatch, SourceRef
from unspin.segmentation import segment

Found = tuple[str, str, str | None, str | None]


class Runner(Protocol):
    """`run` with its types fixed: the findings of one detector's types for a pair."""

    def __call__(self, copy: str, source: str, *, embed: bool = False) -> list[Found]: ...


def types_of(*detector_names: str) -> frozenset[str]:
    """The finding types the named registered detectors may emit."""
    by_name = {d.name: d for d in detectors()}
    return frozenset(t for name in detector_names for t in by_name[name].types)


def report(copy: str, source: str, *, embed: bool = False) -> Report:
    """`compare` on the two texts, every finding checked with `check_finding`."""
    options = {} if embed else {"encoder": None}  # embed: the models compare uses by default
    result = compare(Article(text=copy), Article(text=source), **options)
    for finding in result.findings:
        check_finding(finding, copy, source)
    return result


def run(copy: str, source: str, types: Iterable[str], *, embed: bool = False) -> list[Found]:
    """Findings of `types` when `copy` is compared with `source`, as (type, severity, copy text
    at copy_span, source text at source_span), in report order."""
    wanted = set(types)
    return [
        (
            f.type,
            f.severity,
            None if f.copy_span is None else copy[slice(*f.copy_span)],
            None if f.source_span is None else source[slice(*f.source_span)],
        )
        for f in report(copy, source, embed=embed).findings
        if f.type in wanted
    ]


def runner_for(*detector_names: str) -> Runner:
    """`run` restricted to the types the named detectors may emit."""
    types = types_of(*detector_names)

    def run_detectors(copy: str, source: str, *, embed: bool = False) -> list[Found]:
        return run(copy, source, types, embed=embed)

    return run_detectors


def same_fact(copy: str, source: str, detector_name: str) -> list[Found]:
    """The named detector's findings when each sentence of the copy says what the source's
    sentence in the same place says without evidence that it was made from it: aligned (by
    hand) as same_fact, as a rewrite too heavy to prove, or another outlet's report of the
    fact, is."""
    n = len(segment(Article(copy)).sentences)
    assert n == len(segment(Article(source)).sentences)
    return aligned_by_hand(copy, source, detector_name, [("same_fact", (i,)) for i in range(n)])


def aligned_by_hand(
    copy: str, source: str, detector_name: str, matches: list[tuple[str, tuple[int, ...]]]
) -> list[Found]:
    """The named detector's findings with each copy sentence aligned (by hand, in order) as
    `matches` says: its label and the source sentences it was made from. For the alignments
    of whole pages that a few sentences cannot reproduce."""
    copy_doc, source_doc = segment(Article(copy)), segment(Article(source))
    assert len(copy_doc.sentences) == len(matches)
    alignment = Alignment(
        tuple(
            SentenceMatch(i, label, tuple(SourceRef(0, j) for j in js), 0.7)
            for i, (label, js) in enumerate(matches)
        )
    )
    comparison = Comparison(copy_doc, [source_doc], alignment)
    detector = next(d for d in detectors() if d.name == detector_name)
    found = []
    for f in detector.run(comparison):
        check_finding(f, copy, source)
        copy_text = None if f.copy_span is None else copy[slice(*f.copy_span)]
        source_text = None if f.source_span is None else source[slice(*f.source_span)]
        found.append((f.type, f.severity, copy_text, source_text))
    return found


def check_finding(f: Finding, copy: str, source: str) -> None:
    """What every finding must hold, whatever its type."""
    assert f.reason.strip() and "\n" not in f.reason, f
    assert f.severity in ("high", "medium", "low"), f
    if f.copy_span is None:
        assert f.type == "omitted_sentence", f
    else:
        assert 0 <= f.copy_span[0] < f.copy_span[1] <= len(copy), f
    if f.source_span is None:
        assert f.type == "unsourced_sentence" and f.source is None, f
    else:
        assert f.source == 0, f
        assert 0 <= f.source_span[0] < f.source_span[1] <= len(source), f


# --- The AP story of 25 Jan 2022, as outlets carried it --------------------------------------

AP_REASSURE = "Ukraine’s leaders sought to reassure the nation that a feared invasion from neighboring Russia was not imminent, even as they acknowledged the threat is real and prepared to accept a shipment of American military equipment Tuesday to shore up their defenses."
AP_DENIED = "Russia has denied it is planning an assault, but it has massed an estimated 100,000 troops near Ukraine in recent weeks, leading the United States and its NATO allies to rush to prepare for a possible war."
AP_DIPLOMACY = "Several rounds of high stakes diplomacy have failed to yield any breakthroughs, and this week tensions escalated further."
AP_ALERT = "NATO said it was bolstering its deterrence in the Baltic Sea region, and the U.S. ordered 8,500 troops on higher alert to potentially deploy to Europe as part of an alliance “response force” if necessary."
AP_REZNIKOV = "Defense Minister Oleksii Reznikov told parliament that “as of today, there are no grounds to believe” Russia is preparing to invade imminently, noting that its troops have not formed what he called a battle group that could force its way through the border."
AP_SLEEP = "“Don’t worry, sleep well,” he said. “No need to have your bags packed.”"
AP_FESENKO = "“The Kremlin’s plans include undermining the situation inside Ukraine, fomenting hysteria and fear among Ukrainians, and the authorities in Kyiv find it increasingly difficult to contain this snowball,” said political analyst Volodymyr Fesenko."

# --- The seed page's spun versions of them ---------------------------------------------------

SEED_REASSURE = "Even as they acknowledged the threat and prepared to accept a supply of US military weapons to bolster up their defences, Ukraine’s authorities worked to convince their population that a feared invasion from neighbouring Russia was not near."
SEED_DENIED = "The United States and its NATO partners have been rushing to prepare for a possible conflict with Russia, despite Russia’s denials that it is plotting an attack."
SEED_DIPLOMACY = (
    "Diplomatic efforts have been fruitless, and this week tensions have risen even worse."
)
SEED_ALERT = "A NATO “reaction force” for Europe has been announced, with the United States ordering 8,500 troops to a higher state of readiness in preparation for a possible deployment to the Baltic Sea region “in case of necessity."
SEED_REZNIKOV = "Defense Minister Oleksii Reznikov said in parliament on Tuesday that “as of today, there are no grounds to assume” that Russia is ready to invade soon, stressing that its forces have not established what he called a fighting group that could force their way through the border. Reznikov said."
SEED_SLEEP = "Don’t worry, Reznikov reassured. “There’s no need to bring anything.”"
SEED_FESENKO = "“Ukrainian authorities are trying to prevent destabilisation and fear inside the nation,” political analyst Volodymyr Fesenko said, citing the reassuring remarks that there is no imminent Russian invasion. This snowball is becoming increasingly difficult for the authorities in Kyiv to control because of the Kremlin’s plans to destabilise Ukraine and instil fear and frenzy among the Ukrainian people.”"

# --- Reuters-21578 stories (excerpts, one paragraph a line) -----------------------------------

# NEWID 45: ChemLawn and the Waste Management bid.
CHEMLAWN = """\
ChemLawn Corp could attract a higher bid than the 27 dlrs per share offered by Waste Management Inc, Wall Street arbitrageurs said.

"This is totally by surprise," said Debra Strohmaier, a ChemLawn spokeswoman. The company's board held a regularly scheduled meeting today and was discussing the Waste Management announcement.

"I think they will resist it," said Elliott Schlang, analyst at Prescott, Ball and Turben Inc. "Any company that doesn't like a surprise attack would."

Arbitrageurs pointed out it is difficult to resist tender offers for any and all shares for cash. Schlang said ChemLawn could try to find a white knight if does not want to be acquired by Waste Management.

Analyst Rosemarie Morbelli of Ingalls and Snyder said ServiceMaster Companies L.P. or Rollins Inc were examples of companies that could be interested.
"""

# NEWID 192: Merrell Dow and Bendectin.
MERRELL = """\
Dow Chemical Co's Merrell Dow Pharmaceuticals Inc unit said a jury found that Bendectin did not cause the birth defects of a seven-year old boy whose mother took the drug during pregnancy.

The anti-nausea drug has been used to treat morning sickness and was discontinued in 1983 amid allegations that the drug caused birth defects.

Merrell said that to date there have been 12 other trials involving the drug, 10 in the U.S. and two in West Germany.

At one point about 1700 lawsuits had been filed alleging the drug caused birth defects, said a company spokesman. He said about 300 lawsuits are pending.
"""

# NEWID 2957: Ecuador after the earthquake.
ECUADOR = """\
OPEC member Ecuador adopted austerity measures to conserve fuel after oil production was paralyzed by a strong earthquake.

Energy and Mines Minister Javier Espinosa announced on television the country would cut domestic fuel sales by 30 pct.

Deputy Energy Minister Fernando Santos Alvite told a television interviewer that it could possibly take more than a month to repair Ecuador's main pipeline linking Amazon basin oil fields to the Pacific Ocean coast.

The quake on Thursday, which registered six on the 12-point Mercalli scale, killed at least six people and was centred near the Reventador volcano about 90 km (50 miles) east of Quito.

Ecuador had recently been pumping 260,000 barrels per day.
"""

# NEWID 1077: fighting at the Zincor refinery.
ZINCOR = """\
Three black workers were killed and seven injured in fighting at a South African zinc refinery last night, Gold Fields of South Africa Ltd said.

The company said two groups of workers began attacking each other at about 1000 local time with machetes, knives and sticks at a hostel at the Zincor plant, some 40 kms east of Johannesburg.

It said the fighting was "quelled" after 25 minutes by its own security staff. Police were called but the fighting had ended by the time they arrived.

A company spokesman said he had no idea of the cause of the fighting. An investigation was underway, he said.
"""

# NEWID 3464: Iraq and Iran in Kurdistan.
KURDISTAN = """\
Iraq said today its forces had crushed an Iranian attack on a strategic mountain peak in a rugged and snow-clad area of Iraqi Kurdistan.

INA said hundreds of Iranians were killed and large quantities of armour and weapons were left behind. It did not give Iraqi casualties.

The Iranian news agency IRNA said yesterday that Iraqi troops had suffered 3,000 casualties in Iran's week-old offensive in northeast Iraq.

The political department head at Iraq's Defence Ministry, Abdul Jabbar Muhsen, said on Monday fighting was continuing in the north but that Iran had exaggerated battle reports.
"""

# NEWID 213: Japan's consumer prices.
JAPAN_CPI = """\
Japan's unadjusted consumer price index (base 1985) fell 0.4 pct to 99.7 in January from the previous month, the government's Management and Coodination Agency said.

The fall compares with a decline of 0.2 pct in December.

Food costs rose in January from December but prices fell for clothing, footwear and utilities, causing the overall decline for the month.

Compared with a year earlier, the index was down 0.7 pct due to lower vegetable, fuel oil and utility costs.
"""

# NEWID 175: Brazil's creditor banks.
BRAZIL = """\
Brazil's 14-bank advisory committee expressed "grave concern" to chief debt negotiator Antonio Padua de Seixas over the country's suspension of interest payments, according to a telex from committee chairman Citibank to creditor banks worldwide.

Seixas, director of the Brazilian central bank's foreign debt department, met the full panel on Tuesday and Wednesday.

The telex could be sent to creditors as early as today, bankers said.

Despite the rising tempers, bankers said there are no plans for Brazilian finance minister Dilson Funaro to meet commercial bankers during his trip to Washington on Friday and Saturday.
"""

# NEWID 26: Venezuela's debt rescheduling.
VENEZUELA = """\
Venezuela and its bank advisory committee have agreed in principle on revisions to the terms of a 21 billion dlr debt-rescheduling package signed last February, bankers said.

The committee was meeting in New York this afternoon and could put its final stamp of approval of the deal later today, the bankers said.

"A number of details have still to be finalized, but the broad details of the new amortization schedules and interest rates are in place," one senior banker said.

The interest rate on the rescheduling was originally set at 1-1/8 pct over Eurodollar rates, but Venezuela requested easier terms because of a 40 pct drop in oil income last year.
"""


def edit(text: str, old: str, new: str) -> str:
    """`text` with its one occurrence of `old` replaced by `new` (the copy's one edit)."""
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times"
    return text.replace(old, new)
