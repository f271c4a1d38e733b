"""Reader questions over news stores: the MEANTIME Wikinews articles, one store per sub-corpus
(airbus, gm, stock: 30 articles each), and `news_dev_questions.jsonl` (60 questions in a
reader's own words, a quarter unanswerable), scored by the independent scorer in ../shared/eval.

    python benchmarks/ask_news.py [--data DIR] [--questions FILE] [--llm URL]
    python benchmarks/ask_news.py --questions benchmarks/questions/seed.jsonl

`benchmarks/questions/seed.jsonl` (written here) asks 28 questions a reader of the seed briefing
would ask about the military capabilities and the political context, 8 of them unanswerable with
a decoy in the text; its store is the seed among the 50 BBC articles. `bbc.jsonl` (written
here) asks 40 questions over those BBC articles (politics, business, tech), 10 unanswerable;
`polnear.jsonl` (written here) asks questions over the 84 PolNeAR dev articles (2016 US
election news: claims, counts, who said what); `aquaint.jsonl` (written here, blind) asks 40
over the 73 AQUAINT newswire articles of TempEval-3 (the 1998 embassy bombings and what
followed, Elian Gonzalez, NATO's enlargement) and `timebank.jsonl` (written here, blind) 40
over TimeBank's 183 articles (wire and broadcast news of 1990 and 1998: Iraq and Kuwait, the
weapons inspections; the Wall Street Journal of 1989 among them); `ieer.jsonl` over NIST's
IE-ER stories, and `world.jsonl`, `events.jsonl`, `policy.jsonl` and `campaign.jsonl` (all
written blind) over four disjoint sets of PolNeAR training articles: the wars and standoffs
(`WORLD`), the attacks and crises beyond them (`EVENTS`), the policy fights (`POLICY`), the
conventions and running mates (`CAMPAIGN`); `debate.jsonl`, `primary.jsonl` and `rest.jsonl`
(blind too) over the debates, the primaries, and the articles on none of those subjects.
`buildup.jsonl` (TimeBank) and `bombings.jsonl` (AQUAINT), written blind by a helper that
never saw an answer, ask what a reader of a military crisis asks: forces sent, weapons, who
threatened, claimed or denied what, casualties, suspects; `world2.jsonl`, written the same
way, asks 40 more of the world store's wars and standoffs; `events2.jsonl`, `polnear2.jsonl`
and `seed2.jsonl` (blind, by helpers that never saw an answer) ask 40 more of the events and
the PolNeAR dev stores and 20 more of the seed, which `seed2.jsonl` quotes (`cite`) since the
team wrote the seed's store. `wiki2.jsonl` (MEANTIME's Wikinews), `bbc2.jsonl` and
`world3.jsonl`, blind too, ask short questions in a reader's own words ("How many jobs is
Airbus cutting?"), as the held-out checks do; so do `aquaint2.jsonl`, `timebank2.jsonl` and
`polnear3.jsonl` (blind, written a round later) over the AQUAINT, TimeBank and PolNeAR dev
stores, and `ieer2.jsonl`, `events3.jsonl` and `policy2.jsonl` (blind, a round later still)
over the IE-ER, events and policy stores; `bbc3.jsonl`, `wiki3.jsonl` and `world4.jsonl`
(blind, the round after) over the BBC, MEANTIME and world stores; `aquaint3.jsonl`,
`events4.jsonl` and `claims2.jsonl` (blind, written later that round) over the AQUAINT, events
and claims stores; `wiki4.jsonl`, `timebank3.jsonl` and `campaign2.jsonl` (blind, the round
after) over MEANTIME's stock-market articles, TimeBank and the campaign store; `debate2.jsonl`,
`rest2.jsonl` and `primary2.jsonl` (blind, the round after that) over the debate, rest and
primary stores; `ieer3.jsonl`, `aquaint4.jsonl` and `policy3.jsonl` (blind, the round after)
over the IE-ER, AQUAINT and policy stores.
These locate each citing sentence (`cite_at`: file, offset, length) instead of quoting it,
since the publishers' copyright applies to the articles, and the cite is read from the data
at run time.

Articles are rebuilt whole from MEANTIME's tokens (title, date line, body), dated by their
creation time, ingested with `Desk.ingest`; the questions are answered with `Desk.ask` and the
answers scored by `qa_questions.py`. Prints right / answerable right / abstained right, the
wrong ids with what was answered, the risk-coverage curve over the answers' confidence, and
one JSON line. With `--llm URL`, a reader model at that OpenAI-compatible endpoint picks among
the candidates above the setting's bar (`ask/chooser.py`); the run also counts its picks, its
abstentions and the questions it was not used for.
"""

