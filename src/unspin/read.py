"""Read a news article (a file, stdin, a URL or an `Article`) into an `Article`.

Every later offset points into `Article.text`, so reading fixes it once: newlines are "\\n",
paragraphs are separated by exactly one blank line, and the characters of the body are
otherwise left as they were (curly quotes stay curly). What is not the story is left out:
page chrome (by trafilatura, for HTML), a title repeated as its own paragraph, and whole
paragraphs of comment-form, share-button and newsletter boilerplate (`BOILERPLATE`) or of links
to other stories under a label (`_LINK`), but never a credit line.

`article_from_html` and `article_from_text` turn content already in hand into an Article
and never refuse it; `check_article` refuses what is not an English news article, and
`read_article` does all of it for one input, naming that input in every error.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal
from urllib.parse import urlsplit

import charset_normalizer
import ftfy

from unspin.errors import InputError
from unspin.limits import MAX_ARTICLE_CHARS, MAX_BYTES, MAX_SENTENCES, MAX_TAGS, describe_size
from unspin.model import Article
from unspin.segmentation.credits import credit_line
from unspin.text import composed

if TYPE_CHECKING:
    import httpx

    from unspin.fetch import FetchedPage

Kind = Literal["html", "text", "json"]

# An article has at least this many words of running text (words in paragraphs of at least
# PROSE_WORDS words, so menus, headings and bylines do not count). Wire briefs run to 50+
# words; a page with less than 40 is a stub, an index page or a failed extraction.
MIN_WORDS = 40
PROSE_WORDS = 5
# A copy compared with a source it is given may be a single claim, headline or post: fact-checkers
# check one claim at a time. Only `check`, which must search a corpus, needs a whole article.
CLAIM_WORDS = 3

# The longest paragraph that can be boilerplate; a longer one is story text whatever it says.
BOILERPLATE_MAX_WORDS = 30

# Whole paragraphs that are page furniture, not story: comment forms, share buttons, newsletter
# and "related" boxes. Matched against the whole paragraph, case-folded, with surrounding
# punctuation and asterisks stripped (see `_fold`); a phrase inside a paragraph is never cut.
_SOCIAL = r"(facebook|twitter|x|whatsapp|linkedin|reddit|telegram|pinterest|email)"
BOILERPLATE = re.compile(
    "|".join(
        (
            # comment forms
            r"leave a (reply|comment)( cancel reply)?",
            r"(post|submit|add) (a )?comment|cancel reply",
            r"comments?|name|e-?mail( address)?|website",  # form field labels on their own
            r"your email address will not be published(\. required fields are marked)?",
            r"required fields are marked",
            r"save my name, email, and website in this browser for the next time i comment",
            r"you must be logged in to post a comment",
            r"\d+ comments?|no comments( yet)?|be the first to comment",
            r"(please )?enter your comment( here)?|write a comment",
            # share buttons
            rf"share( this( article| story| post)?)?( on {_SOCIAL})?",
            rf"(click to )?(share|email|print) (on|via|this)( {_SOCIAL}| article| story)?"
            r"( \(opens in new window\))?",
            r"tweet|pin it|print|like this|loading\.\.\.|advertisement",
            # newsletter and related-content boxes
            r"(subscribe|sign up) (to|for) (our|the) [\w ]*newsletters?( [\w ,']+)?",
            r"subscribe( now)?",
            r"related (posts|articles|stories|news)|you (may|might) also like",
            r"read (more|next|also)",
            # a copyright line's tail on its own (a copyright line that names its holder may
            # credit the wire: "© 2024 The Associated Press")
            r"all rights reserved",
            # social buttons ("Follow KT on WhatsApp Channels."; not "Follow the link on
            # WhatsApp and ...") and a CMS's ad slots ("[ad_1]")
            rf"follow us( on {_SOCIAL}\b.*| on)?|follow [\w ]{{1,30}} on {_SOCIAL}( channels?)?",
            r"\[ad_\d+\]",
        )
    )
)

# A link to another story under a label ("READ MORE: Seven charged over ...", "Also Read |
# ..."): the label with its colon or bar, then a headline's capital (not "Related: the
# ministry also opened an inquiry, officials said." nor "Related charges were filed").
_LINK = re.compile(
    r"(?i:read more|read also|also read|more news|see also|related(?: story| article| stories"
    r"| news| coverage| content| reading)?|more on this(?: story)?|must read|don't miss)"
    r" ?[:|] ?[\"“‘'A-Z0-9]"
)
# ... unless it ends as a story's sentence does, with who said it.
_ATTRIBUTED = re.compile(r",\s+[^,]{1,60}\s(?:said|says|told|reported|warned|added)\W*$")

# Text mostly made of these is binary, whatever decoder accepted it.
_NOT_TEXT_SHARE = 0.02

_URL_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(
    rb"<(!doctype\s+html|html|head|body|meta|title|article|div|p)[\s>/]", re.IGNORECASE
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)  # UTF-32 first: its LE mark starts like UTF-16's
_SUFFIX_KINDS: dict[str, Kind] = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".txt": "text",
    ".json": "json",
}
_MEDIA_KINDS: dict[str, Kind] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
}

_DATE_FORMATS = (
    "%d-%b-%Y %H:%M:%S.%f",
    "%d-%b-%Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    "%A, %B %d, %Y",
)

# Names for the languages py3langid most often reports, for the "not English" message.
LANGUAGE_NAMES = dict(
    pair.split("=")
    for pair in (
        "ar=Arabic bg=Bulgarian bn=Bengali ca=Catalan cs=Czech da=Danish de=German el=Greek "
        "es=Spanish et=Estonian fa=Persian fi=Finnish fr=French he=Hebrew hi=Hindi hr=Croatian "
        "hu=Hungarian id=Indonesian it=Italian ja=Japanese ko=Korean lt=Lithuanian lv=Latvian "
        "ms=Malay nl=Dutch no=Norwegian pl=Polish pt=Portuguese ro=Romanian ru=Russian "
        "sk=Slovak sl=Slovenian sr=Serbian sv=Swedish th=Thai tr=Turkish uk=Ukrainian ur=Urdu "
        "vi=Vietnamese zh=Chinese"
    ).split()
)


# --- the entry point -------------------------------------------------------------------------


def read_article(
    source: str | os.PathLike[str] | Article,
    *,
    max_bytes: int = MAX_BYTES,
    transport: httpx.BaseTransport | None = None,
    min_words: int = MIN_WORDS,
) -> Article:
    """Read one article from a path, "-" (stdin), an http(s) URL, the article's own text (a
    string that no path looks like: see `_is_text`), or return an Article as is but for its
    composed characters (`text.composed`: the report's texts are what its offsets index).

    Raises InputError (FetchError for URLs that cannot be fetched) with one line naming the input.
    `transport` is passed to `fetch` (tests give an httpx.MockTransport). `min_words` below
    MIN_WORDS accepts a single claim (`CLAIM_WORDS`), not only a whole article.
    """
    if isinstance(source, Article):
        return composed_article(source)
    name = os.fspath(source)
    if _URL_SCHEME.match(name):
        from unspin.fetch import fetch  # httpx loads only when a URL is read

        return read_fetched(fetch(name, max_bytes=max_bytes, transport=transport), name, min_words)
    elif name == "-":
        if sys.stdin is None:  # started with stdin closed ("<&-")
            raise InputError("stdin: closed, nothing to read")
        data = _read_limited(sys.stdin.buffer, "stdin", max_bytes)
        article = _parse(data, _sniff(data), "stdin")
    elif isinstance(source, str) and _is_text(name):
        data = name.encode("utf-8")
        if len(data) > max_bytes:
            raise InputError(f"text: larger than the {describe_size(max_bytes)} limit")
        name = "text"
        article = _parse(data, _sniff(data), name)
    else:
        data = _read_file(Path(name), name, max_bytes)
        kind = _SUFFIX_KINDS.get(Path(name).suffix.lower()) or _sniff(data)
        article = _parse(data, kind, name)
        article = article if article.id else replace(article, id=Path(name).name)
    return check_article(article, name, min_words)


def read_input(
    *,
    url: str = "",
    html: str | bytes = "",
    text: str = "",
    title: str | None = None,
    name: str = "the article",
    transport: httpx.BaseTransport | None = None,
    min_words: int = MIN_WORDS,
) -> Article:
    """One article as a form, an API or a feed gives it: exactly one of an http(s) URL to
    fetch, the page's HTML, or its text (with `title` if known; None: a first line that looks
    like a title is taken as one, as `article_from_text` does). Unlike `read_article`, no
    string is ever taken for a path: a client's "URL" must never name a file on the server.
    Raises InputError naming the input as `name`."""
    given = [field for field, value in (("url", url), ("html", html), ("text", text)) if value]
    if len(given) != 1:
        raise InputError(f"{name}: give exactly one of a URL, HTML or text")
    if url:
        refuse_unfetchable(url)
        return read_article(url, transport=transport, min_words=min_words)
    article = article_from_html(html, name=name) if html else article_from_text(text, title=title)
    return check_article(article, name, min_words)


_HTTP_URL = re.compile(r"https?://", re.IGNORECASE)


def refuse_unfetchable(url: str) -> None:
    """InputError unless `url` is http(s): a client's "URL" must never name a file here."""
    if not _HTTP_URL.match(url):
        raise InputError(f"{url}: only http and https URLs can be fetched")


