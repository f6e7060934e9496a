"""Errors a user can act on. Each carries one line that says what went wrong and what to do."""


class UnspinError(Exception):
    """Base class: the front ends print `str(error)` on one line and exit non-zero."""


class InputError(UnspinError):
    """The input cannot be read as a news article (empty, binary, not English, too big...)."""


class FetchError(UnspinError):
    """A URL could not be fetched (unreachable, refused, too big, bad status)."""
