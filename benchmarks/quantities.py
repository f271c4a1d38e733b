"""Benchmark crisisdesk_quantities: value + unit F1 on public gold cases, seed checks, speed.

Gold (../shared/data/quantities, read its README): quantulum3's English test cases
(quantities.json, quantities.ambiguity.json) and Microsoft Recognizers-Text English specs
(Number, Percent, NumberWithUnit Dimension and Currency models). Two figures per set:
`valF1` compares the value as written with the gold value, as the CQE paper's value F1 does
("3.5 km" -> 3.5); `F1` compares value and unit after converting both to the unit's base with
the factors of units.tsv (ours) and of the tables below (gold), so "1,500,000 kilometres"
(gold 1500000 kilometre) matches our 1500000 "km". A gold unit we do not map (compound rates
such as "watt per minute", "Sen") stays in the gold and counts as a miss. Matching is one to
one per sentence, values equal within a relative 1e-6. Ranges: quantulum3 gives the midpoint,
which our `value` also holds.
Recognizers specs are per model, so predictions are filtered to that model's kind: counts for
Number, percent for Percent, currencies for Currency, other units for Dimension; its models
have no rates, so a rate ("$98 a share", "USD/share") counts as its first unit there.
quantulum3 takes every prediction. There is no scorer for quantities in ../shared/eval, so
scoring is here. Known disagreements by design: both gold sets count years (1979), dates,
phone numbers and model numbers ("Voyager 2") as numbers; we do not.

News (MEANTIME, 90 English Wikinews articles on Airbus, GM and stock markets, read by
`_meantime.py`; only the title, date line and first four sentences are annotated): its
`VALUE` markables typed MONEY ("US$ 40 billion", "26 cents"), PERCENT ("nearly 24 %") and
QUANTITY. A QUANTITY is the number with its qualifier and a measurement unit ("about 1,100",
"over 2,000 points", "twenty tonnes", "500km") but without the counted noun ("789" of "789
dealerships"); years, dates and durations are TIMEX3 instead; ordinals, model and index names
("Boeing 787", "FTSE 100") are not marked; a few vague amounts are ("many", "the amount").
Scoring: relaxed overlap, one to one, each gold span taking the first unused overlapping
prediction (as eval/timeml.py does); a gold markable containing others (MEANTIME also marks
"$381 million, or $0.67" as a whole) is dropped for its parts, except a range of two parts
("25,000 to 30,000", whose parts are dropped instead); a prediction with a time unit
overlapping a TIMEX3 is not scored (MEANTIME annotates durations in its time layer). A
prediction's type comes from its unit (currency: MONEY, percent/pp/bp: PERCENT, else QUANTITY);
per type P = same-type matches / predictions of that type, R = same-type matches / gold of that
type; "spans" ignores type. Value: only gold spans with exactly one digit group (optional
minus, thousands commas, decimals, a scale word right after: "$ 15bn" -> 1.5e10) are read;
the others (word numbers, ranges, "52-35") are skipped from value scoring and counted.
value_f1 takes those readable spans as gold, the predictions not matched to a skipped span as
predictions and the matches with an equal value (relative 1e-6) as hits.
Usage: benchmarks/quantities.py [--data DIR] [--speed-docs N] [--show-misses] [--meantime SUB]
"""

import json
import math
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from _data import checked, parser
from _meantime import Article, articles
from crisisdesk.analyze.components import quantities as component
from crisisdesk.analyze.lexicon import read_rows
from crisisdesk.settings import Settings

NAME = "crisisdesk_quantities"
Gold = tuple[float, float, str | None]  # value as written, value in base unit, base unit or None

