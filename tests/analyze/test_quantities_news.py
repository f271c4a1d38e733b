"""crisisdesk_quantities on news-style sentences (written for this test): every quantity a
reader of the news expects, and nothing else (no years, dates, ordinals or model names).

Each case lists the quantities expected in order as (text, value, unit); `value` is the number as
written with its unit ("3.5 km" -> 3.5 "km"), a range's value is its midpoint, fractions and
ratios ("a third", "one in five") are counts with a fractional value.
"""

import pytest
from spacy.language import Language

from tests.analyze.test_quantities import only, quantities

Expected = list[tuple[str, float, str]]

CASES: list[tuple[str, Expected]] = [
    # money, scale words, currencies, rates
    ("The government announced a $2.5 billion aid package.", [("$2.5 billion", 2.5e9, "USD")]),
    ("The company posted a loss of £1.2bn.", [("£1.2bn", 1.2e9, "GBP")]),
    ("The deal is worth up to 3 trillion yen.", [("3 trillion yen", 3e12, "JPY")]),
    ("The firm paid £3m for the rights.", [("£3m", 3e6, "GBP")]),
    ("The province received Rs 1,200 crore in relief.", [("Rs 1,200 crore", 1.2e10, "INR")]),
    ("Brent crude climbed to $85 a barrel.", [("$85 a barrel", 85, "USD/bbl")]),
    ("Gold traded at $2,300 an ounce.", [("$2,300 an ounce", 2300, "USD/oz")]),
    ("Fuel prices jumped to 1.80 euros per litre.", [("1.80 euros per litre", 1.8, "EUR/L")]),
    ("Bitcoin fell below $60,000.", [("$60,000", 60000, "USD")]),
    ("Losses ran into the billions of dollars.", [("billions of dollars", 1e9, "USD")]),
    # percentages and percentage points
    ("Roughly 60 percent of voters backed the proposal.", [("60 percent", 60, "percent")]),
    ("Wages rose by 4.2 per cent last year.", [("4.2 per cent", 4.2, "percent")]),
    ("The bank raised rates by half a percentage point.", [("half a percentage point", 0.5, "pp")]),
    (
        "Inflation rose to 7.4% in October, up 0.6 percentage points from September.",
        [("7.4%", 7.4, "percent"), ("0.6 percentage points", 0.6, "pp")],
    ),
    (
        "Unemployment fell by 2 percentage points to 5.1%.",
        [("2 percentage points", 2, "pp"), ("5.1%", 5.1, "percent")],
    ),
    ("The country spends 2% of its GDP on defence.", [("2%", 2, "percent")]),
    ("Turnout was 68.5 percent, the highest since 1992.", [("68.5 percent", 68.5, "percent")]),
    (
        "Unemployment fell to 3.9 percent from 4.1 percent a year earlier.",
        [("3.9 percent", 3.9, "percent"), ("4.1 percent", 4.1, "percent")],
    ),
    # counts of people, troops, vessels, casualties
    ("At least 11 people were killed in the strike.", [("11", 11, "count")]),
    ("Some 4,500 troops have been sent to the border.", [("4,500", 4500, "count")]),
    ("Dozens of fishing boats were stranded in the port.", [("Dozens", 12, "count")]),
    ("Three soldiers were wounded in the clash.", [("Three", 3, "count")]),
    ("Hundreds of thousands of people fled.", [("Hundreds of thousands", 1e5, "count")]),
    ("An estimated 1.5 million people have been displaced.", [("1.5 million", 1.5e6, "count")]),
    ("The army has about 1.5m reservists.", [("1.5m", 1.5e6, "count")]),
    (
        "The rebels seized two vessels and 14 crew members.",
        [("two", 2, "count"), ("14", 14, "count")],
    ),
    (
        "Casualties reached 120 dead and 340 injured.",
        [("120", 120, "count"), ("340", 340, "count")],
    ),
    ("The death toll rose to 52.", [("52", 52, "count")]),
    ("At least a dozen journalists were detained.", [("a dozen", 12, "count")]),
    ("A quarter of a million people marched.", [("A quarter of a million", 2.5e5, "count")]),
    # fractions and ratios
    ("More than half of the population lacks clean water.", [("half", 0.5, "count")]),
    ("A third of the country's hospitals are closed.", [("A third", 1 / 3, "count")]),
    ("Only a quarter of the aid has arrived.", [("a quarter", 0.25, "count")]),
    ("Around two-thirds of the budget goes to defence.", [("two-thirds", 2 / 3, "count")]),
    ("Four in 10 Americans disapprove of the war.", [("Four in 10", 0.4, "count")]),
    ("One in five children is malnourished.", [("One in five", 0.2, "count")]),
    ("Eight of 10 avocados come from Mexico.", [("Eight of 10", 0.8, "count")]),
    ("Roughly one of every six recruits is a volunteer.", [("one of every six", 1 / 6, "count")]),
    ("One of five suspects was released.", [("five", 5, "count")]),
    # scores, base years and addresses next to real quantities
    ("Output dropped 18 percent below 2010 levels.", [("18 percent", 18, "percent")]),
    (
        "Critics pointed to thousands of $9-an-hour cleaners.",
        [("thousands", 1000, "count"), ("$9", 9, "USD")],
    ),
    ("Officials counted 3-5 boats.", [("3-5", 4, "count")]),
    ("Candidates raised tens of millions.", [("tens of millions", 1e7, "count")]),
    ("A metric ton of grain was lost.", [("A metric ton", 1, "t")]),
    ("A million and a half people fled.", [("A million and a half", 1.5e6, "count")]),
    ("The boxer weighed 200lbs.", [("200lbs", 200, "lb")]),
    ("The S&P 500 rose 1.2% on Friday.", [("1.2%", 1.2, "percent")]),
    ("The Nikkei 225 index gained 0.8 percent.", [("0.8 percent", 0.8, "percent")]),
    ("The Dow Jones fell 300 points.", [("300", 300, "count")]),
    (
        "The company cut 2,500 jobs, or 8% of its workforce.",
        [("2,500", 2500, "count"), ("8%", 8, "percent")],
    ),
    ("The region left behind a half-century of isolation.", [("a half-century", 0.5, "century")]),
    ("The strikes hit 3 or 4 km from the border.", [("3", 3, "km"), ("4 km", 4, "km")]),
    # distances, areas, weights, speeds, durations
    ("The storm dumped 30 centimeters of rain.", [("30 centimeters", 30, "cm")]),
    ("The wildfire has burned more than 12,000 hectares.", [("12,000 hectares", 12000, "ha")]),
    ("The ship was carrying 40,000 tonnes of wheat.", [("40,000 tonnes", 40000, "t")]),
    ("The convoy travelled 350 kilometres.", [("350 kilometres", 350, "km")]),
    ("The island covers 1,200 square kilometres.", [("1,200 square kilometres", 1200, "km2")]),
    ("The drone flew at an altitude of 5,000 feet.", [("5,000 feet", 5000, "ft")]),
    ("The jet flew at 500 miles an hour.", [("500 miles an hour", 500, "mph")]),
    ("He was sentenced to 15 years in prison.", [("15 years", 15, "year")]),
    (
        "The vessel was 300 metres long and weighed 200,000 tonnes.",
        [("300 metres", 300, "m"), ("200,000 tonnes", 200000, "t")],
    ),
    ("The armourer fitted a 5.56mm rifle barrel.", [("5.56mm", 5.56, "mm")]),
    # counts next to names and dates that are not quantities
    ("The country bought 24 F-16 fighter jets.", [("24", 24, "count")]),
    ("The government will hire 10,000 teachers by 2026.", [("10,000", 10000, "count")]),
    ("The bill passed by 218 votes to 214.", [("218", 218, "count"), ("214", 214, "count")]),
    # negative amounts, scales glued to a hyphen or ending the sentence
    ("The trade deficit widened to -$2.1bn.", [("-$2.1bn", -2.1e9, "USD")]),
    ("The start-up raised $5m.", [("$5m", 5e6, "USD")]),
    ("Congress passed a $1.5-billion package.", [("$1.5-billion", 1.5e9, "USD")]),
    ("The city has 1.5-million residents.", [("1.5-million", 1.5e6, "count")]),
    ("Overnight it dropped to -15 degrees Celsius.", [("-15 degrees Celsius", -15, "degC")]),
    # currencies in many forms
    ("Cairo borrowed 20 billion Egyptian pounds.", [("20 billion Egyptian pounds", 2e10, "EGP")]),
    ("Kenya raised Sh5 billion in bonds.", [("Sh5 billion", 5e9, "KES")]),
    ("Lagos spent ₦2.5 trillion on roads.", [("₦2.5 trillion", 2.5e12, "NGN")]),
    ("Dubai fined the firm 2 million dirhams.", [("2 million dirhams", 2e6, "AED")]),
    ("The state set aside 1.5 lakh crore rupees.", [("1.5 lakh crore rupees", 1.5e12, "INR")]),
    ("Warsaw will spend 40 billion zlotys.", [("40 billion zlotys", 4e10, "PLN")]),
    ("Growth slowed to 0.3pc.", [("0.3pc", 0.3, "percent")]),
    ("Yields rose 15 basis points.", [("15 basis points", 15, "bp")]),
    ("Winds reached 150 km/h.", [("150 km/h", 150, "km/h")]),
    # spelled-out numbers
    ("One hundred and twenty prisoners were freed.", [("One hundred and twenty", 120, "count")]),
    ("The blast killed twenty-five people.", [("twenty-five", 25, "count")]),
    ("Half a million people have fled.", [("Half a million", 5e5, "count")]),
    ("The drought ruined a fifth of the harvest.", [("a fifth", 0.2, "count")]),
    (
        "Mortgage rates rose to 6.5 per cent from 6 per cent.",
        [("6.5 per cent", 6.5, "percent"), ("6 per cent", 6, "percent")],
    ),
    # multipliers: unit "x", not a count of "times"
    ("Bread now costs four times more than in spring.", [("four times", 4, "x")]),
    ("Camps hold three times as many people as planned.", [("three times", 3, "x")]),
    ("The flood covered ten times the area of the 2010 one.", [("ten times", 10, "x")]),
    ("Cholera cases rose fivefold in a month.", [("fivefold", 5, "x")]),
    ("Grain exports grew 2.5-fold after the deal.", [("2.5-fold", 2.5, "x")]),
    # fractions without "of", counted nouns, accounting negatives, headlines
    ("A quarter said they had sold their livestock.", [("A quarter", 0.25, "count")]),
    ("The insurer booked $(120) million in losses.", [("$(120) million", -1.2e8, "USD")]),
    ("Inflation eased by 0.3 of a percentage point.", [("0.3 of a percentage point", 0.3, "pp")]),
    ("Militants seize 14 trucks on border road", [("14", 14, "count")]),
    ("Cyclone leaves 250,000 without power", [("250,000", 250000, "count")]),
    # durations with an adjective, counts per time, index levels the model calls names
    ("Markets fell for five straight days.", [("five straight days", 5, "day")]),
    ("Shares lost ground over three trading days.", [("three trading days", 3, "day")]),
    ("The yard delivers ships at a rate of 12 a year.", [("12", 12, "count")]),
    ("The index ended the session at 6,931.40.", [("6,931.40", 6931.4, "count")]),
]

