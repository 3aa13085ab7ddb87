"""Corroboration: near-copies clustered across documents, independent sources counted."""
