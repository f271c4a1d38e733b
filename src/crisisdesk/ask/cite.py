"""Citations are checked against the stored text before they are shown.

One builder serves answers and briefs: a citation whose offsets do not slice its document's
stored text to the cited sentence is dropped, never shown.
"""

from crisisdesk.records import Citation, Document
from crisisdesk.store import SentenceHit, Store


class Citer:
    """Checked citations of stored sentences; each document is read once per Citer."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self._documents: dict[str, Document | None] = {}

    def __call__(self, hit: SentenceHit) -> Citation | None:
        """A citation of `hit`, or None when its offsets no longer slice its text."""
        doc = self._document(hit.doc_id)
        if doc is None or not checks(hit, doc.text):
            return None
        return Citation(
            hit.doc_id, hit.start, hit.end, hit.text, doc.outlet, doc.published, doc.title
        )

    def _document(self, doc_id: str) -> Document | None:
        if doc_id not in self._documents:
            self._documents[doc_id] = self._store.document(doc_id)
        return self._documents[doc_id]


def checks(hit: SentenceHit, text: str) -> bool:
    """True when `hit`'s offsets lie in `text` and slice it to exactly the cited sentence."""
    return 0 <= hit.start < hit.end <= len(text) and text[hit.start : hit.end] == hit.text


def cite(hit: SentenceHit, store: Store) -> Citation | None:
    """One checked citation of a stored sentence (many from one store: use a `Citer`)."""
    return Citer(store)(hit)