import json
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from _data import checked, eval_dir, parser
from _meantime import Article, articles
from crisisdesk.desk import Desk
from crisisdesk.settings import AskSettings, Settings

#: answers are kept whatever their confidence, so one run gives the whole curve
EVERY_ANSWER = Settings(ask=AskSettings(min_confidence=0.0))
BARS = [round(0.05 * n, 2) for n in range(13)]
#: where a question's `cite_at` file lies, per corpus, under the data folder
CITE_ROOTS = {
    "bbc": Path("summarization/bbc/article"),
    "seed": Path("summarization/bbc/article"),
    "polnear": Path("attribution/polnear/dev/text"),
    "world": Path("attribution/polnear/train/text"),
    "events": Path("attribution/polnear/train/text"),
    "policy": Path("attribution/polnear/train/text"),
    "campaign": Path("attribution/polnear/train/text"),
    "debate": Path("attribution/polnear/train/text"),
    "primary": Path("attribution/polnear/train/text"),
    "rest": Path("attribution/polnear/train/text"),
    "claims": Path("attribution/polnear/train/text"),
    "aquaint": Path("temporal/tempeval3_tbaq/AQUAINT"),
    "timebank": Path("temporal/tempeval3_tbaq/TimeBank"),
    "ieer": Path("ner_timex_numex/nltk_ieer"),
}


def creation_date(item: Article) -> str | None:
    """The article's creation time (its DCT), as MEANTIME gives it."""
    for timex in item.root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            return timex.get("value")
    return None


def corpus_documents(folder: Path) -> list[dict[str, Any]]:
    """JSONL documents of one sub-corpus: id, title (first sentence), text, published."""
    return [
        {
            "id": a.id,
            "title": a.text.split("\n", 1)[0],
            "text": a.text,
            "published": creation_date(a),
            "outlet": "Wikinews",
        }
        for a in articles(folder, sentences=None)
    ]


def settings_for(llm: str | None) -> Settings:
    """Every answer kept, so one run gives the whole curve; with a reader model, the bar of the
    settings, since the model chooses among the candidates above it."""
    if llm is None:
        return EVERY_ANSWER
    return Settings(ask=AskSettings(llm_url=llm, llm_timeout_s=120))


def bbc_documents(folder: Path) -> list[dict[str, Any]]:
    """The BBC summarization articles as JSONL documents (title: the first line), undated."""
    return [
        {"id": f"bbc-{p.parent.name}-{p.stem}", "title": title.strip(), "text": text.strip()}
        for p in sorted((folder / "article").glob("*/*.txt"))
        for title, _, text in [p.read_text(encoding="utf-8").partition("\n")]
    ]


#: what a PolNeAR training article must mention to be in the "world" store: the wars and
#: standoffs the 2016 campaign argued about
WORLD = re.compile(r"Syria|ISIS|Islamic State|North Korea|Iran|Russia")

#: what a PolNeAR training article of the "events" store mentions (and none of `WORLD`): the
#: shootings, attacks, coups and crises of 2015-16 beyond the wars the "world" store holds
EVENTS = re.compile(
    r"\b(Brexit|refugees?|Zika|Flint|Orlando|Dallas|Baton Rouge|hurricane|Cuba|Israel|Turkey"
    r"|Venezuela|coup|Afghanistan|Libya|Benghazi|Ukraine|Pakistan|Iraq|Brussels"
    r"|San Bernardino|shooting|bombing)\b"
)

