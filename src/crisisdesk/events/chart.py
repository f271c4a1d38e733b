"""The escalation chart of an actor pair: one bar per day or week (above zero: conflict
outweighs cooperation), dates on the x axis, the main events marked with their type and day.

Drawn with matplotlib (the optional `plot` extra: `pip install 'crisisdesk[plot]'`), headless
(Agg), to PNG or SVG by the file's suffix. Without matplotlib, a CrisisdeskError says how to
install it. Only types, dates and the pair the user typed are written on the chart.
"""

from datetime import timedelta
from pathlib import Path
from typing import Any

from crisisdesk.errors import CrisisdeskError
from crisisdesk.events.escalation import Period
from crisisdesk.store import StoredEvent

FORMATS = (".png", ".svg")
CONFLICT, COOPERATION = "#b2182b", "#2166ac"
WINDOW = 4  # periods in the trend line's mean
MAX_TICKS = 16  # periods labelled one by one; more get dates where matplotlib puts them


def pyplot() -> Any:
    """matplotlib's pyplot on the headless backend, or a clear error without it."""
    try:
        import matplotlib
    except ImportError:
        raise CrisisdeskError(
            "drawing a chart needs matplotlib: pip install 'crisisdesk[plot]'"
        ) from None
    matplotlib.use("Agg")
    from matplotlib import pyplot as plt

    return plt


def draw(
    periods: list[Period], marked: list[StoredEvent], *, pair: str, by: str, path: Path
) -> None:
    """Write the chart of `periods` to `path` (.png or .svg), marking the `marked` events."""
    if path.suffix.lower() not in FORMATS:
        raise CrisisdeskError(f"a chart is written as {' or '.join(FORMATS)}, not {path.name}")
    plt = pyplot()

    figure, axes = plt.subplots(figsize=(10, 4.8))
    middle = timedelta(days=3.5 if by == "week" else 0)
    days = [p.start + middle for p in periods]
    values = [p.index for p in periods]
    colours = [CONFLICT if v > 0 else COOPERATION for v in values]
    axes.bar(days, values, width=6 if by == "week" else 0.8, color=colours, label="index")
    axes.plot(days, rolling(values), color="#333333", linewidth=1.6, label=f"mean of {WINDOW}")
    axes.axhline(0, color="#444444", linewidth=0.8)
    mark(axes, periods, marked, middle)
    label(axes, periods, days, pair=pair, by=by)
    figure.autofmt_xdate()
    figure.tight_layout()
    try:
        figure.savefig(path, format=path.suffix.lower().lstrip("."))
    except OSError as exc:
        raise CrisisdeskError(f"cannot write {path}: {exc.strerror or exc}") from None
    finally:
        plt.close(figure)


def label(axes: Any, periods: list[Period], days: list[Any], *, pair: str, by: str) -> None:
    """Title, axis labels, legend and dates."""
    from matplotlib import dates as mdates

    axes.set_title(f"Escalation index {plain(pair)} (conflict minus cooperation, by {by})")
    axes.set_xlabel("week starting" if by == "week" else "day")
    axes.set_ylabel("index (Goldstein-weighted events)")
    axes.legend(loc="upper left", fontsize=8)
    if len(periods) <= MAX_TICKS:
        axes.set_xticks(days, [f"{p.start:%d %b %Y}" for p in periods])
    else:
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%d %b %Y"))  # type: ignore[no-untyped-call,unused-ignore]


def rolling(values: list[float]) -> list[float]:
    """The mean of each value and the WINDOW - 1 before it: the trend under the bars."""
    means = []
    for i in range(len(values)):
        window = values[max(0, i - WINDOW + 1) : i + 1]
        means.append(sum(window) / len(window))
    return means


def mark(axes: Any, periods: list[Period], marked: list[StoredEvent], middle: timedelta) -> None:
    """Label each marked event above (or below) its period's bar."""
    bars = {id(e): p for p in periods for e in p.events}
    for event in marked:
        period = bars.get(id(event))
        if period is None:
            continue
        value = period.index
        label = f"{event.type}\n{event.first_day:%d %b}" if event.first_day else event.type
        axes.annotate(
            label,
            (period.start + middle, value),
            xytext=(0, 12 if value >= 0 else -24),
            textcoords="offset points",
            ha="center",
            fontsize=8,
            arrowprops={"arrowstyle": "-", "color": "#666666"},
        )


def plain(text: str) -> str:
    """Text matplotlib prints as written ("$" would start mathematics)."""
    return text.replace("$", r"\$")
