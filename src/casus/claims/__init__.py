"""Claims: each sentence's stance on 'will PATRON defend CLIENT', and its factor."""
