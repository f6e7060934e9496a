"""Which words differ between two excerpts, so both renderers can highlight the change."""

from __future__ import annotations

from unspin.text import word_matcher, words_and_marks


def word_diff(a: str, b: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character ranges of the words of `a` and of `b` that the other text does not share."""
    ta, tb = words_and_marks(a), words_and_marks(b)
    matcher = word_matcher([m.group().lower() for m in ta], [m.group().lower() for m in tb])
    in_a: list[tuple[int, int]] = []
    in_b: list[tuple[int, int]] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if i2 > i1:
            in_a.append((ta[i1].start(), ta[i2 - 1].end()))
        if j2 > j1:
            in_b.append((tb[j1].start(), tb[j2 - 1].end()))
    return in_a, in_b