RANGES: list[tuple[str, str, float, float, str]] = [
    (
        "Between 3,000 and 5,000 fighters remain in the city.",
        "Between 3,000 and 5,000",
        3000,
        5000,
        "count",
    ),
    ("Prices are expected to rise 3-5% next year.", "3-5%", 3, 5, "percent"),
    ("Prices rose 10 to 15 percent after the blockade.", "10 to 15 percent", 10, 15, "percent"),
    ("Casualty estimates vary from 2,000 to 5,000.", "from 2,000 to 5,000", 2000, 5000, "count"),
    (
        "Officials put damage at between $5 billion and $7 billion.",
        "between $5 billion and $7 billion",
        5e9,
        7e9,
        "USD",
    ),
    ("Rebuilding could cost $5bn-7bn, the ministry said.", "$5bn-7bn", 5e9, 7e9, "USD"),
    ("Officials expect 5–7 million visitors.", "5–7 million", 5e6, 7e6, "count"),
    ("Losses reached €2bn–€3bn.", "€2bn–€3bn", 2e9, 3e9, "EUR"),
    ("The deficit is seen at 4.5-5 percent of GDP.", "4.5-5 percent", 4.5, 5, "percent"),
    ("The stake is valued at £1.5m-£2m.", "£1.5m-£2m", 1.5e6, 2e6, "GBP"),
    ("Rents climbed 10%-15% in the capital.", "10%-15%", 10, 15, "percent"),
    ("About 20–30 people were hurt.", "20–30", 20, 30, "count"),
]

