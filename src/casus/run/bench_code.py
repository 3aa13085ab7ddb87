"""Benchmark the event coder: sentences per second, peak memory, and a spaCy baseline.

The baseline runs the same dictionaries' phrases (actors, triggers, cues)
through spaCy's PhraseMatcher on ``spacy.blank("en")`` tokens: the cheapest
spaCy pipeline that could find the same words, before any argument logic.
``python -m casus.run.bench_code [FILE ...]`` benchmarks the sentences of text
files (one sentence a line), or by default the seed corpus's sentences,
read and split as ``casus ingest`` does.
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from casus.events.coder import code_sentences, lexicon
from casus.native import coder_build

DOC_SIZE = 40  # sentences per pseudo-document, so context resets as it would between articles


def _docs(sentences: Sequence[str]) -> list[list[str]]:
    return [list(sentences[i:i + DOC_SIZE]) for i in range(0, len(sentences), DOC_SIZE)]


REPEATS = 3  # timed windows per measurement; the best is reported (as timeit does), the median beside it


def _rates(fn: Callable[[], None], n: int, min_seconds: float = 0.5, repeats: int = REPEATS) -> list[float]:
    """Sentences per second of `fn` in `repeats` windows, each repeating `fn` until it has run `min_seconds`."""
    fn()  # warm up
    out: list[float] = []
    for _ in range(repeats):
        runs, start = 0, time.process_time()  # CPU time: per core, and steadier when the machine is shared
        while True:
            fn()
            runs += 1
            elapsed = time.process_time() - start
            if elapsed >= min_seconds:
                out.append(runs * n / elapsed)
                break
    return sorted(out)


def _rate(fn: Callable[[], None], n: int, min_seconds: float = 0.5) -> float:
    """The best of REPEATS windows: other load on a shared machine only ever slows a window down."""
    return _rates(fn, n, min_seconds)[-1]


def _peak_kib(fn: Callable[[], None]) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1024
    finally:
        tracemalloc.stop()


def spacy_baseline(sentences: Sequence[str], min_seconds: float = 0.5) -> dict:
    """Sentences per second of spaCy blank('en') tokenisation plus a PhraseMatcher over the casus dictionaries."""
    try:
        import spacy
        from spacy.matcher import PhraseMatcher
    except ImportError as exc:  # pragma: no cover - depends on the environment
        return {"skipped": f"spaCy not importable ({exc}); pip install spacy"}
    nlp = spacy.blank("en")
    matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
    phrases = list(lexicon().table)
    tokenizer: Any = nlp.tokenizer  # typed as a plain callable; it is a Tokenizer, which has .pipe
    matcher.add("CASUS", list(tokenizer.pipe(phrases)))

    def run() -> None:
        for doc in tokenizer.pipe(sentences):
            matcher(doc)

    return {"sentences_per_s": _rate(run, len(sentences), min_seconds), "patterns": len(phrases),
            "version": spacy.__version__}


def run(sentences: list[str], min_seconds: float = 0.5, documents: Sequence[tuple[list[str], str | None]] | None = None
        ) -> dict:
    """Time code_sentences on `sentences` (in documents of 40, or the given `documents`: sentences and published
    date) and a spaCy baseline; return the numbers and their ratio."""
    lexicon()  # compile outside the timing
    docs = list(documents) if documents is not None else [(d, None) for d in _docs(sentences)]
    if documents is not None:
        sentences = [s for doc, _ in docs for s in doc]

    def casus() -> None:
        for doc, published in docs:
            code_sentences(doc, published)

    n = len(sentences)
    rates = _rates(casus, n, min_seconds)
    rate = rates[-1]
    peak = _peak_kib(casus)
    coded = sum(1 for doc, published in docs for events in code_sentences(doc, published) if events)
    baseline = spacy_baseline(sentences, min_seconds)
    result = {
        "coder_build": coder_build(),
        "sentences": n,
        "sentences_with_events": coded,
        "casus_sentences_per_s": rate,
        "casus_sentences_per_s_median": rates[len(rates) // 2],
        "casus_us_per_sentence": 1e6 / rate if rate else None,
        "casus_peak_kib": peak,
        "spacy": baseline,
        "ratio_vs_spacy": round(rate / baseline["sentences_per_s"], 3) if "sentences_per_s" in baseline else None,
    }
    return result


def corpus_documents(folder: Path, n: int) -> tuple[list[tuple[list[str], str | None]], dict]:
    """The sentences of the articles in `folder`, read, cleaned and split as `casus ingest` does, the documents
    repeated in order until they hold `n` sentences; and what was read (documents, distinct sentences, skips)."""
    from casus.errors import SkipInput
    from casus.read.inputs import find_inputs, read_input
    from casus.run.pipeline import prepare, segment

    found: list[tuple[list[str], str | None]] = []
    skipped = 0
    for location in find_inputs([str(folder)]):
        try:
            raw = read_input(location)
            _, cleaned = prepare(raw)
        except SkipInput:
            skipped += 1
            continue
        _, sentences = segment(cleaned)
        if sentences:
            found.append((sentences, raw.published))
    distinct = sum(len(doc) for doc, _ in found)
    info = {"corpus": str(folder), "documents": len(found), "distinct_sentences": distinct, "skipped": skipped}
    if not distinct:
        return [], info
    docs = list(found)  # every document at least once, then repeated in order up to n sentences
    total = distinct
    while total < n:
        for doc in found:
            docs.append(doc)
            total += len(doc[0])
            if total >= n:
                break
    return docs, info




def default_sentences() -> list[str]:
    """The seed corpus's sentences, read and split as `casus ingest` does, if shared/ is beside the repository."""
    from casus.datafiles import shared_dir

    seeds = shared_dir() / "corpus" / "seeds"
    if not seeds.is_dir():
        return []
    docs, _ = corpus_documents(seeds, 0)
    return [s for doc, _ in docs for s in doc]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the benchmark for sentence files (one a line) or the seed sentences."""
    parser = argparse.ArgumentParser(prog="python -m casus.run.bench_code", description=main.__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--seconds", type=float, default=1.0, help="minimum timing per measurement")
    args = parser.parse_args(argv)
    sentences: list[str] = []
    for path in args.files:
        sentences.extend(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    if not args.files:
        sentences = default_sentences()
    if not sentences:
        print("error: no sentences; pass files with one sentence a line", file=sys.stderr)
        return 2
    res = run(sentences, args.seconds)
    print(f"coder build: {res['coder_build']}")
    print(f"sentences: {res['sentences']} ({res['sentences_with_events']} with events)")
    print(f"casus: {res['casus_sentences_per_s']:,.0f} sentences/s ({res['casus_us_per_sentence']:.1f} us each), "
          f"peak {res['casus_peak_kib']:,.0f} KiB")
    if "sentences_per_s" in res["spacy"]:
        print(f"spaCy {res['spacy']['version']} blank('en') + PhraseMatcher ({res['spacy']['patterns']} patterns): "
              f"{res['spacy']['sentences_per_s']:,.0f} sentences/s; casus/spaCy = {res['ratio_vs_spacy']:.2f}")
    else:
        print(f"spaCy baseline skipped: {res['spacy']['skipped']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
