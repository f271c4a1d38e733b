"""Citations are checked against the stored text before they are shown."""

from crisisdesk.records import Citation
from crisisdesk.store import SentenceHit, Store


def cite(hit: SentenceHit, store: Store) -> Citation | None:
    """A citation of a stored sentence, or None when the offsets no longer slice its text."""
    doc = store.document(hit.doc_id)
    if doc is None or doc.text[hit.start : hit.end] != hit.text:
        return None
    return Citation(hit.doc_id, hit.start, hit.end, hit.text, doc.outlet, doc.published, doc.title)
