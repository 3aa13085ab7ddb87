"""Measure casus against gold files: junk, events, claims."""