def host_of(url: str) -> str:
    """A URL's host, lowercased, without "www." ("" for no URL or a broken one): the site of
    a page that does not name its own."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # "http://[::1" and other broken URLs
        return ""
    return host.removeprefix("www.")


def read_fetched(page: FetchedPage, name: str, min_words: int = MIN_WORDS) -> Article:
    """The article of a page `unspin.fetch.fetch` downloaded, as `read_article` reads a URL:
    apart from the download, so a server can fetch on a thread and extract (the costly part)
    where its time and memory budget hold."""
    kind = _MEDIA_KINDS.get(page.content_type) or _sniff(page.content)
    # Named as the caller names it: not by the page's address (a redirect's, or a client's
    # 2,000-character link, would come back in the error).
    article = _parse(page.content, kind, name, declared=page.encoding, url=page.url)
    return check_article(article, name, min_words)


# A path ends in a file suffix or has no space; a claim has spaces and ends in neither.
_FILE_SUFFIX = re.compile(r"\.(?:html?|txt|json|xml)$|^[~./]", re.IGNORECASE)


def _is_text(given: str) -> bool:
    """Is this string the article's own text rather than a path? Yes with a line break, over
    1,024 characters, or words with spaces that name no file ("Russia massed 100,000 troops.")."""
    if "\n" in given or len(given) > 1024:
        return True
    return " " in given.strip() and not _FILE_SUFFIX.search(given) and not _names_a_file(given)


def _names_a_file(given: str) -> bool:
    try:
        return Path(given).exists()
    except OSError:  # a name longer than a file name may be (255 bytes: a sentence in Cyrillic)
        return False


# English prose is about 30-50% function words (99.5% of Reuters stories score over 0.24, market
# reports full of names and figures the least); French, German, Spanish, Italian and Dutch news
# score under 0.06. Above this share the text is English without asking the language model.
ENGLISH_SHARE = 0.2
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to a in that is was for on with as by at from it he his said be have has had "
    "are were not but an this which who they their its or will would been also after".split()
)
_WORD = re.compile(r"[^\W\d_]+")


def _english_share(text: str) -> float:
    words = _WORD.findall(text[:3_000].lower())  # ~500 words tell English from the rest
    return sum(w in _ENGLISH_FUNCTION_WORDS for w in words) / max(len(words), 1)


def _sentence_count(text: str) -> int:
    """The text's sentences as segment counts them, or fewer when that many cannot be: a
    sentence ends at a mark or a line break, and counting those is cheap."""
    ends = sum(text.count(mark) for mark in ".!?…;:\n")
    if ends < MAX_SENTENCES:
        return ends
    from unspin.segmentation.sentences import paragraphs, sentences

    return len(sentences(text, paragraphs(text)))


def composed_article(article: Article) -> Article:
    """The article with its text's and title's characters composed (NFC), as every text unspin
    reads: a copy that spells "é" as "e" and an accent read "Pérez" as two words, its copied
    sentences as added ones and "José Pérez" as another speaker than its source's."""
    text, title = composed(article.text), composed(article.title)
    if text is article.text and title is article.title:
        return article
    return replace(article, text=text, title=title)


