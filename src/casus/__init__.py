"""casus: will this state come to that state's defence? Evidence-based answers from news text."""

__version__ = "0.1.0"
