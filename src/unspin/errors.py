"""Errors a user can act on. Each carries one line that says what went wrong and what to do."""


class UnspinError(Exception):
    """Base class: the front ends print `str(error)` on one line and exit non-zero."""


class InputError(UnspinError):
    """The input cannot be read as a news article (empty, binary, not English, too big...)."""


class FetchError(UnspinError):
    """A URL could not be fetched (unreachable, refused, too big, bad status)."""


class MissingExtra(UnspinError, ImportError):
    """A feature whose libraries are an optional extra that is not installed."""


def require_extra(extra: str, feature: str, *modules: str) -> None:
    """Raise MissingExtra, saying what to install, if any of `modules` cannot be imported:
    `unspin compare` needs neither the web server's nor the scanner's libraries."""
    from importlib.util import find_spec

    missing = [m for m in modules if find_spec(m) is None]
    if missing:
        raise MissingExtra(
            f"{feature} needs the {extra!r} extra ({', '.join(missing)} not installed): "
            f"pip install 'unspin[{extra}]'"
        )
