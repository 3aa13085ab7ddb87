"""Outputs: exports, the HTML report, the Datasette UI, networks, what the terminal shows."""
