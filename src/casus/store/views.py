"""The read-only queries `casus serve` offers in the browser (Datasette canned queries), beside the tables they read.

Parameters are named (`:actor`, `:since`, ...); an empty one matches all rows.
"""

from __future__ import annotations

EVENTS_SQL = """
SELECT e.id, COALESCE(e.date, d.published) AS date, e.source, e.event, e.mode, e.target, e.modality,
       e.negated, s.text AS sentence, e.attribution, d.name AS doc, d.site, d.title, e.doc_id
FROM events e
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
JOIN documents d ON d.id = e.doc_id
WHERE (:actor = '' OR e.source = upper(:actor) OR e.target = upper(:actor))
  AND (:type = '' OR e.event = upper(:type))
  AND (:mode = '' OR e.mode = lower(:mode))
  AND (:modality = '' OR e.modality = lower(:modality))
  AND (:since = '' OR COALESCE(e.date, d.published) >= :since)
  AND (:until = '' OR substr(COALESCE(e.date, d.published), 1, length(:until)) <= :until)
ORDER BY date DESC, e.id
"""

CLAIMS_SQL = """
SELECT c.id, d.published, c.patron, c.client, c.stance, c.factor, s.text AS sentence, d.name AS doc, d.site,
       d.title, c.doc_id
FROM claims c
JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sent_idx
JOIN documents d ON d.id = c.doc_id
WHERE (:patron = '' OR c.patron = upper(:patron))
  AND (:client = '' OR c.client = upper(:client))
  AND (:stance = '' OR c.stance = lower(:stance))
  AND (:factor = '' OR c.factor = lower(:factor))
ORDER BY d.published DESC, c.id
"""


PAIR_EVENTS_SQL = """
SELECT COALESCE(e.date, d.published) AS date, e.source, e.event, e.mode, e.target, e.modality, e.negated,
       s.text AS sentence, d.name AS doc, d.site, e.id, e.doc_id
FROM events e
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sent_idx
JOIN documents d ON d.id = e.doc_id
WHERE (e.source = upper(:a) AND e.target = upper(:b)) OR (e.source = upper(:b) AND e.target = upper(:a))
ORDER BY date DESC, e.id
"""

PAIR_CLAIMS_SQL = """
SELECT d.published, c.stance, c.factor, s.text AS sentence, d.name AS doc, d.site, c.id, c.doc_id
FROM claims c
JOIN sentences s ON s.doc_id = c.doc_id AND s.idx = c.sent_idx
JOIN documents d ON d.id = c.doc_id
WHERE c.patron = upper(:patron) AND c.client = upper(:client)
ORDER BY c.stance, d.published DESC, c.id
"""
