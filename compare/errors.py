"""The one error family of readout-compare; the CLI maps each class to an exit code."""

from __future__ import annotations


class CompareError(Exception):
    """Base class: a problem with the user's input or options, reported in one line."""

    exit_code = 1

    def naming(self, name: str) -> CompareError:
        """The same error with the input's ``name`` in front of its message (``x.txt: input is
        empty``), unless the message names it already; so a log of many inputs says which failed."""
        text = str(self)
        if not name or name in text:
            return self
        renamed = type(self)(f"{name}: {text}")
        renamed.__cause__ = self.__cause__
        return renamed


class InputNotFound(CompareError):
    """The article path does not exist or cannot be read."""

    exit_code = 3


class NotText(CompareError):
    """The input is binary or in an encoding we cannot decode."""

    exit_code = 4


class InputTooLarge(CompareError):
    """The input is larger than the documented maximum."""

    exit_code = 5


class EmptyInput(CompareError):
    """The input holds no text (empty or whitespace only)."""

    exit_code = 6


class NoStatements(CompareError):
    """The article holds no statement attributable to anyone."""

    exit_code = 7


class OutputError(CompareError):
    """The report could not be written."""

    exit_code = 8


class BadOption(CompareError):
    """A command-line option or sides file is malformed."""

    exit_code = 9


class FetchError(CompareError):
    """A URL could not be fetched: bad scheme, unreachable host, refused, timed out or HTTP 4xx/5xx."""

    exit_code = 10
