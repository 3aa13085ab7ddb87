"""Text: web junk out (clean), sentences with offsets (segment)."""
