"""unspin.embed: exact properties of both runtime embedders and of the model build.

The embedders come from the default cache (`make setup` builds it; if it is missing the first
test builds it, ~40 s). Sentences are inline: a user's clone has no shared data.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unspin import embed

# AP, January 2022, and a content farm's rewrite of it (examples/seed-spun-ap-ukraine.txt).
ORIGINAL = (
    "Ukraine's leaders sought to reassure the nation that a feared invasion from neighboring "
    "Russia was not imminent."
)
SPUN = (
    "Ukraine's authorities worked to convince their population that a feared invasion from "
    "neighbouring Russia was not near."
)
SAME_STORY = [  # same topic, same story, not the same statement
    "The United States and its NATO partners have been rushing to prepare for a possible "
    "conflict with Russia, despite Russia's denials that it is plotting an attack.",
    "Defense Minister Oleksii Reznikov said in parliament on Tuesday that there are no grounds "
    "to assume that Russia is ready to invade soon.",
    "Diplomatic efforts have been fruitless, and this week tensions have risen even worse.",
]
# Reuters-21578, NEWID 5752 and 252.
NEWS = [
    "The European Community (EC) delivered warnings to both Japan and the United States over "
    "trade frictions which have hit relations between the Community and its main trading "
    "partners.",
    "EC External Trade Commissioner, Willy De Clercq has already written to his U.S. "
    "counterpart, special U.S. Trade Representative Clayton Yeutter, outlining the EC's concerns.",
    "The Association's composite survey index dropped to 51.9 pct in February from 55.8 pct in "
    "January, the NAPM said.",
    "One below 50 pct implies a declining economy.",
    "It gave no details.",
]


@pytest.fixture(scope="module", params=["fast", "accurate"])
def embedder(request: pytest.FixtureRequest) -> embed.Embedder:
    return embed.get_embedder(request.param)


def cosine(vectors: np.ndarray) -> np.ndarray:
    return vectors @ vectors.T


# ---------------------------------------------------------------------------- runtime embedders


def test_rows_are_float32_unit_vectors(embedder: embed.Embedder) -> None:
    vectors = embedder.encode(NEWS)
    assert vectors.shape == (len(NEWS), embedder.dim)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_dims_are_the_models(embedder: embed.Embedder) -> None:
    assert embedder.dim == {"fast": embed.FAST_PCA_DIMS, "accurate": 384}[embedder.name]


def test_empty_input_gives_zero_rows(embedder: embed.Embedder) -> None:
    empty = embedder.encode([])
    assert empty.shape == (0, embedder.dim) and empty.dtype == np.float32


def test_blank_text_gets_a_zero_row(embedder: embed.Embedder) -> None:
    vectors = embedder.encode(["", " \n\t", NEWS[0]])
    assert not vectors[:2].any()
    assert np.linalg.norm(vectors[2]) == pytest.approx(1.0, abs=1e-5)


def test_paraphrase_scores_above_same_story(embedder: embed.Embedder) -> None:
    sims = embedder.encode([ORIGINAL, SPUN, *SAME_STORY]) @ embedder.encode([ORIGINAL])[0]
    # Measured: fast 0.85 vs at most 0.58, accurate 0.82 vs at most 0.55.
    assert sims[1] > max(sims[2:]) + 0.15


def test_rows_follow_the_input_order(embedder: embed.Embedder) -> None:
    forward = embedder.encode([NEWS[0], NEWS[3], NEWS[0], ""])
    backward = embedder.encode(["", NEWS[0], NEWS[3], NEWS[0]])
    np.testing.assert_array_equal(forward, backward[::-1])
    np.testing.assert_array_equal(forward[0], forward[2])  # a repeated text, the same row


def test_output_is_deterministic(embedder: embed.Embedder) -> None:
    assert np.array_equal(embedder.encode(NEWS), embedder.encode(NEWS))


def test_a_vector_does_not_depend_on_its_batch(embedder: embed.Embedder) -> None:
    # The accurate model runs one sentence at a time because int8 dynamic quantisation takes
    # its activation scale from the whole run: in batches of 16, companions moved a vector by
    # up to 0.015 cosine.
    together = embedder.encode(NEWS)
    alone = np.stack([embedder.encode([text])[0] for text in NEWS])
    np.testing.assert_allclose(together, alone, atol=1e-6)


def test_embedders_are_per_process_singletons() -> None:
    assert embed.get_embedder("fast") is embed.get_embedder("fast")
    assert embed.get_embedder() is embed.get_embedder("accurate")
    with pytest.raises(ValueError, match="unknown embedder kind"):
        embed.get_embedder("precise")  # type: ignore[arg-type]


def test_fast_matches_model2vec() -> None:
    from model2vec import StaticModel

    reference = StaticModel.from_pretrained(str(embed.model_dir() / "fast")).encode(NEWS)
    ours = embed.get_embedder("fast").encode(NEWS)
    # model2vec averages in float16; ours in float32.
    np.testing.assert_allclose(ours, reference.astype(np.float32), atol=2e-3)


def test_accurate_agrees_with_sentence_transformers_fp32() -> None:
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(embed.bundled_model_dir()), device="cpu")
    texts = [ORIGINAL, SPUN, *SAME_STORY, *NEWS]
    reference = model.encode(texts, normalize_embeddings=True)
    ours = embed.get_embedder("accurate").encode(texts)
    agreement = (reference * ours).sum(axis=1)
    # int8 weights: on 651 Reuters sentences the cosine to fp32 was 0.992 on average, 0.980 at
    # the lowest, and pair scores moved by 0.06 at most.
    assert agreement.min() > 0.97 and agreement.mean() > 0.985
    assert np.abs(cosine(reference) - cosine(ours)).max() < 0.06


def test_runtime_never_imports_torch() -> None:
    code = (
        "import sys\nimport unspin.embed as e\n"
        "heavy = ('torch', 'transformers', 'sentence_transformers', 'model2vec')\n"
        "cheap = [m for m in ('onnxruntime', 'tokenizers', *heavy) if m in sys.modules]\n"
        "e.get_embedder('fast').encode(['a']); e.get_embedder('accurate').encode(['a'])\n"
        "print(cheap, [m for m in heavy if m in sys.modules])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "[]"]


# ---------------------------------------------------------------------------- where and how built


def test_model_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("UNSPIN_CACHE", "/x/models")
    assert embed.model_dir() == Path("/x/models") / embed.MODEL_TAG
    monkeypatch.delenv("UNSPIN_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", "/y")
    assert embed.model_dir() == Path("/y/unspin/models") / embed.MODEL_TAG
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", "/z")
    assert embed.model_dir() == Path("/z/.cache/unspin/models") / embed.MODEL_TAG
    assert embed.model_dir(Path("/w")) == Path("/w") / embed.MODEL_TAG
    assert f"r{embed.RECIPE}" in embed.MODEL_TAG


def _write(text: str):
    def make(tmp: Path) -> None:
        (tmp / "model.bin").write_text(text)

    return make


def test_publish_builds_once(tmp_path: Path) -> None:
    final = tmp_path / "m"
    assert embed.publish(final, _write("one")) == final
    assert (final / "model.bin").read_text() == "one"
    embed.publish(final, _write("two"))  # present: not rebuilt
    assert (final / "model.bin").read_text() == "one"
    embed.publish(final, _write("three"), force=True)
    assert (final / "model.bin").read_text() == "three"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]  # no temp folders left


def test_interrupted_publish_leaves_nothing(tmp_path: Path) -> None:
    def crash(tmp: Path) -> None:
        (tmp / "half.bin").write_text("half a model")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        embed.publish(tmp_path / "m", crash)
    assert list(tmp_path.iterdir()) == []
    # A failed forced rebuild keeps the old model.
    embed.publish(tmp_path / "m", _write("old"))
    with pytest.raises(KeyboardInterrupt):
        embed.publish(tmp_path / "m", crash, force=True)
    assert (tmp_path / "m" / "model.bin").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_publish_keeps_the_winner_of_a_race(tmp_path: Path) -> None:
    final = tmp_path / "m"

    def slow(tmp: Path) -> None:
        final.mkdir()  # another process publishes while we build
        (final / "model.bin").write_text("other process")
        (tmp / "model.bin").write_text("ours")

    assert embed.publish(final, slow) == final
    assert (final / "model.bin").read_text() == "other process"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]


def test_publish_sweeps_folders_of_killed_builds(tmp_path: Path) -> None:
    killed, live = tmp_path / ".m.tmp-killed", tmp_path / ".m.tmp-live"
    killed.mkdir()
    live.mkdir()
    os.utime(killed, (0, 0))  # from 1970: long dead
    embed.publish(tmp_path / "m", _write("new"))
    assert sorted(p.name for p in tmp_path.iterdir()) == [".m.tmp-live", "m"]


def test_build_models_puts_both_models_in_the_tagged_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def fake(kind: str):
        def build(dst: Path, **_: object) -> None:
            calls.append(kind)
            dst.mkdir()
            (dst / embed.MANIFEST).write_text("{}")

        return build

    monkeypatch.setattr(embed, "build_fast", fake("fast"))
    monkeypatch.setattr(embed, "build_accurate", fake("accurate"))
    path = embed.build_models(tmp_path)
    assert path == tmp_path / embed.MODEL_TAG
    assert (path / "fast" / embed.MANIFEST).is_file()
    assert (path / "accurate" / embed.MANIFEST).is_file()
    embed.build_models(tmp_path)
    assert calls == ["fast", "accurate"]  # idempotent
    embed.build_models(tmp_path, force=True)
    assert calls == ["fast", "accurate"] * 2


def test_missing_models_are_built_once_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    built = embed.model_dir()
    embed.get_embedder("fast")  # make sure the real models exist to stand in for a build
    commands: list[list[str]] = []

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        import shutil

        shutil.copytree(built, embed.model_dir())
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setenv("UNSPIN_CACHE", str(tmp_path))
    monkeypatch.setattr(embed, "_embedders", {})
    monkeypatch.setattr(embed, "_build_announced", False)
    monkeypatch.setattr(embed.subprocess, "run", fake_run)
    fast = embed.get_embedder("fast")
    embed.get_embedder("accurate")
    assert fast.encode(["Markets fell."]).shape == (1, fast.dim)
    build = [sys.executable, "-m", "unspin.embed", "build", "--cache-dir", str(tmp_path)]
    assert commands == [build]
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "building embedding models" in err


def test_a_failed_build_says_what_to_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def failing_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        return subprocess.CompletedProcess(command, 1, "", "Traceback...\nImportError: no torch")

    monkeypatch.setenv("UNSPIN_CACHE", str(tmp_path))
    monkeypatch.setattr(embed, "_embedders", {})
    monkeypatch.setattr(embed.subprocess, "run", failing_run)
    with pytest.raises(embed.ModelBuildError, match=r"ImportError: no torch.*unspin\.embed build"):
        embed.get_embedder("fast")


def test_a_damaged_model_folder_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    commands: list[list[str]] = []

    def fake_run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        return subprocess.CompletedProcess(command, 1, "", "stop here")

    monkeypatch.setenv("UNSPIN_CACHE", str(tmp_path))
    (embed.model_dir() / "fast").mkdir(parents=True)  # the folder is there, the model is not
    monkeypatch.setattr(embed, "_embedders", {})
    monkeypatch.setattr(embed.subprocess, "run", fake_run)
    with pytest.raises(embed.ModelBuildError):
        embed.get_embedder("fast")
    assert commands[0][-1] == "--force"


def test_the_vector_cache_computes_each_text_once_and_forgets_the_oldest() -> None:
    from unspin.embed import VectorCache

    asked: list[list[str]] = []

    def compute(texts: list[str]) -> np.ndarray:
        asked.append(texts)
        return np.array([[float(len(t)), 1.0] for t in texts], dtype=np.float32)

    cache = VectorCache(size=2)
    first = cache.encode(["aa", "b", "aa"], compute)
    assert first.tolist() == [[2.0, 1.0], [1.0, 1.0], [2.0, 1.0]]
    assert cache.encode(["b", "ccc"], compute).tolist() == [[1.0, 1.0], [3.0, 1.0]]
    assert asked == [["aa", "b"], ["ccc"]]  # "b" was held; "aa" is now the oldest, gone
    cache.encode(["aa"], compute)
    assert asked[-1] == ["aa"]


def test_a_cached_vector_is_the_vector_computed_afresh() -> None:
    fast = embed.get_embedder("fast")
    texts = ["Russia massed 100,000 troops.", "Kyiv denied it.", "Russia massed 100,000 troops."]
    cached = fast.encode(texts)
    assert np.array_equal(fast.encode(texts[1:]), cached[1:])
    assert np.array_equal(fast._encode(texts), cached)  # no cache: the same bits


def test_the_vector_cache_keeps_sentences_not_whole_texts() -> None:
    from unspin.embed import KEPT_CHARS, VectorCache

    asked: list[list[str]] = []

    def compute(texts: list[str]) -> np.ndarray:
        asked.append(texts)
        return np.ones((len(texts), 2), dtype=np.float32)

    cache = VectorCache()
    long = "x" * (KEPT_CHARS + 1)
    cache.encode([long, "short"], compute)
    cache.encode([long, "short"], compute)
    assert asked == [[long, "short"], [long]]


# Characters where BERT's normaliser and pre-tokenizer differ from str.split(): control
# characters it drops (\x0b, \x1f, \x85), Unicode spaces it splits at, accents it strips,
# characters it splits off (CJK, punctuation), and a final sigma it lowercases alone.
_AWKWARD = st.sampled_from(
    [
        *"ab Z.,’—\n\t\r",
        *("\x0b", "\x0c", "\x1f", "\x85", "\x00", "\u00a0", "\u2028", "\u3000", "\u0301"),
        *("é", "Σ", "İ", "中", "\ufffd", "x" * 120),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_AWKWARD, max_size=60).map("".join))
def test_fast_token_ids_are_the_tokenizers_for_the_whole_text(text: str) -> None:
    from tokenizers import Tokenizer

    fast = embed.get_embedder("fast")
    whole = Tokenizer.from_file(str(embed.model_dir() / "fast" / "tokenizer.json"))
    whole.enable_truncation(512)
    assert fast.token_ids(text) == whole.encode(text, add_special_tokens=False).ids


def test_fast_token_ids_stop_at_the_models_length() -> None:
    fast = embed.get_embedder("fast")
    assert len(fast.token_ids("word " * 2_000)) == 512
