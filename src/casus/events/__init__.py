"""Events: actors and their mentions, the PLOVER event coder, dates."""
