"""Fit the learned recall supplement (casus.events.supplement) from the shared gold, and measure it.

usage:
  python scripts/train_type_model.py split            # honest check: A-C+seeds -> D-G and the reverse
  python scripts/train_type_model.py fit [--thresholds FILE] [-o src/casus/data/type_model.json]
  python scripts/train_type_model.py sweep DIR...     # supplement F1 on fresh sets at thresholds (full model)

Labels: every sentence casus segments in the gold's articles (shared/corpus/seeds, shared/corpus/dev) gets
the set of gold event types of the gold sentences it matches (the scorer's same_sentence). Features:
casus.events.supplement.features (masked unigrams and bigrams) plus the rule coder's own types ("rule=T").
One-vs-rest L1 logistic regression (scikit-learn, training time only).
"""

from __future__ import annotations

import argparse
import datetime
import glob
import importlib.util
import json
import os
import sys
from collections import defaultdict
from typing import Any

from casus.events.coder import code_sentences, lexicon, normalise
from casus.events.scan import scan
from type_supplement import TypeModel, features, parse_models, supplement
from casus.records import CodedEvent
from casus.run.pipeline import prepare, segment
from casus.read.inputs import read_input

SHARED = os.environ.get("CASUS_SHARED", "/work/shared")
_spec = importlib.util.spec_from_file_location("score", os.path.join(SHARED, "tools", "score.py"))
assert _spec and _spec.loader
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

JOINT = {"CONSULT", "COOPERATE", "AGREE"}  # gold README: joint acts both ways
MIN_POSITIVE = 12
RULE_FEATURES = os.environ.get("RULE_FEATURES") == "1"  # off: on dev the rules are tuned, so rule=T copies them
C = float(os.environ.get("TM_C", "0.5"))


def load_docs(paths: list[str]) -> dict[str, dict[str, Any]]:
    """Each article: its casus sentences, scanned sentences, rule-coded events."""
    lex = lexicon()
    out: dict[str, dict[str, Any]] = {}
    for p in paths:
        raw = read_input(p)
        _id, cleaned = prepare(raw)
        _spans, sentences = segment(cleaned)
        coded = code_sentences(sentences, raw.published)
        scanned = [scan(normalise(s), lex, None, {}) for s in sentences]
        out[os.path.basename(p)] = {"sentences": sentences, "coded": coded, "scanned": scanned}
    return out


def labels(docs: dict[str, dict[str, Any]], gold: list[dict]) -> dict[tuple[str, int], set[str]]:
    """(doc, sentence index) -> the gold types of that casus sentence."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    out: dict[tuple[str, int], set[str]] = {}
    for doc, recs in by_doc.items():
        if doc not in docs:
            continue
        sents = docs[doc]["sentences"]
        cache: dict[str, int | None] = {}
        for g in recs:
            s = g["sentence"]
            if s not in cache:
                cache[s] = next((i for i, t in enumerate(sents) if score.same_sentence(t, s)), None)
            i = cache[s]
            if i is not None:
                out.setdefault((doc, i), set()).add(g["event"])
    return out


def rows(docs: dict[str, dict[str, Any]]) -> list[tuple[str, int, set[str]]]:
    """(doc, index, feature set) for every sentence."""
    out = []
    for doc, d in docs.items():
        for i, (sent, coded) in enumerate(zip(d["scanned"], d["coded"])):
            f = features(sent, {e.event for e in coded} if RULE_FEATURES else ())
            out.append((doc, i, f))
    return out


def fit(train_rows: list[tuple[str, int, set[str]]], lab: dict[tuple[str, int], set[str]],
        thresholds: dict[str, float] | None = None) -> dict[str, TypeModel]:
    """One L1 logistic regression per type with enough positive sentences."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([{f: 1 for f in r[2]} for r in train_rows]).tocsr()
    X.indices = X.indices.astype("int32")
    X.indptr = X.indptr.astype("int32")
    names = vec.get_feature_names_out()
    types = sorted({t for v in lab.values() for t in v})
    models: dict[str, TypeModel] = {}
    for t in types:
        y = [1 if t in lab.get((d, i), ()) else 0 for d, i, _ in train_rows]
        if sum(y) < MIN_POSITIVE:
            continue
        clf = LogisticRegression(l1_ratio=float(os.environ.get("TM_L1", "1")), C=C, solver="liblinear", max_iter=2000)
        clf.fit(X, y)
        w = {str(names[j]): round(float(v), 4) for j, v in enumerate(clf.coef_[0]) if abs(v) >= 1e-4}
        models[t] = TypeModel(round(float(clf.intercept_[0]), 4), w, (thresholds or {}).get(t, 0.5),
                              t in JOINT, MODES.get(t), t == "MOBILIZE")
    return models


