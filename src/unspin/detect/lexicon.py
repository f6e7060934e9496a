"""Word lists the detectors share, as stems, so "killed"/"kills"/"killing" are one entry.

Hand-written because no package that installs offline ships them: WordNet's antonyms need a
runtime download, and lists of hedges and charged words are editorial judgements anyway.
"""

from __future__ import annotations

from unspin.text import stem


def _stems(words: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words.split())


NEGATORS = frozenset(
    {"not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "without"}
    | {"devoid"}  # "streets devoid of soldiers" says "with no soldiers in sight"
)

# Verbs that carry a negation: "declined to comment" says what "would not comment" says; so
# does "unable to": "was unable to verify" is "could not verify".
NEGATIVE_VERBS = _stems("refuse refused refuses decline declined declines fail failed fails unable")
# Verbs that deny what follows them: "by denying any illegal drug use" says what "by saying he
# was not illegally using drugs" says.
DENIALS = _stems("deny denies denied denying denial")

_OPPOSITES = """rise fall, increase decrease, increase drop, gain lose, win lose, victory defeat,
    higher lower, above below, more less, more fewer, accept reject, approve reject, allow ban,
    allow forbid, support oppose, agree disagree, confirm deny, succeed fail, success failure,
    strong weak, strengthen weaken, expand shrink, profit loss, surplus deficit, open close,
    legal illegal, guilty innocent, raise lower, buy sell,
    import export, positive negative, best worst, largest smallest, highest lowest,
    maximum minimum, majority minority, ally enemy, acquit convict, include exclude,
    possible impossible, likely unlikely, able unable, lift impose, up down, surge plunge,
    soar plunge, grow shrink, improve worsen, optimistic pessimistic, peace war,
    cheaper costlier, rose fell, bullish bearish, hawkish dovish, upgrade downgrade,
    inflow outflow, outperform underperform,
    seeded unseeded, armed unarmed, known unknown, disclosed undisclosed,
    vaccinated unvaccinated, stable unstable, fair unfair, popular unpopular, safe unsafe,
    lawful unlawful, constitutional unconstitutional, willing unwilling,
    successful unsuccessful, conscious unconscious, opposed unopposed, paid unpaid"""
# Words and their negation by "un", listed one by one: a rule for any "un" word took "unrest"
# for the opposite of "rest" and "untold" of "told", and "unexpectedly" (by stem) of
# "expectations". Left out, as their stems serve other words or other negations: "official"
# (officials), "named" (name), "identified" ("yet to be identified"), "confirmed" ("unable to
# confirm"), "injured" and "harmed" ("none ... were injured"); and "literally"/"figuratively", whose
# stems are those of "liters" and "figures".


def _antonyms() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for pair in _OPPOSITES.split(","):
        a, b = (stem(w) for w in pair.split())
        table.setdefault(a, set()).add(b)
        table.setdefault(b, set()).add(a)
    return {word: frozenset(opposites) for word, opposites in table.items()}


ANTONYMS = _antonyms()


# Hedges and boosters are matched as written, not by stem: "reportedly" stems to "report"
# (and would match "reporters"), "presumably" to "presum" (and "presumed"). "expected" is left
# out: "more than expected" hedges nothing.
HEDGES = frozenset(
    """may might could possibly possible perhaps likely unlikely probably reportedly allegedly
    apparently believed suspected seem seems seemed appear appears appeared suggest suggests
    suggested potential potentially unconfirmed unclear estimated rumored rumoured purportedly
    supposedly presumably presumed alleged""".split()
)
# Words that open a noun phrase: "the alleged stabbing", "their spokesman".
DETERMINERS = frozenset("the a an his her its their our this that these those".split())
BE_FORMS = frozenset("is are was were be been being".split())  # before a passive participle
# Words after which a participle describes a noun ("the alleged misuse", "Trump's claimed
# win"): articles and possessives, not "it's" and the like (an "is": "it's believed").
_ARTICLES = frozenset("the a an his her its their our my your".split())
_CONTRACTIONS = frozenset("it's he's she's that's there's what's who's here's".split())


def opens_noun_phrase(lower: str) -> bool:
    """Is the (lowercased) word an article or a possessive?"""
    return lower in _ARTICLES or (lower.endswith("'s") and lower not in _CONTRACTIONS)


# Hedges of one word family: "appears to show" keeps "apparently shot" hedged.
_HEDGE_FAMILIES = {
    form: family
    for family, forms in {
        "appear": "appear appears appeared apparently",
        "seem": "seem seems seemed seemingly",
        "possible": "possible possibly",
        "potential": "potential potentially",
        "presume": "presumed presumably",
        "suggest": "suggest suggests suggested",
        "allege": "allegedly alleged",
        "suppose": "supposedly supposed",
    }.items()
    for form in forms.split()
}


# Hedges of evidence: the source marks a claim as what seemed so or what was reported. Dropped,
# they make an appearance or a report a fact (on real pages, 5 of 5 such findings were
# labelled distortions, against 2 of 8 for a dropped "could": benchmarks/real, 2026-12-05).
EVIDENTIAL = frozenset(
    """apparently appear appears appeared seemingly seem seems seemed reportedly purportedly
    supposedly""".split()
)


def hedge_family(word: str) -> str:
    """The family of a hedge word ("apparently" -> "appear"); the word itself otherwise."""
    return _HEDGE_FAMILIES.get(word, word)


# The hedges whose addition casts doubt on a claim: modal verbs and hedging adverbs. An added
# adjective ("potential losses", "an estimated 1.7 million", "likely candidates") describes
# rather than doubts, and spinners add them freely.
DOUBTS = frozenset(
    """may might could possibly perhaps probably reportedly allegedly apparently purportedly
    supposedly presumably seemingly""".split()
)
# Words of a charge or an accusation: where the source speaks of one, an added "allegedly" is
# how a report of a charge speaks of the act charged, not doubt the copy adds.
CHARGES = _stems("charged charges accused indicted arrested prosecutors")
# Words that keep a claim hedged in other words: approximations of a figure ("approximately"
# for "an estimated") and milder verbs of evidence ("polls indicate" for "polls suggest").
SOFTENERS = frozenset(
    """indicate indicates indicated signal signals signaled signalled threat threats threaten
    threatens threatening threatened risk risks chance chances""".split()
)
# Approximations keep a figure's hedge ("approximately 100,000" for "an estimated 100,000")
# when a number follows them.
APPROXIMATIONS = frozenset("approximately about around roughly nearly almost some".split())
# Modals that say about as much as "could": "could hurt" for "can hurt" adds no doubt.
MODALS = frozenset("can would should".split())
BOOSTERS = frozenset(
    """will certainly definitely clearly undoubtedly surely confirmed proven always must certain
    sure inevitable inevitably guaranteed obviously indeed""".split()
)

# Verbs of knowing, by how sure they make a claim: a finding ("investigators concluded") is
# not a suspicion ("investigators believe"). Matched as written, like the hedges.
ESTABLISHED = frozenset(
    """concluded concludes found finds determined determines established establishes confirmed
    confirms proved proves proven showed shows shown demonstrated demonstrates discovered
    verified ruled""".split()
)
SUSPECTED = frozenset(
    """alleged alleges presumed presumes believed believes believe suspected suspects suspect
    suggested suggests thought thinks assumed assumes speculated speculates claimed claims
    guessed surmised""".split()
)

# What is slaughtered or butchered without a charge: "the donated sheep, goats and cows will be
# slaughtered" for "killed" is the word for livestock (an Eid story, 2020), not a massacre.
# Farm animals only: "Buffalo", "Turkey" and "seals" name other things too.
ANIMALS = _stems(
    """animal animals livestock cattle cow cows sheep goat goats lamb lambs hog hogs chicken
    chickens poultry calf calves camel camels ox oxen"""
)

# neutral word -> charged words a rewrite may put in its place
LOADED: dict[str, frozenset[str]] = {
    stem(neutral): _stems(charged)
    for neutral, charged in {
        "killed": "murdered slaughtered massacred butchered assassinated exterminated",
        "died": "slaughtered murdered",  # "perished" says how, not by whose hand
        "said": "admitted confessed claimed alleged insisted conceded boasted ranted snapped",
        "says": "admits confesses claims alleges insists concedes boasts rants",
        "criticized": "slammed blasted lambasted ripped savaged attacked",
        "criticised": "slammed blasted lambasted ripped savaged",
        "protesters": "rioters mob thugs looters",
        "militants": "terrorists",
        "fighters": "terrorists thugs",
        "government": "regime",
        "asked": "demanded",
        "fell": "plunged plummeted crashed collapsed tanked",
        "rose": "soared skyrocketed rocketed exploded",
        "migrants": "illegals invaders",
        "stated": "admitted claimed confessed",
        "disputed": "denied",
        "left": "fled",
        "troops": "invaders occupiers",
        # A political label pushed to the fringe ("Right-wing politician" for "far-right").
        "right-wing": "far-right extreme-right ultra-right",
        "left-wing": "far-left extreme-left ultra-left",
        "offensive": "invasion",
    }.items()
}