#: what a PolNeAR training article of the "policy" store mentions (and none of `WORLD` or
#: `EVENTS`): the trade, health-care, tax, court and immigration fights of 2015-16
POLICY = re.compile(
    r"\b(tariffs?|NAFTA|Trans-Pacific|trade deal|minimum wage|Obamacare|Affordable Care Act"
    r"|Supreme Court|Garland|Medicare|Social Security|tax plan|deportation|border wall"
    r"|Federal Reserve|unemployment)\b"
)
NOT_POLICY = re.compile(f"{WORLD.pattern}|{EVENTS.pattern}")
#: what a PolNeAR training article of the "campaign" store mentions (and none of the three
#: above): the party conventions and the running mates of 2016
CAMPAIGN = re.compile(r"\b(convention|running mate)\b")
NOT_CAMPAIGN = re.compile(f"{NOT_POLICY.pattern}|{POLICY.pattern}")
#: what a PolNeAR training article of the "debate" store mentions (and none of the four
#: above): the primary and presidential debates of 2015-16
DEBATE = re.compile(r"\bdebates?\b")
NOT_DEBATE = re.compile(f"{NOT_CAMPAIGN.pattern}|{CAMPAIGN.pattern}")
#: what a PolNeAR training article of the "primary" store mentions (and none of the five
#: above): the polls, primaries and caucuses of 2015-16
PRIMARY = re.compile(r"\b(polls?|primary|primaries|caucus(es)?)\b")
NOT_PRIMARY = re.compile(f"{NOT_DEBATE.pattern}|{DEBATE.pattern}")
#: what a PolNeAR training article of the "rest" store mentions: none of the six above (the
#: candidates' records, scandals and feuds, and whatever else the campaign was about)
NOT_REST = re.compile(f"{NOT_PRIMARY.pattern}|{PRIMARY.pattern}")
#: the stores of PolNeAR training articles on one subject: what they mention, and what not
TOPICS = {
    "world": (WORLD, None),
    "events": (EVENTS, WORLD),
    "policy": (POLICY, NOT_POLICY),
    "campaign": (CAMPAIGN, NOT_CAMPAIGN),
    "debate": (DEBATE, NOT_DEBATE),
    "primary": (PRIMARY, NOT_PRIMARY),
    "rest": (None, NOT_REST),
    "claims": (None, None),  # all 840 of them: one store as large as a crisis's coverage
}