MODES = {"ACCUSE": "disapprove", "SUPPORT": "diplomatic", "THREATEN": "warn", "SANCTION": "economic"}


def prob_table(models: dict[str, TypeModel], test_rows, lab, ths=(0.15, 0.25, 0.35, 0.5)) -> None:
    """Per-type sentence-level P/R at a few thresholds."""
    from type_supplement import probability
    for t, m in sorted(models.items()):
        gold_n = sum(1 for d, i, _ in test_rows if t in lab.get((d, i), ()))
        parts = []
        for th in ths:
            pred = [(d, i) for d, i, f in test_rows if probability(m, f) >= th]
            hit = sum(1 for k in pred if t in lab.get(k, ()))
            parts.append(f"@{th}: P {hit / max(1, len(pred)):.2f} R {hit / max(1, gold_n):.2f} ({len(pred)})")
        print(f"  {t:10s} gold={gold_n:4d} " + "  ".join(parts))


def records(docs, models: dict[str, TypeModel] | None) -> list[dict]:
    """Rule records plus (if models) the supplement's, in the scorer's shape."""
    out = []
    for doc, d in docs.items():
        for s, sent, coded in zip(d["sentences"], d["scanned"], d["coded"]):
            extra: list[CodedEvent] = []
            if models:
                extra = supplement(sent, coded, models)
            for e in list(coded) + extra:
                out.append({"doc": doc, "sentence": s, "source": e.source, "event": e.event, "target": e.target,
                            "negated": e.negated})
    return out


def prf(gold: list[dict], pred: list[dict]) -> tuple[float, float, float, int, int]:
    docs = {g["doc"] for g in gold}
    pred = [p for p in pred if p["doc"] in docs]
    hit = len(score.match(gold, pred, score.key))
    P, R = hit / max(1, len(pred)), hit / max(1, len(gold))
    return P, R, 2 * P * R / max(1e-9, P + R), hit, len(pred)


def with_thresholds(models: dict[str, TypeModel], ths: dict[str, float]) -> dict[str, TypeModel]:
    return {t: TypeModel(m.intercept, m.weights, ths.get(t, 1.1), m.joint, m.mode, m.one_party) for t, m in models.items()}


def per_type_gain(docs, gold, models, ths_grid=(0.15, 0.25, 0.35, 0.5)) -> dict[str, dict[float, tuple]]:
    """For each type alone and each threshold: (F1, hits added, preds added) of rules + that type's supplement."""
    base = prf(gold, records(docs, None))
    print(f"  rules alone: P {base[0]:.3f} R {base[1]:.3f} F1 {base[2]:.3f} hit {base[3]} pred {base[4]}")
    out: dict[str, dict[float, tuple]] = {}
    for t in sorted(models):
        out[t] = {}
        parts = []
        for th in ths_grid:
            r = prf(gold, records(docs, with_thresholds(models, {t: th})))
            out[t][th] = r
            parts.append(f"@{th}: {r[2] - base[2]:+.4f} (+{r[3] - base[3]}/{r[4] - base[4]})")
        print(f"  {t:10s} " + "  ".join(parts))
    return out


def gold_of(paths: list[str]) -> list[dict]:
    return [json.loads(l) for p in paths for l in open(p, encoding="utf-8") if l.strip()]


