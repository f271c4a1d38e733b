"""One router per resource: the evidence (status, claims, numbers, events, trend, documents),
the brief, questions, ingest, and the page."""