LENGTH = {
    "metre": 1,
    "kilometre": 1e3,
    "centimetre": 1e-2,
    "millimetre": 1e-3,
    "nanometre": 1e-9,
    "picometre": 1e-12,
    "attometre": 1e-18,
    "inch": 0.0254,
    "foot": 0.3048,
    "mile": 1609.344,
    "yard": 0.9144,
    "decimetre": 0.1,
}
QUANTULUM: dict[str, tuple[str, float]] = {
    **{name: ("m", f) for name, f in LENGTH.items()},
    "dimensionless": ("count", 1),
    "dozen": ("count", 12),
    "gross": ("count", 144),
    "baker's dozen": ("count", 13),
    "percentage": ("percent", 1),
    "square kilometre": ("m2", 1e6),
    "square mile": ("m2", 2589988.110336),
    "cubic kilometre": ("m3", 1e9),
    "cubic centimetre": ("m3", 1e-6),
    "litre": ("m3", 1e-3),
    "centilitre": ("m3", 1e-5),
    "gallon": ("m3", 0.003785411784),
    "cup": ("m3", 0.0002365882365),
    "tablespoon": ("m3", 1.478676478125e-5),
    "milligram": ("kg", 1e-6),
    "kilogram": ("kg", 1),
    "pound-mass": ("kg", 0.45359237),
    "tonne": ("kg", 1e3),
    "second": ("s", 1),
    "minute": ("s", 60),
    "hour": ("s", 3600),
    "day": ("s", 86400),
    "week": ("s", 604800),
    "month": ("s", 2629800),
    "year": ("s", 31557600),
    "degree Celsius": ("degC", 1),
    "degree fahrenheit": ("degF", 1),
    "degree Fahrenheit": ("degF", 1),
    "kelvin": ("K", 1),
    "dollar": ("USD", 1),
    "euro": ("EUR", 1),
    "pound sterling": ("GBP", 1),
    "cent": ("USD", 0.01),
    "penny": ("GBP", 0.01),
    "dime": ("USD", 0.1),
    "electronvolt": ("J", 1.602176634e-19),
    "teraelectronvolt": ("J", 1.602176634e-07),
    "watt": ("W", 1),
    "watt hour": ("J", 3600),
    "megawatt hour": ("J", 3.6e9),
    "gigahertz": ("Hz", 1e9),
    "bit": ("B", 0.125),
    "byte": ("B", 1),
    "kibibyte": ("B", 1024),
    "megabyte": ("B", 1e6),
    "exabyte": ("B", 1e18),
    "kilometre per hour": ("m/s", 1 / 3.6),
}
RECOGNIZERS: dict[str, tuple[str, float]] = {
    "Meter": ("m", 1),
    "Kilometer": ("m", 1e3),
    "Millimeter": ("m", 1e-3),
    "Decimeter": ("m", 0.1),
    "Picometer": ("m", 1e-12),
    "Foot": ("m", 0.3048),
    "Inch": ("m", 0.0254),
    "Mile": ("m", 1609.344),
    "Pound": ("kg", 0.45359237),
    "Ounce": ("kg", 0.028349523125),
    "Ton": ("kg", 907.18474),
    "Metric ton": ("kg", 1e3),
    "Kilogram": ("kg", 1),
    "Gram": ("kg", 1e-3),
    "Microgram": ("kg", 1e-9),
    "Dram": ("kg", 0.0017718451953125),
    "Gallon": ("m3", 0.003785411784),
    "Milliliter": ("m3", 1e-6),
    "Barrel": ("bbl", 1),
    "Cubic foot": ("m3", 0.028316846592),
    "Tablespoon": ("m3", 1.478676478125e-5),
    "Teaspoon": ("m3", 4.92892159375e-6),
    "Cup": ("m3", 0.0002365882365),
    "Square meter": ("m2", 1),
    "Square kilometer": ("m2", 1e6),
    "Acre": ("m2", 4046.8564224),
    "Kilometer per hour": ("m/s", 1 / 3.6),
    "Mile per hour": ("m/s", 0.44704),
    "Bit": ("B", 0.125),
    "Megabit": ("B", 125000),
    "Megabyte": ("B", 1e6),
    "Degree": ("deg", 1),
    # currencies: ISO codes, a bare dollar is USD as in our lexicon
    "Dollar": ("USD", 1),
    "United States dollar": ("USD", 1),
    "Euro": ("EUR", 1),
    "Pound|currency": ("GBP", 1),
    "British pound": ("GBP", 1),
    "Cent": ("USD", 0.01),
    "Pence": ("GBP", 0.01),
    "Penny": ("GBP", 0.01),
    "Chinese yuan": ("CNY", 1),
    "Japanese yen": ("JPY", 1),
    "Canadian dollar": ("CAD", 1),
    "Australian dollar": ("AUD", 1),
    "Hong Kong dollar": ("HKD", 1),
    "New Zealand dollar": ("NZD", 1),
    "Franc": ("CHF", 1),
    "Swiss franc": ("CHF", 1),
    "Bitcoin": ("BTC", 1),
    "Satoshi": ("BTC", 1e-8),
    "Turkish lira": ("TRY", 1),
    "Rupee": ("INR", 1),
    "Sri Lankan rupee": ("LKR", 1),
    "Mexican peso": ("MXN", 1),
    "Finnish markka": ("FIM", 1),
    "Peseta": ("ESP", 1),
    "Netherlands guilder": ("NLG", 1),
    "Costa Rican colón": ("CRC", 1),
    "Georgian lari": ("GEL", 1),
    "Lao kip": ("LAK", 1),
}
SPEC_FILES = {
    "rt-number": ("Number/NumberModel.json", "count"),
    "rt-percent": ("Number/PercentModel.json", "percent"),
    "rt-dimension": ("NumberWithUnit/DimensionModel.json", "dimension"),
    "rt-currency": ("NumberWithUnit/CurrencyModel.json", "currency"),
}
SEED = [  # (value, unit, counted contains, qualifier) expected in the seed briefing
    (5000, "count", "Igla-S anti-aircraft missiles", None),
    (6000, "m", None, "up to"),
    (3500, "m", None, "maximum"),
    (4500, "count", "Marines and sailors", None),
    (8e6, "count", "reservists", "over"),
]
UNITS = {row[1]: (row[3], float(row[4])) for row in read_rows("units.tsv")}  # unit -> base, factor
CURRENCIES = frozenset(row[1] for row in read_rows("units.tsv") if row[2] == "currency")