def _refuse_if_too_long(article: Article, name: str, how: str = "") -> None:
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"{name}: too long for a news article ({len(article.text):,} characters of text"
            f"{how}; unspin compares articles up to {MAX_ARTICLE_CHARS:,})"
        )


def check_article(article: Article, name: str, min_words: int = MIN_WORDS) -> Article:
    """Return the article if it is one unspin can read; else InputError naming `name`.
    With `min_words` below MIN_WORDS a claim will do: every word counts, not only prose."""
    _refuse_if_too_long(article, name)  # before any work that grows with length
    article = composed_article(article)
    # Again once composed: a few characters excluded from composition decompose into three
    # ("\ufb2c"), so 300,000 could become 860,000.
    _refuse_if_too_long(article, name, " once composed")
    if (n := _sentence_count(article.text)) > MAX_SENTENCES:
        raise InputError(
            f"{name}: too many sentences for a news article ({n:,}; unspin compares articles "
            f"of up to {MAX_SENTENCES:,})"
        )
    claim = min_words < MIN_WORDS
    # Counted to MIN_WORDS even for a claim: a whole article given as one must pass the language
    # check too.
    words = _running_words(article.text, enough=MIN_WORDS, prose_words=1 if claim else PROSE_WORDS)
    if words < min_words and claim:
        raise InputError(f"{name}: too short to compare ({words} words; a claim needs {min_words})")
    if words < min_words:
        # Chinese or Japanese prose has no spaces, so no "words": say what it is instead.
        if len(article.text) >= LANGUAGE_CHARS and (language := _language(article.text)) != "en":
            raise InputError(_not_english(name, language))
        raise InputError(
            f"{name}: not a news article ({words} words of running text; unspin needs at least "
            f"{min_words})"
        )
    if words < MIN_WORDS or _english_share(article.text) >= ENGLISH_SHARE:
        return article  # a claim is too short to tell its language ("Biden signs order": da)
    if (language := _language(article.text)) != "en":
        raise InputError(_not_english(name, language))
    return article


