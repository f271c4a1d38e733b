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
Usage: benchmarks/quantities.py [--data DIR] [--speed-docs N] [--show-misses]
"""

import json
import math
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from _data import checked, parser
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


def main(argv: Iterable[str] | None = None) -> int:
    options = parser(__doc__)
    options.add_argument("--speed-docs", type=int, default=50)
    options.add_argument("--show-misses", action="store_true")
    args = options.parse_args(list(argv) if argv is not None else None)
    folder = checked(args.data / "quantities")
    nlp = build()
    figures: dict[str, Any] = {"model": Settings().models.spacy}
    figures.update(score_sets(nlp, folder, args.show_misses))
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