def quantulum_cases(folder: Path) -> list[tuple[str, list[Gold]]]:
    cases = []
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for case in json.loads((folder / name).read_text(encoding="utf-8")):
            gold = [convert(r["value"], QUANTULUM.get(r["unit"])) for r in case["res"]]
            cases.append((case["req"], gold))
    return cases


def spec_cases(path: Path) -> list[tuple[str, list[Gold]]]:
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        gold = [spec_gold(r) for r in case["Results"]]
        cases.append((case["Input"], gold))
    return cases


def spec_gold(result: dict[str, Any]) -> Gold:
    resolution = result["Resolution"]
    try:
        value = float(str(resolution.get("value")).rstrip("%"))
    except ValueError:  # a unit without a number ("null"): a miss for us, kept in the gold
        return math.nan, math.nan, None
    kind = result["TypeName"]
    if kind == "number":
        return value, value, "count"
    if kind == "percentage":
        return value, value, "percent"
    unit = resolution.get("unit", "")
    key = f"{unit}|currency" if kind == "currency" and f"{unit}|currency" in RECOGNIZERS else unit
    return convert(value, RECOGNIZERS.get(key))


def convert(value: float, mapped: tuple[str, float] | None) -> Gold:
    return (value, value * mapped[1], mapped[0]) if mapped else (value, value, None)


def spec_unit(pred: dict[str, Any], kind: str | None) -> dict[str, Any]:
    """For Recognizers, whose models have no rates, "$98 a share" ("USD/share") is "USD"."""
    if kind is None or "/" not in pred["unit"] or pred["unit"] in UNITS:
        return pred
    return {**pred, "unit": pred["unit"].split("/")[0]}


def keep(unit: str, kind: str | None) -> bool:
    """Whether a predicted unit belongs to the Recognizers model `kind` (None: all)."""
    if kind is None:
        return True
    if kind == "dimension":
        return unit not in CURRENCIES and unit not in {"count", "percent"}
    if kind == "currency":
        return unit in CURRENCIES
    return unit == kind


def matches(pred: dict[str, Any], gold: Gold, *, with_unit: bool) -> bool:
    """Value as written (CQE's value match), or value and unit compared in the base unit."""
    value = pred["value"]
    if value is None:
        return False
    if not with_unit:
        return math.isclose(value, gold[0], rel_tol=1e-6, abs_tol=1e-9)
    base, factor = UNITS.get(pred["unit"], (pred["unit"], 1.0))
    if base != gold[2]:
        return False
    return math.isclose(value * factor, gold[1], rel_tol=1e-6, abs_tol=1e-9)


