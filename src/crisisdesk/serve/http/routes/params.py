"""Query parameters several routes share, and the page a list returns."""

from collections.abc import Sequence
from typing import Annotated, Any, TypeVar

from fastapi import Query

T = TypeVar("T")

Limit = Annotated[int, Query(ge=1, le=500, description="At most this many items.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Skip this many items first.")]
Actor = Annotated[
    str | None, Query(max_length=200, description='Only this actor (any alias: "Maduro").')
]
Pair = Annotated[
    str | None,
    Query(max_length=200, description="Two actors or ISO codes, e.g. USA-VEN (either way round)."),
]


def page(items: Sequence[T], *, limit: int, offset: int) -> dict[str, Any]:
    """A page of `items`; a full page may have a next one."""
    return {
        "items": list(items),
        "limit": limit,
        "offset": offset,
        "next_offset": offset + limit if len(items) == limit else None,
    }