def polnear_documents(
    folder: Path, about: re.Pattern[str] | None = None, besides: re.Pattern[str] | None = None
) -> list[dict[str, Any]]:
    """PolNeAR articles as JSONL documents (outlet and date from each file name); with
    `about`, those whose text it matches, and with `besides` too, none that one matches."""
    docs = []
    for p in sorted(folder.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        if about is not None and not about.search(text):
            continue
        if besides is not None and besides.search(text):
            continue
        outlet, published, _ = p.stem.split("_", 2)
        docs.append(
            {
                "id": p.stem,
                "text": p.read_text(encoding="utf-8"),
                "outlet": outlet,
                "published": published,
            }
        )
    return docs


def timeml_text(path: Path) -> tuple[str, str, str]:
    """A TimeML file's title, creation date and article text (its TEXT element, the
    markup dropped), the text that questions' `cite_at` offsets count in."""
    root = ElementTree.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    published = dct.get("value", "")[:10] if dct is not None else ""
    title, body = root.find("TITLE"), root.find("TEXT")
    text = "".join(body.itertext()).strip() if body is not None else ""
    return ("".join(title.itertext()).strip() if title is not None else ""), published, text


def timeml_documents(folder: Path) -> list[dict[str, Any]]:
    """TempEval-3's TimeML articles as JSONL documents; the outlet is the letters their name
    opens with (APW, NYT, XIE, ABC, CNN, WSJ). AQUAINT: 73 newswire articles of 1998-2000 (the
    embassy bombings in Kenya and Tanzania, Elian Gonzalez, NATO's enlargement, a doctor's
    killing); TimeBank: 183 articles, 132 of them the Wall Street Journal's of 1989, the rest
    wire and broadcast news of 1990 and 1998 (Iraq's invasion of Kuwait, the weapons
    inspections standoff)."""
    docs = []
    for p in sorted(folder.glob("*.tml")):
        title, published, text = timeml_text(p)
        outlet = re.match(r"[A-Za-z]*", p.stem).group(0).upper()
        docs.append(
            {"id": p.stem, "title": title, "text": text, "outlet": outlet, "published": published}
        )
    return docs


def ieer_documents(folder: Path) -> list[dict[str, Any]]:
    """The 94 newswire stories of NIST's IE-ER sample (AP and NYT, March-April 1998), each
    with its headline, date and text: the markup dropped, the wire's hard line breaks joined,
    one paragraph a block; the text that questions' `cite_at` offsets count in."""
    docs = []
    for path in sorted(p for p in folder.iterdir() if p.name != "README"):
        for raw in re.findall(r"<DOC>(.*?)</DOC>", path.read_text("utf-8"), re.S):
            docs.append(ieer_document(raw))
    return docs


def ieer_document(raw: str) -> dict[str, Any]:
    """One IE-ER story as a JSONL document."""

    def field(name: str) -> str:
        found = re.search(rf"<{name}>(.*?)</{name}>", raw, re.S)
        return re.sub(r"<[^>]+>", "", found.group(1)) if found else ""

    month, day, year = field("DATE_TIME").split()[0].split("/")
    paragraphs = re.split(r"\n\s*\t", field("TEXT"))
    text = "\n\n".join(" ".join(p.split()) for p in paragraphs if p.strip())
    docno = field("DOCNO").strip()
    return {
        "id": docno,
        "title": " ".join(field("HEADLINE").split()),
        "text": text,
        "outlet": docno[:3],
        "published": f"{year}-{month}-{day}",
    }


def corpus_files(corpus: str, data: Path, stores: Path) -> list[Path]:
    """The files a corpus's store is ingested from: a MEANTIME sub-corpus as JSONL, "bbc": the
    50 BBC articles, "seed": the seed briefing as a plain text file among them (other news),
    "polnear": the 84 PolNeAR dev articles (US election news of 2016, seven outlets), or one
    of the `TOPICS`: the PolNeAR training articles on one subject."""
    seed = None
    if corpus == "polnear":
        docs = polnear_documents(data / CITE_ROOTS["polnear"])
    elif corpus in TOPICS:
        about, besides = TOPICS[corpus]
        docs = polnear_documents(data / CITE_ROOTS[corpus], about, besides=besides)
    elif corpus in ("aquaint", "timebank"):
        docs = timeml_documents(data / CITE_ROOTS[corpus])
    elif corpus == "ieer":
        docs = ieer_documents(data / CITE_ROOTS[corpus])
    elif corpus in ("seed", "bbc"):
        docs = bbc_documents(data / "summarization" / "bbc")
        if corpus == "seed":
            seed = stores / "seed.txt"
            seed.write_text((data.parent / "seed" / "briefing-example.txt").read_text("utf-8"))
    else:
        meantime = data / "news_corpus" / "meantime_en" / "intra-doc_annotation"
        docs = corpus_documents(meantime / f"corpus_{corpus}")
    jsonl = stores / f"{corpus}.jsonl"
    jsonl.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
    return [jsonl] + ([seed] if seed else [])


def answer(
    questions: list[dict[str, Any]], data: Path, stores: Path, settings: Settings
) -> list[dict[str, Any]]:
    """Each question answered from the store of its corpus (built unless already there)."""
    out = []
    stores.mkdir(parents=True, exist_ok=True)
    for corpus in sorted({q["corpus"] for q in questions}):
        files = corpus_files(corpus, data, stores)
        with Desk(stores / f"{corpus}.db", settings=settings) as desk:
            desk.ingest(files)
            for q in (q for q in questions if q["corpus"] == corpus):
                out.append(desk.ask(q["question"], qid=q["id"]).to_json())
    return out


def main() -> None:
    options = parser(__doc__)
    options.add_argument("--questions", type=Path, default=None)
    options.add_argument("--stores", type=Path, default=None, help="keep the stores here")
    options.add_argument("--llm", default=None, metavar="URL", help="reader model endpoint")
    args = options.parse_args()
    checked(args.data / "news_corpus" / "meantime_en" / "intra-doc_annotation")
    given = args.questions or checked(args.data / "qa" / "news_dev_questions.jsonl")
    questions = cited(given, args.data)
    scorer = eval_dir(args.data) / "qa_questions.py"
    bar = Settings().ask.min_confidence
    with tempfile.TemporaryDirectory() as tmp:
        qpath = Path(tmp) / "questions.jsonl"  # in the scorer's format, cites filled in
        qpath.write_text("".join(json.dumps(q) + "\n" for q in questions), encoding="utf-8")
        start = time.perf_counter()
        settings = settings_for(args.llm)
        answers = answer(questions, args.data, args.stores or Path(tmp), settings)
        seconds = time.perf_counter() - start
        curve = {b: score(scorer, below(answers, b), qpath, Path(tmp)) for b in BARS}
        figures = score(scorer, below(answers, bar), qpath, Path(tmp))
    report(questions, below(answers, bar), figures)
    print("abstain below   right  answerable right  abstained right")
    for b, f in curve.items():
        mark = " <- setting" if b == bar else ""
        counts = f"{f['right']:>6}{f['answerable_right']:>18}{f['abstained_right']:>17}"
        print(f"  {b:<12.2f}{counts}{mark}")
    figures.update(bar=bar, seconds=round(seconds, 1))
    if args.llm:
        figures.update(llm=model_name(args.llm), reader=reader_counts(answers))
    figures["curve"] = {str(b): f["right"] for b, f in curve.items()}
    print(json.dumps(figures))


def cited(path: Path, data: Path) -> list[dict[str, Any]]:
    """The questions, each `cite_at` ({file, offset, length} in its corpus's articles) read
    into the `cite` the scorer wants: the repository holds no text of articles whose licence
    does not allow it, only where the citing words are."""
    questions = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x]
    for q in questions:
        at = q.pop("cite_at", None)
        if at is not None:
            text = article_text(q["corpus"], at["file"], data)
            q["cite"] = text[at["offset"] : at["offset"] + at["length"]]
        q.setdefault("cite", None)
    return questions