def score(
    nlp: Language, cases: list[tuple[str, list[Gold]]], kind: str | None, misses: bool
) -> dict[str, float]:
    """Micro P/R/F1 of value+unit (and value alone) over the cases."""
    counts = {"gold": 0, "pred": 0, "tp": 0, "tp_value": 0}
    texts = [text for text, _ in cases]
    for doc, (text, gold) in zip(nlp.pipe(texts, batch_size=64), cases, strict=True):
        preds = [spec_unit(q, kind) for q in doc._.quantities]
        preds = [q for q in preds if keep(q["unit"], kind)]
        tp = one_to_one(preds, gold, with_unit=True)
        counts["tp"] += tp
        counts["tp_value"] += one_to_one(preds, gold, with_unit=False)
        counts["gold"] += len(gold)
        counts["pred"] += len(preds)
        if misses and (tp < len(gold) or tp < len(preds)):
            shown = [(q["text"], q["value"], q["unit"]) for q in preds]
            print(f"  MISS {text[:90]!r}\n     gold={gold}\n     pred={shown}")
    return {
        **counts,
        **prf(counts["tp"], counts["gold"], counts["pred"]),
        "value_f1": prf(counts["tp_value"], counts["gold"], counts["pred"])["f1"],
    }


def one_to_one(preds: list[dict[str, Any]], gold: list[Gold], *, with_unit: bool) -> int:
    left = list(preds)
    hits = 0
    for item in gold:
        for pred in left:
            if matches(pred, item, with_unit=with_unit):
                left.remove(pred)
                hits += 1
                break
    return hits


def prf(tp: int, gold: int, pred: int) -> dict[str, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if tp else 0.0}


def seed_checks(nlp: Language, path: Path) -> tuple[int, int]:
    """How many of the seed expectations hold, and how many year/date numbers leaked."""
    doc = nlp(path.read_text(encoding="utf-8"))
    found = doc._.quantities
    passed = 0
    for value, unit, counted, qualifier in SEED:
        ok = any(
            q["value"] == value
            and q["unit"] == unit
            and q["qualifier"] == qualifier
            and (counted is None or counted in (q["counted"] or ""))
            for q in found
        )
        passed += ok
        print(f"  seed {value:>10g} {unit:<6} {counted or '':<32} {qualifier or '':<8} {ok}")
    extra = len(found) - passed
    return passed, extra


def speed(nlp: Language, texts: list[str]) -> dict[str, float]:
    """Words per second of the base model alone and with the component (one run each)."""
    words = sum(len(t.split()) for t in texts)
    out = {}
    for _ in nlp.pipe(texts[:5]):
        pass  # warm up, so the first timed run is not charged for loading
    for label, disabled in (("base", [NAME]), ("with", [])):
        start = time.perf_counter()
        with nlp.select_pipes(disable=disabled):
            for _ in nlp.pipe(texts, batch_size=16):
                pass
        out[label] = round(words / (time.perf_counter() - start))
    out["ratio"] = round(out["with"] / out["base"], 3)
    return out


def build() -> Language:
    """The base spaCy model with this component, configured as in pipeline.cfg."""
    config = spacy.util.load_config(
        component.__file__.replace("components/quantities.py", "pipeline.cfg")
    )
    section = dict(config["components"][NAME])
    factory = section.pop("factory")
    nlp = spacy.load(Settings().models.spacy)
    nlp.add_pipe(factory, name=NAME, config=section)
    return nlp


def score_sets(nlp: Language, folder: Path, misses: bool) -> dict[str, Any]:
    """Scores per gold set and their micro average, printed as a table."""
    sets = {"quantulum3": (quantulum_cases(folder / "quantulum3"), None)}
    for name, (path, kind) in SPEC_FILES.items():
        sets[name] = (spec_cases(folder / "recognizers_text" / path), kind)
    figures: dict[str, Any] = {}
    total = {"gold": 0, "pred": 0, "tp": 0, "tp_value": 0}
    print(f"{'set':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}{'valF1':>8}")
    for name, (cases, kind) in sets.items():
        figures[name] = score(nlp, cases, kind, misses)
        total = {k: total[k] + figures[name][k] for k in total}
        print_row(name, figures[name])
    figures["all"] = {**total, **prf(total["tp"], total["gold"], total["pred"])}
    figures["all"]["value_f1"] = prf(total["tp_value"], total["gold"], total["pred"])["f1"]
    print_row("all (micro)", figures["all"])
    return figures


def print_row(name: str, result: dict[str, Any]) -> None:
    print(
        f"{name:<14}{result['gold']:>6}{result['pred']:>6}{result['p']:>8.3f}"
        f"{result['r']:>8.3f}{result['f1']:>8.3f}{result['value_f1']:>8.3f}"
    )


# -- news: MEANTIME -----------------------------------------------------------------------

