"""crisisdesk: a local, cited evidence base of who said what in crisis news coverage."""

from crisisdesk.desk import Desk, IngestReport
from crisisdesk.errors import AnalyzeError, CrisisdeskError, IngestError, StoreError
from crisisdesk.records import (
    Analysis,
    Answer,
    Attribution,
    Citation,
    Document,
    Doubt,
    Entity,
    Quantity,
    TimeExpr,
)
from crisisdesk.settings import Settings, get_settings

__all__ = [
    "Analysis",
    "AnalyzeError",
    "Answer",
    "Attribution",
    "Citation",
    "CrisisdeskError",
    "Desk",
    "Document",
    "Doubt",
    "Entity",
    "IngestError",
    "IngestReport",
    "Quantity",
    "Settings",
    "StoreError",
    "TimeExpr",
    "get_settings",
]