QUALIFIED: list[tuple[str, str, str | None]] = [
    ("At least 11 people were killed in the strike.", "at least", "people"),
    ("Some 4,500 troops have been sent to the border.", "some", "troops"),
    ("Nearly 2,000 homes were destroyed by the flood.", "nearly", "homes"),
    ("About 300 civilians were evacuated from the town.", "about", "civilians"),
    ("Officials said as many as 200 people may be trapped.", "as many as", "people"),
    ("Fewer than 100 inspectors remain in the country.", "fewer than", "inspectors"),
    ("Dozens of fishing boats were stranded in the port.", "at least", "fishing boats"),
    ("Thousands of migrants crossed the Channel this year.", "at least", "migrants"),
    ("More than half of the population lacks clean water.", "more than", "population"),
    ("Only a quarter of the aid has arrived.", "only", "aid"),
    ("Surveys show 2 in 3 families skip meals.", None, "families"),
    ("The wildfire has burned more than 12,000 hectares.", "more than", None),
    ("Russia exports about 1.2 million barrels a day.", "about", None),
    ("The deal is worth up to 3 trillion yen.", "up to", None),
]

NOT_QUANTITIES = [
    "The 3rd Fleet conducted exercises in the Pacific.",
    "Talks resumed on March 3 in Geneva.",
    "The law was passed in 2024.",
    "The memorial honors veterans of World War II.",
    "The COVID-19 pandemic hit tourism hard.",
    "Vietnam operates Su-30MK2 aircraft.",
    "Leaders of the G7 met in Italy.",
    "NATO members invoked Article 5 after the attack.",
    "Ukraine received S-400 parts and MiG-29 jets, officials said.",
    "The Boeing 737 landed safely.",
    "The company filed for Chapter 11 bankruptcy protection.",
    "Flight MH17 was shot down over Ukraine.",
    "The attack began at 14:30 GMT.",
    "The minister spoke at 10 a.m. on Monday.",
    "The 2022 invasion changed European security.",
    "Leaders of the Group of 20 gathered in Delhi.",
    "Troops from the 82nd Airborne Division arrived.",
    "The hotline operates 24/7.",
    "The 9/11 attacks changed the region.",
    "Police closed Route 66 after the crash.",
    "The court ruled under Section 230.",
    "The council voted 12-9 to approve the budget.",
    "The tribunal handed down a narrow 7-2 verdict.",
    "A 3-3 tie would keep the old rule in force.",
    "The parade gathered outside 418 North 9th Avenue.",
    "Dana is a real optimist.",
    "Traders seem a bit calmer today.",
    "She learned to swim as a fourth-grader.",
    "The coach trained his recruits one-on-one most days.",
    "Fans lined up to high-five the players.",
    "The appeals court split 2-to-1 on the case.",
    "Voters backed the levy by a 4 to 1 margin.",
    "Marlowe, 63, who chairs the budget panel, declined to comment.",
    "Business boomed in the 90’s.",
    "Apple unveiled the iPhone 15 in Cupertino.",
    "The Boeing 737 Max was grounded.",
    "Russell 2000 stocks fell.",
    "The hosts won 3–1 on Sunday.",
    "The war of 1939–45 reshaped Europe.",
    "She was mayor from 2010–2015.",
    "Call 555–1234 for tickets.",
    "The airline grounded its 787 Dreamliner fleet.",
    "Engineers fixed a fault on their 320 jet.",
    "At one point the convoy was forced to turn back.",
    "He visited the camp for a third time.",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_news_quantities(nlp: Language, text: str, expected: Expected) -> None:
    found = [(q["text"], q["value"], q["unit"]) for q in quantities(nlp, text)]
    assert found == [(t, pytest.approx(v), u) for t, v, u in expected]


@pytest.mark.parametrize(("text", "span", "low", "high", "unit"), RANGES)
def test_news_ranges(
    nlp: Language, text: str, span: str, low: float, high: float, unit: str
) -> None:
    q = only(nlp, text)
    assert (q["text"], q["low"], q["high"], q["unit"]) == (span, low, high, unit)
    assert q["value"] == pytest.approx((low + high) / 2)


@pytest.mark.parametrize(("text", "qualifier", "counted"), QUALIFIED)
def test_news_qualifier_and_counted(
    nlp: Language, text: str, qualifier: str | None, counted: str | None
) -> None:
    q = only(nlp, text)
    assert (q["qualifier"], q["counted"]) == (qualifier, counted)


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_news_not_quantities(nlp: Language, text: str) -> None:
    assert quantities(nlp, text) == []


def test_ratio_counts_its_noun(nlp: Language) -> None:
    q = only(nlp, "The UN said 1 in 3 Gazans faced hunger.")
    assert (q["text"], q["counted"]) == ("1 in 3", "Gazans")


def test_fraction_counts_the_noun_after_of(nlp: Language) -> None:
    q = only(nlp, "A third of the country's hospitals are closed.")
    assert q["counted"] == "country's hospitals"


def test_model_name_is_not_counted_as_a_number(nlp: Language) -> None:
    q = only(nlp, "The army moved dozens of T-72 tanks toward the front.")
    assert (q["text"], q["value"]) == ("dozens", 12)
    assert str(q["counted"]).endswith("tanks")


def test_a_group_of_people_is_still_counted(nlp: Language) -> None:
    q = only(nlp, "A group of 20 protesters gathered outside.")
    assert (q["value"], q["counted"]) == (20, "protesters")


def test_speed_converts_to_metres_per_second(nlp: Language) -> None:
    q = only(nlp, "The jet flew at 500 miles an hour.")
    assert (q["base_value"], q["base_unit"]) == (pytest.approx(223.52), "m/s")


def test_rate_converts_its_amount(nlp: Language) -> None:
    q = only(nlp, "Fuel prices jumped to 1.80 euros per litre.")
    assert (q["base_value"], q["base_unit"]) == (pytest.approx(1800), "EUR/m3")


def test_crew_of_is_not_part_of_the_counted_engines(nlp: Language) -> None:
    found = quantities(nlp, "The patrol boat had 2 engines and a crew of 12.")
    assert (found[0]["value"], found[0]["counted"]) == (2, "engines")


def test_repeated_action_stays_a_count_of_times(nlp: Language) -> None:
    q = only(nlp, "Inspectors visited the site three times.")
    assert (q["unit"], q["counted"]) == ("count", "times")


def test_lease_of_aircraft_is_a_count_not_a_model(nlp: Language) -> None:
    q = only(nlp, "The air force plans to lease 120 refuelling aircraft.")
    assert (q["value"], q["unit"]) == (120, "count")


def test_threshold_level_is_kept(nlp: Language) -> None:
    q = only(nlp, "The index slipped below the 10,000 mark.")
    assert (q["text"], q["value"]) == ("10,000", 10000)


def test_a_count_after_a_name_is_not_its_label(nlp: Language) -> None:
    q = only(nlp, "A video showed the officer shooting 17-year-old Laquan McDonald 16 times.")
    assert (q["text"], q["counted"]) == ("16", "times")
