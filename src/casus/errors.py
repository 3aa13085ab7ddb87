"""Exceptions the library raises; the CLI turns each into one line."""


class CasusError(Exception):
    """A user-facing error: the message says what went wrong and what to do."""


class SkipInput(CasusError):
    """One input cannot be ingested; the batch goes on."""