def shared_docs() -> tuple[dict, list[dict]]:
    paths = sorted(glob.glob(f"{SHARED}/corpus/seeds/*")) + sorted(glob.glob(f"{SHARED}/corpus/dev/*.md"))
    return load_docs(paths), gold_of([f"{SHARED}/gold/dev.events.jsonl", f"{SHARED}/gold/seeds.events.jsonl"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["split", "fit", "sweep"])
    ap.add_argument("dirs", nargs="*")
    ap.add_argument("--thresholds", default=None, help="JSON {type: threshold}")
    ap.add_argument("-o", default="src/casus/data/type_model.json")
    a = ap.parse_args()
    docs, gold = shared_docs()
    lab = labels(docs, gold)
    allrows = rows(docs)
    ths = json.loads(a.thresholds) if a.thresholds else None
    if a.cmd == "split":
        import re
        dg = re.compile(r"^dev-[D-G]")
        for name, test_pick in (("A-C+seeds -> D-G", lambda d: bool(dg.search(d))), ("D-G -> A-C", lambda d: d.startswith("dev-") and not dg.search(d))):
            train = [r for r in allrows if not test_pick(r[0]) and (name.startswith("A") or dg.search(r[0]))]
            test = [r for r in allrows if test_pick(r[0])]
            models = fit(train, lab)
            print(f"== {name}: sentence-level P/R per type")
            prob_table(models, test, lab)
            tdocs = {d: v for d, v in docs.items() if test_pick(d)}
            tgold = [g for g in gold if test_pick(g["doc"])]
            print(f"== {name}: event F1 change, one type at a time")
            per_type_gain(tdocs, tgold, models)
            if ths:
                r0, r1 = prf(tgold, records(tdocs, None)), prf(tgold, records(tdocs, with_thresholds(models, ths)))
                print(f"== {name} with thresholds: F1 {r0[2]:.3f} -> {r1[2]:.3f} (P {r0[0]:.3f}->{r1[0]:.3f} R {r0[1]:.3f}->{r1[1]:.3f})")
        return
    models = fit(allrows, lab, ths)
    if a.cmd == "sweep":
        fdocs: dict = {}
        fgold: list[dict] = []
        for d in a.dirs:
            fdocs.update(load_docs(sorted(glob.glob(f"{d}/*.md"))))
            fgold += gold_of([f"{d}/gold.events.jsonl"])
        print("== fresh sets: event F1 change, one type at a time (full model)")
        per_type_gain(fdocs, fgold, models)
        if ths:
            for d in a.dirs:
                pre = "blind" + os.path.basename(d)[5:] + "-" if os.path.basename(d) != "blind1" else "blind-"
                sd = {k: v for k, v in fdocs.items() if k.startswith(pre)}
                sg = [g for g in fgold if g["doc"].startswith(pre)]
                r0, r1 = prf(sg, records(sd, None)), prf(sg, records(sd, with_thresholds(models, ths)))
                print(f"  {pre}: {r0[2]:.3f} -> {r1[2]:.3f}")
            r0, r1 = prf(fgold, records(fdocs, None)), prf(fgold, records(fdocs, with_thresholds(models, ths)))
            print(f"  pooled: {r0[2]:.3f} -> {r1[2]:.3f} (P {r0[0]:.3f}->{r1[0]:.3f} R {r0[1]:.3f}->{r1[1]:.3f})")
        return
    header = {"made_by": "scripts/train_type_model.py fit", "date": datetime.date.today().isoformat(),
              "gold": ["shared/gold/dev.events.jsonl", "shared/gold/seeds.events.jsonl"],
              "model": f"one-vs-rest L1 logistic regression (scikit-learn liblinear, C={C}) over masked word unigrams "
                       "and bigrams plus rule=T features; thresholds chosen on the fresh training sets",
              "sentences": len(allrows)}
    data = {"header": header, "types": {t: {"intercept": m.intercept, "threshold": m.threshold, "joint": m.joint,
                                            "mode": m.mode, "one_party": m.one_party, "weights": m.weights}
                                        for t, m in sorted(models.items())}}
    with open(a.o, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=0, sort_keys=False)
    print(f"wrote {a.o}: " + ", ".join(f"{t} {len(m.weights)}" for t, m in models.items()))


if __name__ == "__main__":
    main()
