"""segment(article) -> Doc: sentences, quotes, quantities, attributions, times, names and
credits.

Pure and deterministic; regular expressions and small word lists only, so it imports fast
and takes about a millisecond for an 800-word article. The order matters: times first (a
year is not a quantity, a month is not a name), credits and datelines (a dateline's place is
not a name of the story), then quotes (cues inside a quotation are not the article's
attributions), names, attributions, and last the quotes' speakers.
"""

from __future__ import annotations

import re

from unspin.model import Article, Doc, Span
from unspin.segmentation.attributions import TRIGGERS as CUE_WORDS
from unspin.segmentation.attributions import find_attributions
from unspin.segmentation.credits import find_credits
from unspin.segmentation.lexicon import WordIndex
from unspin.segmentation.names import find_names
from unspin.segmentation.quantities import TRIGGERS as NUMBER_WORDS
from unspin.segmentation.quantities import find_quantities
from unspin.segmentation.quotes import assign_speakers, find_quotes
from unspin.segmentation.sentences import paragraphs, sentences
from unspin.segmentation.times import TRIGGERS as TIME_WORDS
from unspin.segmentation.times import find_times

__all__ = ["segment"]

# A market ticker in parentheses: "(NYSE:CVX)", "(Nasdaq: AAPL)", Reuters' "(GE.N)", "<DOW>".
TICKER = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|LSE|TSX|ASX|NSE|BSE|HKEX|OTC|AMEX|Euronext)\s*:\s*[A-Z][A-Z0-9.]*\)"
    r"|\([A-Z0-9]{1,6}\.[A-Z]{1,3}\)|<[A-Z]{1,6}>"
)

# The words any finder's pattern can start at (see lexicon.WordIndex).
_TRIGGERS = CUE_WORDS | NUMBER_WORDS | TIME_WORDS


def segment(article: Article) -> Doc:
    """The article's Doc: its sentences and paragraphs, quotations and their speakers, numbers,
    attributions, time expressions, names and credits, each a span of offsets into its text."""
    text = article.text
    paras = paragraphs(text)
    sents = sentences(text, paras)
    index = WordIndex(text, _TRIGGERS)
    times = find_times(text, index)
    time_spans = [Span(t.start, t.end) for t in times]
    credits, datelines = find_credits(text, paras)
    quantities = find_quantities(text, time_spans, index)
    quotes = find_quotes(text, paras, sents)
    tickers = [Span(*m.span()) for m in TICKER.finditer(text)]
    # Not the story's own names: datelines, credits, market tickers.
    furniture = datelines + [Span(c.start, c.end) for c in credits] + tickers
    names = find_names(text, sents, sorted(time_spans + furniture))
    attributions = find_attributions(text, sents, quotes, time_spans, index)
    quotes = assign_speakers(text, quotes, attributions, sents, names)
    return Doc(
        article=article,
        sentences=tuple(sents),
        quotes=tuple(quotes),
        quantities=tuple(quantities),
        attributions=tuple(attributions),
        times=tuple(times),
        names=tuple(names),
        credits=tuple(credits),
    )
