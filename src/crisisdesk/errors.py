"""Errors crisisdesk raises on purpose; anything else is a bug.

CrisisdeskError
├── IngestError      one input could not be read (empty, binary, malformed, too large)
├── StoreError       the evidence base cannot be opened or is of a newer schema
└── AnalyzeError     the language pipeline cannot be loaded
"""


class CrisisdeskError(Exception):
    """Base of every deliberate crisisdesk error; its message is one line for the user."""


class IngestError(CrisisdeskError):
    """One source could not be ingested; the batch goes on without it."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StoreError(CrisisdeskError):
    """The store cannot be opened or migrated."""


class AnalyzeError(CrisisdeskError):
    """The analysis pipeline cannot be built."""