NEWS_TYPES = ("MONEY", "PERCENT", "QUANTITY")
DIGIT_GROUP = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
SCALE_AFTER = re.compile(r"\s*(thousand|million|billion|trillion|bn|m)\b", re.IGNORECASE)
SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
Span = dict[str, Any]  # start, end, text, type (gold) or a quantity record (prediction)


def news_gold(item: Article) -> tuple[list[Span], list[tuple[int, int]]]:
    """The VALUE spans of an article (containers of other VALUE spans dropped) and its
    TIMEX3 spans."""
    found = [
        {"start": a, "end": b, "text": item.text[a:b], "type": e.get("type") or "QUANTITY"}
        for a, b, e in item.markables("VALUE")
    ]
    parts = {id(o) for g in found if is_range(item.text, g, found) for o in found if contains(g, o)}
    kept = [g for g in found if id(g) not in parts]
    atomic = [g for g in kept if is_range(item.text, g, kept) or not has_part(g, kept)]
    times = [(a, b) for a, b, _ in item.markables("TIMEX3")]
    return atomic, times


def has_part(outer: Span, spans: list[Span]) -> bool:
    return any(contains(outer, o) for o in spans if o is not outer)


def is_range(text: str, outer: Span, spans: list[Span]) -> bool:
    """A gold span made of two gold parts joined by "to", "and" or a dash ("25,000 to 30,000")."""
    inner = sorted((o for o in spans if contains(outer, o)), key=lambda o: o["start"])
    if len(inner) != 2:
        return False
    joint = text[inner[0]["end"] : inner[1]["start"]].strip()
    return joint in {"to", "and", "-", "–"}


def contains(outer: Span, inner: Span) -> bool:
    wider = (outer["start"], outer["end"]) != (inner["start"], inner["end"])
    return wider and outer["start"] <= inner["start"] and inner["end"] <= outer["end"]


def gold_number(text: str) -> float | None:
    """The value of a gold span with exactly one digit group, its scale word applied."""
    groups = list(DIGIT_GROUP.finditer(text))
    if len(groups) != 1:
        return None
    value = float(groups[0].group().replace(",", ""))
    scale = SCALE_AFTER.match(text, groups[0].end())
    return value * SCALES[scale.group(1).lower()] if scale else value


def news_type(pred: Span) -> str:
    """MONEY for a currency or an amount per thing ("$9.66 per share"), PERCENT, QUANTITY."""
    if pred["unit"].split("/")[0] in CURRENCIES:
        return "MONEY"
    return "PERCENT" if pred["unit"] in {"percent", "pp", "bp"} else "QUANTITY"


def scored_predictions(doc_quantities: list[Span], times: list[tuple[int, int]]) -> list[Span]:
    """Predictions minus durations that MEANTIME puts in its time layer (TIMEX3)."""

    def timex(q: Span) -> bool:
        return q["base_unit"] == "s" and any(q["start"] < b and a < q["end"] for a, b in times)

    return [q for q in doc_quantities if not timex(q)]


def pair_up(gold: list[Span], preds: list[Span]) -> list[tuple[Span, Span | None]]:
    """Each gold span with the first unused overlapping prediction, or None."""
    used: set[int] = set()
    pairs: list[tuple[Span, Span | None]] = []
    for g in gold:
        match = next(
            (i for i, p in enumerate(preds)
             if i not in used and p["start"] < g["end"] and g["start"] < p["end"]),
            None,
        )  # fmt: skip
        if match is not None:
            used.add(match)
        pairs.append((g, None if match is None else preds[match]))
    return pairs


def news_counts(pairs: list[tuple[Span, Span | None]], preds: list[Span]) -> dict[str, int]:
    """Counts per type (gold, pred, typed hits), spans, and value counts for one article."""
    counts: dict[str, int] = {}

    def add(key: str, n: int = 1) -> None:
        counts[key] = counts.get(key, 0) + n

    for p in preds:
        add(f"pred_{news_type(p)}")
    for g, p in pairs:
        add(f"gold_{g['type']}")
        number = gold_number(g["text"])
        add("value_gold" if number is not None else "value_skipped")
        if p is None:
            continue
        add("spans")
        add(f"tp_{g['type']}", news_type(p) == g["type"])
        if number is None:
            add("value_pred_skipped")
        else:
            add("value_matched")
            add("value_tp", math.isclose(p["value"] or 0.0, number, rel_tol=1e-6))
    return counts