def article_text(corpus: str, name: str, data: Path) -> str:
    """The text of a corpus's article that `cite_at` offsets count in: an IE-ER story by its
    DOCNO, else a file of the corpus's folder (a TimeML file's TEXT)."""
    if corpus == "ieer":
        stories = ieer_documents(data / CITE_ROOTS[corpus])
        return next(str(d["text"]) for d in stories if d["id"] == name)
    path = data / CITE_ROOTS[corpus] / name
    return timeml_text(path)[2] if path.suffix == ".tml" else path.read_text("utf-8")


def model_name(url: str) -> str:
    """The first model the endpoint lists (its GGUF file, for a llama.cpp server)."""
    base = url.rstrip("/") if url.rstrip("/").endswith("/v1") else f"{url.rstrip('/')}/v1"
    with urllib.request.urlopen(f"{base}/models", timeout=10) as response:
        return str(json.loads(response.read())["data"][0]["id"]).rsplit("/", 1)[-1]


def reader_counts(answers: list[dict[str, Any]]) -> dict[str, int]:
    """How the reader model took part: its picks, its abstentions, the answers it left."""
    counts: Counter[str] = Counter()
    for a in answers:
        reason = a["reason"] or ""
        if reason.startswith("the reader model found no answer"):
            counts["abstained"] += 1
        elif reason.startswith("reader model not used"):
            counts["not used"] += 1
        elif a["answer"] is not None:
            counts["picked"] += 1
    return dict(counts)


def below(answers: list[dict[str, Any]], bar: float) -> list[dict[str, Any]]:
    """The answers with those under the confidence bar turned into abstentions."""
    return [
        a if a["confidence"] >= bar else {**a, "answer": None, "citations": []} for a in answers
    ]


def score(scorer: Path, answers: list[dict[str, Any]], qpath: Path, tmp: Path) -> dict[str, Any]:
    """The independent scorer's figures for these answers."""
    pred = tmp / "pred.jsonl"
    pred.write_text("\n".join(json.dumps(a) for a in answers), encoding="utf-8")
    run = [sys.executable, str(scorer), str(pred), str(qpath)]
    out: dict[str, Any] = json.loads(
        subprocess.run(run, check=True, capture_output=True, text=True).stdout
    )
    return out


def report(questions: list[dict[str, Any]], answers: list[dict[str, Any]], figures: dict) -> None:
    by_id = {a["id"]: a for a in answers}
    wrong = set(figures["wrong"])
    print(
        f"right {figures['right']}/{figures['of']}, answerable {figures['answerable_right']}/"
        f"{figures['answerable']}, abstained right {figures['abstained_right']}/"
        f"{figures['unanswerable']}"
    )
    for q in questions:
        if q["id"] in wrong:
            got = by_id[q["id"]]
            cited = got["citations"][0]["text"][:90] if got["citations"] else ""
            print(
                f"  {q['id']} {q['question'][:70]!r}\n     expect {q['expect']!r} got "
                f"{got['answer']!r} ({got['confidence']}) | {cited!r}"
            )


if __name__ == "__main__":
    main()
