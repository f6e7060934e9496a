"""Which vector index to use for the corpus of original stories: recall and speed, measured here.

Run by hand (embeddings are cached under --cache, so re-runs skip reading and embedding):

    . .venv/bin/activate
    HF_HUB_OFFLINE=1 python benchmarks/vector_index.py --max 1000000 --queries 500
    ... --max 100000                  # quick run, 100k vectors only
    ... --candidates usearch-f32,faiss-hnsw32 --sizes 100000   # a subset

Data: sentences of the Reuters 2006-2013 corpus (reuters_ding2014, copyrighted: read here at run
time, never stored in the repository), split with unspin's sentence splitter, exact duplicates
dropped, embedded with unspin's "fast" model (256-d, unit rows). The first --max distinct
sentences, in corpus order, are the index; the first 100k of them are the 100k index.

Queries: sentences of spun copies (spin(..., intensity="heavy", distortions=0)) of
  held-out  stories that come after the indexed ones (their originals are not in the index: the
            hard case, neighbours are merely similar), and
  in-index  stories inside the first 100k vectors (their originals are indexed: unspin's case).
Ground truth: exact top-10 by inner product (numpy, in chunks). Recall is tie-aware: a result
counts if its exact score is >= the true k-th score - 1e-6 (the static model gives some
different strings the same vector).

Every candidate is built in its own subprocess (peak RSS = VmHWM of that process; it includes
the float32 input array, reported apart) and queried in another (fresh process: load time,
RSS after load, memory-mapped load time, single-query latency with 1 thread).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

SEED = 2014
K = 10

# name -> library, build settings, query settings to sweep (faiss-hnsw: efSearch; faiss-ivf:
# nprobe; usearch: expansion_search). usearch defaults: connectivity 16, expansion_add 128.
CANDIDATES: dict[str, dict] = {
    "numpy-brute": {"lib": "numpy", "sweep": [None]},
    "faiss-flat": {"lib": "faiss-flat", "sweep": [None]},
    "faiss-hnsw32": {"lib": "faiss-hnsw", "M": 32, "efC": 40, "sweep": [32, 64, 128]},
    "faiss-ivf": {"lib": "faiss-ivf", "sweep": [16, 64, 128]},  # nlist = 4 * sqrt(n), nprobe swept
    "usearch-f32": {"lib": "usearch", "dtype": "f32", "metric": "ip", "sweep": [64, 128, 256]},
    "usearch-f32-c32": {
        "lib": "usearch",
        "dtype": "f32",
        "metric": "ip",
        "conn": 32,
        "sweep": [32, 64, 128],
    },
    "usearch-i8": {"lib": "usearch", "dtype": "i8", "metric": "cos", "sweep": [128, 256]},
    "usearch-f16": {"lib": "usearch", "dtype": "f16", "metric": "ip", "sweep": [64, 128]},
}


def rss_mb(field: str = "VmRSS") -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


# --- data ----------------------------------------------------------------------------------------


def split(text: str) -> list[str]:
    from unspin.segmentation.sentences import paragraphs, sentences

    return [text[s.start : s.end] for s in sentences(text, paragraphs(text)) if s.end > s.start]


def prepare(cache: Path, n_max: int, n_queries: int) -> None:
    """Embed the corpus sentences and two query sets into cache/ (skipped when already there)."""
    vec_path, q_path = cache / f"corpus_{n_max}.npy", cache / f"queries_{n_max}_{n_queries}.npz"
    if vec_path.exists() and q_path.exists():
        return
    from unspin.embed import get_embedder
    from unspin.testing.datasets import reuters_ding2014_articles
    from unspin.testing.spin import spin

    embedder = get_embedder("fast")
    rng = random.Random(SEED)
    seen: set[int] = set()
    texts: list[str] = []
    chunks: list[np.ndarray] = []
    story_end: list[int] = []  # vector count after each indexed story
    t0 = time.perf_counter()
    t_embed = 0.0
    n_sentences = 0
    articles = reuters_ding2014_articles()
    indexed = []
    n = 0
    for article in articles:
        if len(indexed) < 10_000:
            indexed.append(article)
        for sentence in split(article.text):
            n_sentences += 1
            h = hash(sentence)
            if h in seen:
                continue
            seen.add(h)
            texts.append(sentence)
        story_end.append(n + len(texts))
        if len(texts) >= 50_000 or n + len(texts) >= n_max:
            t = time.perf_counter()
            chunks.append(embedder.encode(texts[: n_max - n]).astype(np.float32))
            t_embed += time.perf_counter() - t
            n += len(chunks[-1])
            texts = []
            print(f"  embedded {n:,} sentences", file=sys.stderr)
            if n >= n_max:
                break
    if texts and n < n_max:  # the corpus ran out first
        chunks.append(embedder.encode(texts[: n_max - n]).astype(np.float32))
        n += len(chunks[-1])
    vectors = np.concatenate(chunks)
    n_stories = len(story_end)
    print(
        f"corpus: {n:,} distinct sentences ({n_sentences:,} read) from {n_stories:,} stories in "
        f"{time.perf_counter() - t0:.0f} s, embedding {t_embed:.0f} s",
        file=sys.stderr,
    )

    def spun_sentences(stories, want: int) -> list[str]:
        out: list[str] = []
        for k, article in enumerate(stories):
            copy = spin(article, seed=SEED + k, intensity="heavy", distortions=0).copy
            sents = [s for s in split(copy.text) if len(s.split()) >= 5]
            out += rng.sample(sents, min(3, len(sents)))  # a few per story: many stories
            if len(out) >= want:
                return out[:want]
        return out

    held_out = spun_sentences((a for a in articles), n_queries)  # the stories after the index
    n_small = min(100_000, n)
    inside = [a for a, end in zip(indexed, story_end, strict=False) if end <= n_small]
    rng.shuffle(inside)
    in_index = spun_sentences(inside, n_queries)
    np.save(vec_path, vectors)
    np.savez(
        q_path,
        held_out=embedder.encode(held_out).astype(np.float32),
        in_index=embedder.encode(in_index).astype(np.float32),
    )


def ground_truth(
    vectors: np.ndarray, queries: np.ndarray, k: int = K
) -> tuple[np.ndarray, np.ndarray]:
    """Exact top-k ids and scores by inner product, scanning the vectors in chunks."""
    best_s = np.full((len(queries), 0), -np.inf, np.float32)
    best_i = np.zeros((len(queries), 0), np.int64)
    for start in range(0, len(vectors), 100_000):
        s = queries @ vectors[start : start + 100_000].T
        top = np.argpartition(-s, k, axis=1)[:, :k]
        best_s = np.hstack([best_s, np.take_along_axis(s, top, 1)])
        best_i = np.hstack([best_i, top + start])
        keep = np.argsort(-best_s, axis=1)[:, :k]
        best_s, best_i = np.take_along_axis(best_s, keep, 1), np.take_along_axis(best_i, keep, 1)
    return best_i, best_s


def recall(vectors, queries, ids, gt_scores) -> tuple[float, float]:
    """Tie-aware recall@10 and recall@1 of result ids (n_q, >=10), -1 = no result."""
    valid = ids >= 0
    scores = np.einsum("qd,qkd->qk", queries, vectors[np.where(valid, ids, 0)])
    scores = np.where(valid, scores, -np.inf)
    r10 = (scores[:, :K] >= gt_scores[:, K - 1 : K] - 1e-6).sum(1).clip(max=K) / K
    r1 = scores[:, 0] >= gt_scores[:, 0] - 1e-6
    return float(r10.mean()), float(r1.mean())


# --- one candidate, in a subprocess ---------------------------------------------------------------


def build(name: str, vec_path: str, n: int, out: str, threads: int) -> dict:
    spec = CANDIDATES[name]
    vectors = np.load(vec_path, mmap_mode="r")[:n]
    vectors = np.ascontiguousarray(vectors)
    base = rss_mb()
    t = time.perf_counter()
    lib = spec["lib"]
    if lib == "numpy":
        out += ".npy"
        np.save(out, vectors)
    elif lib.startswith("faiss"):
        import faiss

        faiss.omp_set_num_threads(threads)
        d = vectors.shape[1]
        if lib == "faiss-flat":
            index = faiss.IndexFlatIP(d)
        elif lib == "faiss-hnsw":
            index = faiss.IndexHNSWFlat(d, spec["M"], faiss.METRIC_INNER_PRODUCT)
            index.hnsw.efConstruction = spec["efC"]
        else:
            nlist = int(4 * np.sqrt(n))
            index = faiss.IndexIVFFlat(faiss.IndexFlatIP(d), d, nlist, faiss.METRIC_INNER_PRODUCT)
            sample = vectors[
                np.random.default_rng(SEED).choice(n, min(n, 50 * nlist), replace=False)
            ]
            index.train(sample)
        for start in range(0, n, 100_000):
            index.add(vectors[start : start + 100_000])
        faiss.write_index(index, out)
    else:
        from usearch.index import Index

        index = Index(
            ndim=vectors.shape[1],
            metric=spec["metric"],
            dtype=spec["dtype"],
            connectivity=spec.get("conn"),
        )
        for start in range(0, n, 100_000):
            keys = np.arange(start, min(n, start + 100_000))
            index.add(keys, vectors[start : start + 100_000], threads=threads)
        index.save(out)
    seconds = time.perf_counter() - t
    return {
        "build_s": seconds,
        "add_per_s": n / seconds if seconds > 0 else float("inf"),
        "disk_mb": os.path.getsize(out) / 2**20,
        "build_peak_mb": rss_mb("VmHWM"),
        "input_mb": base,  # RSS before building; the input is memory-mapped, counted in the peak
    }


def query(name: str, path: str, q_path: str, out: str) -> dict:
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    spec = CANDIDATES[name]
    lib = spec["lib"]
    qs = np.load(q_path)
    queries = np.concatenate([qs["held_out"], qs["in_index"]])
    base = rss_mb()
    res: dict = {}

    # memory-mapped open (fresh pages: measures the open, not the page-in)
    t = time.perf_counter()
    if lib == "numpy":
        mm = np.load(path, mmap_mode="r")
        mm[0]
        res["mmap"] = "yes"
    elif lib.startswith("faiss"):
        import faiss

        faiss.omp_set_num_threads(1)
        try:
            mm = faiss.read_index(path, faiss.IO_FLAG_MMAP_IFC | faiss.IO_FLAG_READ_ONLY)
            mm.search(queries[:1], K)
            res["mmap"] = "yes (IO_FLAG_MMAP_IFC)"
        except Exception as e:
            try:
                mm = faiss.read_index(path, faiss.IO_FLAG_MMAP)
                mm.search(queries[:1], K)
                res["mmap"] = "yes (IO_FLAG_MMAP)"
            except Exception as e2:
                res["mmap"] = f"no: {str(e2).splitlines()[0][:60]} / {str(e).splitlines()[0][:60]}"
    else:
        from usearch.index import Index

        mm = Index.restore(path, view=True)
        mm.search(queries[0], K, threads=1)
        res["mmap"] = "yes (view=True)"
    res["mmap_open_s"] = time.perf_counter() - t
    res["mmap_rss_mb"] = rss_mb() - base
    if res["mmap"].startswith("yes"):
        t = time.perf_counter()
        for q in queries[:200]:
            if lib == "numpy":
                np.argpartition(-(mm @ q), K)[:K]
            elif lib.startswith("faiss"):
                mm.search(q[None], K)
            else:
                mm.search(q, K, threads=1)
        res["mmap_query_ms"] = (time.perf_counter() - t) / 200 * 1e3
    del mm
    base = rss_mb()

    t = time.perf_counter()
    if lib == "numpy":
        index = np.load(path)
    elif lib.startswith("faiss"):
        index = faiss.read_index(path)
    else:
        index = Index.restore(path)
    res["load_s"] = time.perf_counter() - t
    res["ram_mb"] = rss_mb() - base

    res["deletes"] = deletes(lib, index)
    sweep = {}
    for setting in spec["sweep"]:
        if lib == "faiss-hnsw":
            index.hnsw.efSearch = setting
        elif lib == "faiss-ivf":
            index.nprobe = setting
        elif lib == "usearch":
            index.expansion_search = setting
        ids = np.zeros((len(queries), K), np.int64)
        times = []
        for i, q in enumerate(queries):
            t = time.perf_counter()
            if lib == "numpy":
                s = index @ q
                top = np.argpartition(-s, K)[:K]
                ids[i] = top[np.argsort(-s[top])]
            elif lib.startswith("faiss"):
                ids[i] = index.search(q[None], K)[1][0]
            else:
                m = index.search(q, K, threads=1)
                got = np.asarray(m.keys, np.int64)
                ids[i, : len(got)], ids[i, len(got) :] = got, -1
            times.append(time.perf_counter() - t)
        np.save(f"{out}.{setting}.npy", ids)
        sweep[str(setting)] = {
            "p50_ms": float(np.percentile(times, 50) * 1e3),
            "p95_ms": float(np.percentile(times, 95) * 1e3),
        }
    res["sweep"] = sweep
    return res


def deletes(lib: str, index) -> str:
    """Whether the loaded index can remove ids (tried on a copy-free call that removes nothing)."""
    if lib == "numpy":
        return "by hand (mask)"
    if lib.startswith("faiss"):
        import faiss

        try:
            index.remove_ids(faiss.IDSelectorRange(10**12, 10**12 + 1))
            return "yes (remove_ids)"
        except RuntimeError as e:
            return "no (" + str(e).strip().splitlines()[-1].split("Error: ")[-1][:40] + ")"
    return "yes (remove)" if hasattr(index, "remove") else "no"


# --- driver ---------------------------------------------------------------------------------------


def run_child(args: list[str]) -> dict:
    env = {
        **os.environ,
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
    }
    done = subprocess.run(
        [sys.executable, __file__, *args], capture_output=True, text=True, env=env
    )
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--max", type=int, default=1_000_000, help="vectors in the largest index")
    p.add_argument("--queries", type=int, default=500, help="queries per query set (two sets)")
    p.add_argument("--sizes", default="", help="comma list of index sizes (default 100000,--max)")
    p.add_argument("--candidates", default=",".join(CANDIDATES))
    p.add_argument("--threads", type=int, default=2, help="threads for building")
    p.add_argument("--cache", type=Path, default=Path("/tmp/unspin_vector_index"))
    p.add_argument(
        "--_build", nargs=4, metavar=("NAME", "VECS", "N", "OUT"), help=argparse.SUPPRESS
    )
    p.add_argument(
        "--_query", nargs=4, metavar=("NAME", "PATH", "QUERIES", "OUT"), help=argparse.SUPPRESS
    )
    a = p.parse_args()
    if a._build:
        name, vecs, n, out = a._build
        print(json.dumps(build(name, vecs, int(n), out, a.threads)))
        return
    if a._query:
        print(json.dumps(query(*a._query)))
        return

    a.cache.mkdir(parents=True, exist_ok=True)
    prepare(a.cache, a.max, a.queries)
    vec_path = a.cache / f"corpus_{a.max}.npy"
    q_path = a.cache / f"queries_{a.max}_{a.queries}.npz"
    all_vectors = np.load(vec_path, mmap_mode="r")
    qs = np.load(q_path)
    sets = {"held-out": qs["held_out"], "in-index": qs["in_index"]}
    queries = np.concatenate(list(sets.values()))
    sizes = (
        [int(s) for s in a.sizes.split(",")] if a.sizes else sorted({min(100_000, a.max), a.max})
    )
    results_path = a.cache / "results.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    print(
        f"{len(all_vectors):,} vectors of {all_vectors.shape[1]} dims; queries: "
        + ", ".join(f"{k} {len(v)}" for k, v in sets.items()),
        file=sys.stderr,
    )

    for n in sizes:
        vectors = np.asarray(all_vectors[:n])
        _, gt_scores = ground_truth(vectors, queries)
        for name in a.candidates.split(","):
            key = f"{n}/{name}"
            out = str(a.cache / f"{name}_{n}.index")
            print(f"[{time.strftime('%H:%M:%S')}] {key}: build", file=sys.stderr, flush=True)
            b = run_child(
                ["--_build", name, str(vec_path), str(n), out, "--threads", str(a.threads)]
            )
            if "error" in b:
                print(f"  build failed: {b['error']}", file=sys.stderr)
                results[key] = b
                continue
            print(f"  {b['build_s']:.1f} s; query", file=sys.stderr, flush=True)
            path = out + ".npy" if CANDIDATES[name]["lib"] == "numpy" else out
            r = run_child(["--_query", name, path, str(q_path), out])
            if "error" in r:
                print(f"  query failed: {r['error']}", file=sys.stderr)
                results[key] = {**b, **r}
                continue
            for setting, row in r["sweep"].items():
                ids = np.load(f"{out}.{setting}.npy")
                at = 0
                for label, qv in sets.items():
                    r10, r1 = recall(
                        vectors, qv, ids[at : at + len(qv)], gt_scores[at : at + len(qv)]
                    )
                    row[f"r10_{label}"], row[f"r1_{label}"] = r10, r1
                    at += len(qv)
            results[key] = {**b, **r, "n": n}
            results_path.write_text(json.dumps(results, indent=1))
        del vectors
    print_table(results, sizes, a.candidates.split(","))


def print_table(results: dict, sizes: list[int], names: list[str]) -> None:
    head = (
        f"{'n':>5} {'candidate':<14} {'search':>6} {'r@10 ho':>7} {'r@10 in':>7} {'r@1 ho':>6} "
        f"{'r@1 in':>6} {'p50 ms':>7} {'p95 ms':>7} {'x brute':>7} {'build s':>7} {'add/s':>7} "
        f"{'disk MB':>7} {'peak MB':>7} {'RAM MB':>6} {'load s':>6} {'mmap s':>6} {'mmap ms':>7}"
    )
    print(head)
    for n in sizes:
        brute = results.get(f"{n}/numpy-brute", {}).get("sweep", {}).get("None", {}).get("p50_ms")
        for name in names:
            r = results.get(f"{n}/{name}")
            if not r:
                continue
            if "error" in r:
                print(f"{n // 1000:>4}k {name:<14} error: {r['error'][:100]}")
                continue
            for setting, s in r["sweep"].items():
                ratio = f"{s['p50_ms'] / brute:.3f}" if brute else "-"
                print(
                    f"{n // 1000:>4}k {name:<14} {'-' if setting == 'None' else setting:>6} "
                    f"{s['r10_held-out']:>7.3f} {s['r10_in-index']:>7.3f} {s['r1_held-out']:>6.3f} "
                    f"{s['r1_in-index']:>6.3f} {s['p50_ms']:>7.3f} {s['p95_ms']:>7.3f} {ratio:>7} "
                    f"{r['build_s']:>7.1f} {r['add_per_s']:>7.0f} {r['disk_mb']:>7.0f} "
                    f"{r['build_peak_mb']:>7.0f} {r['ram_mb']:>6.0f} {r['load_s']:>6.2f} "
                    f"{r['mmap_open_s']:>6.3f} {r.get('mmap_query_ms', float('nan')):>7.3f}"
                )
    print("\nmmap / deletes:")
    for n in sizes:
        for name in names:
            r = results.get(f"{n}/{name}")
            if r and "error" not in r:
                print(
                    f"{n // 1000:>4}k {name:<14} mmap: {r['mmap']}; deletes: {r['deletes']}; "
                    f"RSS before build: {r['input_mb']:.0f} MB"
                )


if __name__ == "__main__":
    main()