def show_news_misses(pairs: list[tuple[Span, Span | None]], preds: list[Span]) -> None:
    matched = [id(p) for _, p in pairs if p is not None]
    for g, p in pairs:
        number = gold_number(g["text"])
        if p is None:
            print(f"  MISS {g['type']:<8} {g['text']!r}")
        elif number is not None and not math.isclose(p["value"] or 0.0, number, rel_tol=1e-6):
            print(
                f"  VALUE {g['text']!r} gold={number:g} pred={p['text']!r} {p['value']} {p['unit']}"
            )
        elif news_type(p) != g["type"]:
            print(f"  TYPE {g['type']:<8} {g['text']!r} pred={p['text']!r} {p['unit']}")
    for p in preds:
        if id(p) not in matched:
            print(f"  EXTRA {p['text']!r} {p['value']} {p['unit']} counted={p['counted']!r}")


def score_news(nlp: Language, folder: Path, misses: bool) -> dict[str, Any]:
    """Detection P/R/F1 per type, span F1 and value agreement on MEANTIME; see the docstring."""
    items = articles(folder)
    total: dict[str, int] = {}
    for item, doc in zip(items, nlp.pipe([a.text for a in items], batch_size=16), strict=True):
        gold, times = news_gold(item)
        preds = scored_predictions(doc._.quantities, times)
        pairs = pair_up(gold, preds)
        if misses:
            print(f"-- {item.id}")
            show_news_misses(pairs, preds)
        for key, n in news_counts(pairs, preds).items():
            total[key] = total.get(key, 0) + n
    return news_figures(total)


def news_figures(c: dict[str, int]) -> dict[str, Any]:
    """The table of MEANTIME figures from summed counts, printed."""
    figures: dict[str, Any] = {}
    print(f"{'MEANTIME':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
    for kind in NEWS_TYPES:
        gold, pred = c.get(f"gold_{kind}", 0), c.get(f"pred_{kind}", 0)
        figures[kind] = {"gold": gold, "pred": pred, **prf(c.get(f"tp_{kind}", 0), gold, pred)}
    gold = sum(figures[k]["gold"] for k in NEWS_TYPES)
    pred = sum(figures[k]["pred"] for k in NEWS_TYPES)
    typed = sum(c.get(f"tp_{k}", 0) for k in NEWS_TYPES)
    figures["typed"] = {"gold": gold, "pred": pred, **prf(typed, gold, pred)}
    figures["spans"] = {"gold": gold, "pred": pred, **prf(c.get("spans", 0), gold, pred)}
    for name, row in figures.items():
        print(
            f"{name:<14}{row['gold']:>6}{row['pred']:>6}{row['p']:>8.3f}{row['r']:>8.3f}{row['f1']:>8.3f}"
        )
    value_pred = pred - c.get("value_pred_skipped", 0)
    value = prf(c.get("value_tp", 0), c.get("value_gold", 0), value_pred)
    figures["value"] = {
        "gold_read": c.get("value_gold", 0), "gold_skipped": c.get("value_skipped", 0),
        "matched": c.get("value_matched", 0), "agree": c.get("value_tp", 0), **value,
    }  # fmt: skip
    print(f"value: {figures['value']}")
    return figures


def main(argv: Iterable[str] | None = None) -> int:
    options = parser(__doc__)
    options.add_argument("--speed-docs", type=int, default=50)
    options.add_argument("--show-misses", action="store_true")
    options.add_argument("--meantime", default="news_corpus/meantime_en/intra-doc_annotation")
    args = options.parse_args(list(argv) if argv is not None else None)
    folder = checked(args.data / "quantities")
    nlp = build()
    figures: dict[str, Any] = {"model": Settings().models.spacy}
    figures.update(score_sets(nlp, folder, args.show_misses))
    if (args.data / args.meantime).is_dir():
        figures["meantime"] = score_news(nlp, args.data / args.meantime, args.show_misses)
    seed = args.data.parent / "seed" / "briefing-example.txt"
    if seed.is_file():
        passed, extra = seed_checks(nlp, seed)
        figures["seed"] = {"passed": passed, "of": len(SEED), "other_quantities": extra}
    polnear = sorted((args.data / "attribution/polnear/dev/text").glob("*.txt"))
    if polnear and args.speed_docs:
        texts = [p.read_text(encoding="utf-8") for p in polnear[: args.speed_docs]]
        figures["speed_words_per_s"] = speed(nlp, texts)
        print(f"speed (words/s): {figures['speed_words_per_s']}")
    sys.stdout.write(json.dumps(figures) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