LANGUAGE_CHARS = 200  # text enough to tell a language by its letters alone


def _language(text: str) -> str:
    import py3langid  # its model takes ~0.4 s to load: only when the quick check is unsure

    language, _score = py3langid.classify(text[:2_000])  # plenty to tell a language
    return str(language)


def _not_english(name: str, language: str) -> str:
    known = LANGUAGE_NAMES.get(language)
    described = f"{known} ({language})" if known else f"another language ({language})"
    return f"{name}: the article is in {described}; unspin reads English only"


# --- getting bytes ---------------------------------------------------------------------------


def _read_file(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        if path.is_dir():
            raise InputError(f"{name}: is a directory, not a file")
        if not path.exists():
            raise InputError(f"{name}: no such file")
        if path.stat().st_size > max_bytes:  # refuse before reading a huge file
            raise InputError(f"{name}: larger than the {describe_size(max_bytes)} limit")
        with path.open("rb") as file:
            return _read_limited(file, name, max_bytes)
    except OSError as error:
        raise InputError(f"{name}: cannot read it ({error.strerror or error})") from None


def _read_limited(stream: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most max_bytes, failing if there is more (a pipe or a growing file has no size)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(f"{name}: larger than the {describe_size(max_bytes)} limit")
    return data


def _sniff(data: bytes) -> Kind:
    """What an input without a telling name or content type holds: JSON, HTML or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json"
    return "html" if _HTML_START.search(head[:1024]) else "text"


def _parse(data: bytes, kind: Kind, name: str, *, declared: str = "", url: str = "") -> Article:
    text = decode(data, name, declared=declared, html=kind == "html")
    if kind == "json":
        return article_from_json(text, name)
    if kind == "html":
        return article_from_html(text, url=url, name=name)
    return article_from_text(text, url=url)


# --- decoding --------------------------------------------------------------------------------


def decode(data: bytes, name: str, *, declared: str = "", html: bool = False) -> str:
    """Bytes to text with "\\n" newlines: BOM, then the declared charset (HTTP header, then an
    HTML meta tag), then UTF-8, then detection. Empty or binary input raises InputError."""
    if not data.strip():
        raise InputError(f"{name}: the input is empty")
    text = _decode_bom(data)
    if text is None:
        if b"\x00" in data:
            raise InputError(f"{name}: binary data, not text (expected HTML, text or JSON)")
        text = _decode_declared(data, [declared, _meta_charset(data) if html else ""])
    if text is None or _mostly_not_text(text):
        raise InputError(f"{name}: binary data, not text (expected HTML, text or JSON)")
    return _normalise_newlines(text)


def _decode_bom(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace").lstrip("\ufeff")
    return None


def _decode_declared(data: bytes, declared: list[str]) -> str | None:
    for encoding in [*declared, "utf-8"]:
        codec = _codec(encoding)
        if codec:
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                continue  # a wrong declaration is common; try the next guess
    return _detect(data)


def _detect(data: bytes) -> str | None:
    """Decode by charset-normalizer; among equally good guesses take windows-1252, the usual
    legacy charset of English pages (the best guess alone turns "Peña" into "Peńa")."""
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= least_chaos and "cp1252" in match.could_be_from_charset:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:
                break
    return str(matches[0])


def _codec(encoding: str) -> str | None:
    """The Python codec for a charset label; on the web latin-1 and ASCII mean windows-1252."""
    try:
        name = codecs.lookup(encoding.strip()).name if encoding.strip() else None
    except LookupError:
        return None
    return "cp1252" if name in ("iso8859-1", "ascii") else name


def _meta_charset(data: bytes) -> str:
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii", errors="replace") if match else ""


def _mostly_not_text(text: str) -> bool:
    sample = text[:100_000]
    return len(_NOT_TEXT.findall(sample)) > _NOT_TEXT_SHARE * len(sample)


# Replacement characters and control characters (Unicode's "Cc") but tab, newline, carriage
# return and form feed: by a regular expression, since a loop over characters was a tenth of
# reading a page.
_NOT_TEXT = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def _date_params() -> dict[str, object]:
    """htmldate's settings (through trafilatura): structured dates only (meta tags, <time>,
    JSON-LD), since the extensive search reads free text and takes a footer's copyright year
    for the date; old wire stories (Reuters-21578 is 1987) are allowed."""
    return {
        "original_date": True,
        "extensive_search": False,
        "min_date": "1970-01-01",
        "max_date": datetime.now().strftime("%Y-%m-%d"),
    }


def _unmangled(*texts: str) -> list[str]:
    """The texts with mojibake undone ("MÃ¡ynez" -> "Máynez": UTF-8 that a scraper read as
    Windows-1252 or Latin-1, once or twice), by ftfy, which changes only what reads as such.
    Its other fixes (curly quotes made straight, ligatures, widths) would rewrite what the page
    says. Only texts with a sign of it (`_MOJIBAKE`: ftfy took ~0.4 ms a page on clean real
    pages, the search ~0.02), and not texts longer together than `check_article` accepts: ftfy
    takes ~5 µs a character of mojibake-like text, and that limit bounds the work."""
    if sum(map(len, texts)) > MAX_ARTICLE_CHARS:
        return list(texts)
    return [ftfy.fix_encoding(text) if _MOJIBAKE.search(text) else text for text in texts]


# A UTF-8 lead byte read as a Windows-1252 or Latin-1 character ("Ã", "â", "Ð", "ð"), then a
# continuation byte read as one (a Latin-1 character of 0x80-0xBF, or what Windows-1252 puts
# there: "€", "™", curly quotes, dashes...): where any mojibake of UTF-8 text starts.
_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
    "\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039"
    "\u203a\u20ac\u2122]"
)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- HTML ------------------------------------------------------------------------------------


def article_from_html(html: str | bytes, url: str = "", name: str = "") -> Article:
    """The main text and metadata of a web page, by trafilatura.

    Comments, tables and page chrome are left out (favor_precision); each extracted block
    (paragraph, heading, list, quote) becomes one paragraph. The text is "" when the page has
    no main text; `check_article` refuses that. A page of more than MAX_TAGS tags is refused
    (InputError naming it as `name`, else its URL), before the cost of extracting it.
    """
    if isinstance(html, bytes):
        html = decode(html, url or "the HTML", html=True)
    if (tags := html.count("<")) > MAX_TAGS:
        raise InputError(
            f"{name or url or 'the page'}: more markup than a news page has ({tags:,} tags; "
            f"unspin reads pages of up to {MAX_TAGS:,})"
        )
    import trafilatura  # ~0.15 s to import: only for HTML
    from trafilatura.xml import xmltotxt

    document = trafilatura.bare_extraction(
        _normalise_newlines(html),
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        favor_precision=True,
        date_extraction_params=_date_params(),
    )
    if document is None:
        return Article(text="", url=url)
    (title,) = _unmangled(document.title or "")
    # trafilatura's own text output joins blocks with one newline, the same as a <br> inside a
    # block; converting block by block keeps the two apart.
    blocks = _unmangled(*(xmltotxt(block, include_formatting=False) for block in document.body))
    return Article(
        text="\n\n".join(_clean_paragraphs(blocks, title)),
        title=title,
        url=url or document.url or "",
        date=iso_date(document.date or ""),
        author=document.author or "",
        site=document.sitename or "",
    )


# --- plain text ------------------------------------------------------------------------------


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    url: str = "",
    date: str = "",
    author: str = "",
    site: str = "",
    id: str = "",
) -> Article:
    """An article from plain text, as saved from a page or stored in a corpus.

    With `title=None` the first paragraph is taken as the title when it looks like one (see
    `_looks_like_title`) and text follows it (a lone headline is the text: a claim to check);
    pass the title (or "") when it is known. Then paragraphs that repeat
    the title or are `BOILERPLATE` are dropped, and paragraphs are joined by one blank line.
    """
    (text,) = _unmangled(_without_markup(text))
    paragraphs = _paragraphs(_normalise_newlines(text))
    if title is None:
        title = paragraphs.pop(0) if paragraphs[1:] and _looks_like_title(paragraphs[0]) else ""
    else:
        (title,) = _unmangled(title)
    return Article(
        text="\n\n".join(_clean_paragraphs(paragraphs, title)),
        title=title,
        url=url,
        date=iso_date(date),
        author=author,
        site=site,
        id=id,
    )


# The elements that hold a block of text: each becomes a paragraph when a text field holds markup.
_BLOCKS = (
    "p div li ul ol h1 h2 h3 h4 h5 h6 blockquote table tr td th section article header "
    "footer aside figure figcaption pre"
).split()
# A closing block tag, or a line break: text holding one is markup, as a feed's body field often
# is (RSS content:encoded, a CMS's rendered content, a scraper that kept the <p> tags).
_MARKUP = re.compile(rf"</(?:{'|'.join(_BLOCKS)})\s*>|<br\s*/?>", re.IGNORECASE)
MARKUP_CHARS = 4 * MAX_ARTICLE_CHARS  # markup may take more room than the words it holds
# What lxml refuses in a string (it raises on control characters and lone surrogates).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")


def _without_markup(text: str) -> str:
    """A text given with HTML markup in it, as text: a paragraph per block, entities decoded,
    scripts and styles left out. By lxml's HTML parser (it recovers from broken markup in
    linear time; elements nested past 2,048 levels, which no page has, it leaves out); not
    trafilatura, which would judge a bare fragment's paragraphs as page chrome, nor the
    standard library's parser, quadratic on some unclosed constructs before Python 3.11.13.
    Text with no closing block tag or line break (an article that mentions "<p>") is
    returned as it is; so is text too long to be an article even with markup (check_article
    refuses it; parsing it would only cost memory)."""
    if len(text) > MARKUP_CHARS or not _MARKUP.search(text):
        return text
    import lxml.etree
    import lxml.html

    parser = lxml.html.HTMLParser(huge_tree=True)
    try:
        root = lxml.html.fragment_fromstring(
            _NOT_XML.sub(" ", text), create_parent="div", parser=parser
        )
    except (lxml.etree.ParserError, AssertionError, ValueError):
        # Markup and nothing to read ("<!DOCTYPE html></p>": "Document is empty"; "<html></p>":
        # "too many bodies"): the text as it is, which check_article refuses with its reason.
        return text
    for element in list(root.iter("script", "style", "noscript", "template")):
        element.drop_tree()
    for element in root.iter("br"):
        element.tail = "\n" + (element.tail or "")
    for element in root.iter(*_BLOCKS):
        element.text = "\n\n" + (element.text or "")
        element.tail = "\n\n" + (element.tail or "")
    return str(root.text_content())


def _paragraphs(text: str) -> list[str]:
    """Blocks separated by blank (or whitespace-only) lines, without edge whitespace."""
    return [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]


def _looks_like_title(paragraph: str) -> bool:
    """One line of at most 25 words that reads as a headline: no closing sentence punctuation,
    or most longer words capitalised ("Russia's Invasion Is Not Imminent. Latest News!")."""
    words = paragraph.split()
    if "\n" in paragraph or not 2 <= len(words) <= 25:
        return False
    if not paragraph.endswith((".", "!", "?", '"', "”", "'", "’", ":")):
        return True
    long_words = [word for word in words if sum(char.isalpha() for char in word) >= 4]
    capitalised = [word for word in long_words if word[0].isupper()]
    return len(capitalised) >= 0.75 * len(long_words)


def _clean_paragraphs(paragraphs: list[str], title: str) -> list[str]:
    """Drop paragraphs that repeat the title or are boilerplate; keep the rest unchanged."""
    return [
        paragraph.strip()
        for paragraph in paragraphs
        if paragraph.strip()
        and not _repeats_title(paragraph, title)
        and not _is_boilerplate(paragraph)
    ]


def _fold(text: str) -> str:
    """Compare-only form: case-folded, straight quotes, one space, no edge punctuation."""
    text = text.casefold().translate(_QUOTES)
    return " ".join(text.split()).strip(" .,:;!?*|-–—…")


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})


def _repeats_title(paragraph: str, title: str) -> bool:
    """The paragraph is the title, or the title without (or with) a tail such as "Latest News!"
    that leaves at least 60% of it. Not a sentence that a title cut off with an ellipsis
    begins ("... vice presidents in…" before the lede): that title is its teaser. (A longer
    headline after it is still the title's repeat.)"""
    para, head = _fold(paragraph), _fold(title)
    if not para or not head:
        return False
    cut = title.rstrip().endswith(("…", "..."))
    if cut and len(para) > len(head) and not _looks_like_title(paragraph):
        return False
    short, long = sorted((para, head), key=len)
    return (
        long.startswith(short)
        and (len(long) == len(short) or not long[len(short)].isalnum())
        and len(short) >= 0.6 * len(long)
    )


def _is_boilerplate(paragraph: str) -> bool:
    if len(paragraph.split()) > BOILERPLATE_MAX_WORDS:
        return False
    link = _LINK.match(paragraph) is not None and not _ATTRIBUTED.search(paragraph)
    if not link and BOILERPLATE.fullmatch(_fold(paragraph)) is None:
        return False
    # "Read more: AP" credits the wire (segmentation.credits): the report says whether a page
    # credits its source.
    return credit_line(paragraph, 0, len(paragraph)) is None


def _running_words(text: str, enough: int, prose_words: int = PROSE_WORDS) -> int:
    """Words in prose paragraphs (of `prose_words` words or more), counted until there are
    `enough` (a long story need not be counted to the end to pass)."""
    total = 0
    for paragraph in _paragraphs(text):
        count = len(_RUNNING_WORD.findall(paragraph))
        total += count if count >= prose_words else 0
        if total >= enough:
            break
    return total


_RUNNING_WORD = re.compile(r"\S*[^\W\d_]\S*")


# --- JSON ------------------------------------------------------------------------------------


def article_from_json(text: str, name: str) -> Article:
    """One JSON object with "text", "body" or "html" and optional title, url, date, author,
    site and id."""
    try:
        record = json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(
            f"{name}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    except RecursionError:  # thousands of nested brackets: no article, and the parser gives up
        raise InputError(f"{name}: JSON nested too deeply to be an article") from None
    except ValueError:  # a number of over 4,300 digits, which Python will not read
        raise InputError(f"{name}: not valid JSON (a number too long to read)") from None
    try:
        return article_from_fields(record if isinstance(record, dict) else {})
    except InputError:
        raise InputError(
            f'{name}: the JSON must be one object with a "text", "body" or "html" field'
        ) from None


def article_from_fields(
    fields: Mapping[str, object], read_html: Callable[[str, str], Article] | None = None
) -> Article:
    """An article from a record's fields (a JSON object, a CSV row): its text from "text",
    "body" or "html" (`read_html(html, url)`, article_from_html by default), and its title,
    url, date, author, site and id. InputError if it has no text."""
    (title,) = _unmangled(_metadata(fields.get("title")))
    meta = {key: _metadata(fields.get(key)) for key in ("url", "date", "author", "site", "id")}
    body = _text(fields.get("text")) or _text(fields.get("body"))
    if body:
        return article_from_text(body, title=title, **meta)
    html = _text(fields.get("html"))
    if html:
        article = (read_html or _html_at)(html, meta["url"])
        meta["date"] = iso_date(meta["date"])
        given = {key: value for key, value in {"title": title, **meta}.items() if value}
        return replace(article, **given)  # what the record says wins over what the page says
    raise InputError('no "text", "body" or "html" field')


def _html_at(html: str, url: str) -> Article:
    return article_from_html(html, url=url)


def _text(value: object) -> str:
    """A JSON content field: a string with something in it, else ""."""
    return value if isinstance(value, str) and value.strip() else ""


def _metadata(value: object) -> str:
    """A JSON metadata field: a string, or a number (ids); anything else counts as absent."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


# --- dates -----------------------------------------------------------------------------------


def iso_date(value: str) -> str:
    """A date as YYYY-MM-DD: from ISO 8601, RFC 2822 or common written forms; "" if unreadable."""
    value = value.strip()
    if not value:
        return ""
    try:
        return datetime.fromisoformat(value).date().isoformat()
    except ValueError:
        pass
    for form in _DATE_FORMATS:
        candidate = value if "%f" in form else value.replace(".", "")  # "Jan. 25, 2022"
        try:
            return datetime.strptime(candidate, form).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return ""
