"""crisisdesk_events: who did what to whom, coded to a PLOVER event type, with its mode.

Each record is a dict `{start, end, text, type, code, mode, intensity, trigger, source, target,
time, place, claimed_by}` with character offsets (end exclusive); `source`/`target` are lists of
`{start, end, text, actor, code, sector}`, `place` one such dict or None, `trigger` the word that
codes the event, `code` its CAMEO code and `intensity` that code's Goldstein value.

How a word is coded (rules are data: lexicons/event_verbs.tsv, event_nouns.tsv and the word
classes, codes, sectors and international bodies beside them): a verb or adjective is looked up
by lemma and its rows are tried in order against its object's class, its particles, its
source's sector and whether it governs a clause; the first row that holds gives its role and
CAMEO code (event_codes.tsv maps the code to a PLOVER type and intensity):
- event: an event of that code ("arrested", "shelled");
- light: the event its object noun names ("carried out strikes", "imposed a curfew");
- frame: an event whose governed clause or object event is its content ("threatened to strike",
  "denounced the strikes", "demanded that X withdraw"): one event, the frame's;
- intent / prepare: the governed action is promised or readied: a cooperative one becomes AGREE
  (planned), a conflictual one THREATEN (threatened), or MOBILIZE when readied ("prepared to
  resume shelling"); "will"/"would"/"could" on the action itself do the same;
- refuse: a refused cooperative action is REJECT ("refused to allow"); "not" does the same
  ("will not accept").
A clause with "must"/"should" inside someone's statement is that speaker's DEMAND of its
subject ("Russia said Sudan must return the helicopter"). An event noun with an actor of its own
is an event where it stands ("US strikes on boats"), unless another event takes it as its
content, subject or object. Violence is FIGHT when the source is military or police (or the
subject is an attack: "air strikes killed") and ASSAULT otherwise.
Modules: event_lexicon (the data), event_args (the parse), event_actors (participants),
event_mode (reports: claimed, denied...), event_records (the output dicts).
Not handled: events told over several sentences, ellipsis, comparisons and generic statements
("strikes are illegal"), irony, and what the small parser attaches wrongly. Rules, not a trained
model (none with an open licence exists for PLOVER); see benchmarks/events.py for the figures.
"""

import logging

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from crisisdesk.analyze import extensions
from crisisdesk.analyze.components.event_actors import Participants, bodies_pattern
from crisisdesk.analyze.components.event_args import (
    TO,
    content_words,
    direct_object,
    governed,
    has_aux,
    negated,
    particles,
    prep_objects,
    subject,
    verb_lemmas,
    word_forms,
)
from crisisdesk.analyze.components.event_lexicon import (
    COOPERATIVE,
    THREATENING,
    EventLexicon,
    Rule,
)
from crisisdesk.analyze.components.event_records import Builder, Found, Record
from crisisdesk.analyze.gazetteer import Gazetteer

log = logging.getLogger(__name__)

VERBAL = frozenset({"VERB", "ADJ"})
NOMINAL = frozenset({"NOUN", "PROPN"})
CANDIDATES = VERBAL | NOMINAL

GOVERNORS = frozenset({"frame", "intent", "prepare", "refuse"})
FUTURE = frozenset({"will", "'ll", "’ll", "shall", "would", "wo", "could", "may", "might"})
OBLIGATION = frozenset({"must", "should", "ought"})

CAPABLE = frozenset({"capable", "able", "design", "designed", "unable"})
CAN = frozenset({"can", "ca"})
CONDITIONS = frozenset({"if", "unless", "whether"})
RIGHTS = frozenset({"right", "mandate", "ability", "capacity", "power", "authority"})
#: how a clause hangs below the clause it belongs to, climbed at most MAX_CLIMB times
CLAUSE_LINKS = frozenset({"xcomp", "conj", "pcomp", "advcl", "ccomp"})
MAX_CLIMB = 3
#: "is going to strike", "is set to sign", "is due to visit": the governed verb is intended
INTENT_HEADS = frozenset({"go", "set", "due", "poise", "about"})
#: CAMEO codes given to composed events: an intent to cooperate, a threat of force, of
#: sanctions, any other threat, readied force, a refusal, a demand
AGREE_CODE, FORCE_THREAT, SANCTION_THREAT, THREAT = "030", "138", "1312", "130"
MOBILIZE_CODE, REJECT_CODE, DEMAND_CODE = "154", "120", "100"
VIOLENCE = frozenset({"ASSAULT", "FIGHT"})
#: event nouns that take a clause as their content ("a demand that Israel ease restrictions")
FRAMED = frozenset({"DEMAND", "THREATEN", "DISAPPROVE"})


@Language.factory(
    "crisisdesk_events",
    assigns=["doc._.events"],
    requires=[
        "doc.sents",
        "doc.ents",
        "token.dep",
        "token.lemma",
        "token.tag",
        "doc._.actor_mentions",
        "doc._.actors",
        "doc._.coref",
        "doc._.attributions",
        "doc._.doubts",
        "doc._.times",
    ],
    default_config={
        "verbs": "event_verbs.tsv",
        "nouns": "event_nouns.tsv",
        "classes": "event_classes.tsv",
        "codes": "event_codes.tsv",
        "sectors": "event_sectors.tsv",
        "bodies": "event_actors.tsv",
        "people": "event_people.tsv",
    },
)
def make_events(
    nlp: Language,
    name: str,
    verbs: str,
    nouns: str,
    classes: str,
    codes: str,
    sectors: str,
    bodies: str,
    people: str,
) -> "EventCoder":
    lexicon = EventLexicon.from_files(
        verbs=verbs,
        nouns=nouns,
        classes=classes,
        codes=codes,
        sectors=sectors,
        bodies=bodies,
        people=people,
    )

    return EventCoder(lexicon=lexicon, gazetteer=actor_gazetteer(nlp))


def actor_gazetteer(nlp: Language) -> Gazetteer:
    """The gazetteer crisisdesk_actors links with (the user's file included), so a state named
    in a phrase gets the same code here; the packaged one without that component."""
    if "crisisdesk_actors" in nlp.pipe_names:
        found = getattr(nlp.get_pipe("crisisdesk_actors"), "gazetteer", None)
        if isinstance(found, Gazetteer):
            return found
    return Gazetteer.from_files("actors.tsv")


class EventCoder:
    """Codes each sentence's events; see the module docstring for the rules."""

    def __init__(self, *, lexicon: EventLexicon, gazetteer: Gazetteer) -> None:
        self.lexicon = lexicon
        self.gazetteer = gazetteer
        self.bodies = bodies_pattern(lexicon)
        extensions.register()

    def __call__(self, doc: Doc) -> Doc:
        extensions.register()
        participants = Participants(doc, self.lexicon, self.bodies, self.gazetteer)
        builder = Builder(doc, self.lexicon, participants)
        records: list[Record] = []
        for sent in doc.sents:
            for found in SentenceCoder(self.lexicon, builder, sent).found():
                try:
                    record = builder.record(found)
                except (IndexError, KeyError, ValueError) as exc:  # one odd parse never fails
                    log.warning("skipped an event at token %s: %s", found.token.i, exc)
                    continue
                if record is not None:
                    records.append(record)
        doc._.events = records
        return doc


class SentenceCoder:
    """The events of one sentence: every word coded once (memo), governed and consumed words
    (`used`) left out of the result."""

    def __init__(self, lexicon: EventLexicon, builder: Builder, sent: Span) -> None:
        self.lexicon = lexicon
        classes = lexicon.classes
        self.contents = classes["PROPOSALS"] | classes["AGREEMENT"] | classes["DEMANDS"] | RIGHTS
        self.builder = builder
        self.sent = sent
        self.memo: dict[int, Found | None] = {}
        self.used: set[int] = set()

    def found(self) -> list[Found]:
        for token in self.sent:
            if token.pos_ in CANDIDATES:
                self.code(token)
        events = [f for i, f in self.memo.items() if f is not None and i not in self.used]
        for event in events:  # an event noun that is another event's subject or object
            for arg in (subject(event.token), direct_object(event.token)):
                if arg is not None and arg.i != event.token.i and self.memo.get(arg.i):
                    self.used.add(arg.i)
        return sorted((f for i, f in self.memo.items() if f and i not in self.used), key=_order)

    def code(self, token: Token) -> Found | None:
        if token.i not in self.memo:
            self.memo[token.i] = None  # a cycle in a bad parse ends here
            self.memo[token.i] = self.code_word(token)
        return self.memo[token.i]

    def code_word(self, token: Token) -> Found | None:
        if token.pos_ in NOMINAL:
            return self.standalone_noun(token)
        rules = self.verb_rules(token)
        if not rules or capability(token) or conditional(token) or self.content_of(token):
            return None
        for rule in rules:
            noun = self.light_noun(token) if rule.role == "light" else None
            if (rule.role == "light") == (noun is not None) and self.holds(token, rule):
                return self.modal(token, self.apply(token, rule, noun))
        return None

    # -- rules ----------------------------------------------------------------------------------

    def verb_rules(self, token: Token) -> tuple[Rule, ...]:
        if token.pos_ not in VERBAL:
            return ()
        verbs = self.lexicon.verbs
        return next((verbs[f] for f in verb_lemmas(token) if f in verbs), ())

    def holds(self, token: Token, rule: Rule) -> bool:
        """Whether every condition of a rule holds for this word."""
        return all(self.condition(token, key, value, rule) for key, value in rule.conditions)

    def condition(self, token: Token, key: str, value: str, rule: Rule) -> bool:
        if key == "obj":
            obj = self.object(token, rule)
            inside = obj is not None and self.of_class(obj, value.lstrip("~"))
            return not inside if value.startswith("~") else inside
        if key == "prep":
            return value in particles(token)
        if key == "src":
            return self.source_sector(token) in value.split("|")
        if key == "xcomp":
            return any(c.pos_ in VERBAL | {"AUX"} for c in governed(token))
        if key == "noobj":
            return direct_object(token) is None
        return self.noun_condition(token, key, value)

    def noun_condition(self, token: Token, key: str, value: str, via: Token | None = None) -> bool:
        if key == "mod":
            return any(c.lemma_.lower() in value.split("|") for c in token.lefts)
        if key == "via":
            return via is not None and via.lemma_.lower() in value.split("|")
        if key == "joint":
            return self.joint(token, via)
        return False

    def object(self, token: Token, rule: Rule) -> Token | None:
        """The object a rule's condition looks at: the direct object, else the object of the
        rule's preposition ("called for sanctions")."""
        obj = direct_object(token)
        if obj is not None:
            return obj
        preps = frozenset(v for k, v in rule.conditions if k == "prep")
        return next((o for _, o in prep_objects(token, preps)), None)

    def of_class(self, token: Token, name: str) -> bool:
        words = self.lexicon.classes[name]
        return any(word_forms(t) & words for t in content_words(token))

    def source_sector(self, token: Token) -> str | None:
        """The sector of the word's source; an attack as subject is military ("air strikes
        killed ten")."""
        head = subject(token) if token.pos_ not in NOMINAL else self.builder.noun_source(token)
        if head is None:
            return None
        if head.pos_ in NOMINAL and head.lemma_.lower() in self.lexicon.nouns:
            kind = self.lexicon.type_of(self.noun_code(head))
            return "MIL" if kind == "FIGHT" else None  # "shelling killed": "a bombing killed"
        sectors = [p["sector"] for p in self.builder.participants.of(head) if p["sector"]]
        return sectors[0] if sectors else None

    def joint(self, noun: Token, via: Token | None) -> bool:
        """Two sources or more, "joint", or "with" someone: exercises held together."""
        if any(c.lower_ == "joint" for c in noun.lefts):
            return True
        holders = [noun, via] if via is not None else [noun]
        if any(prep == "with" for h in holders for prep, _ in prep_objects(h, frozenset({"with"}))):
            return True
        head = subject(via) if via is not None else self.builder.noun_source(noun)
        if head is None:
            return False
        codes = {p["code"] for p in self.builder.participants.of(head) if p["code"]}
        return bool(head.conjuncts) or len(codes) > 1  # "French and Egyptian warships"

    # -- nouns ----------------------------------------------------------------------------------

    def noun_code(self, noun: Token, via: Token | None = None) -> str | None:
        """The code of an event noun (taken by `via`), or None if it is not one."""
        for rule in self.lexicon.nouns.get(noun.lemma_.lower(), ()):
            if all(self.noun_rule_condition(noun, k, v, via) for k, v in rule.conditions):
                return rule.code
        return None

    def noun_rule_condition(self, noun: Token, key: str, value: str, via: Token | None) -> bool:
        if key == "src":
            return self.source_sector(via if via is not None else noun) in value.split("|")
        return self.noun_condition(noun, key, value, via)

    def light_noun(self, token: Token) -> Token | None:
        """The event noun a light verb takes as object ("launched an investigation")."""
        obj = direct_object(token)
        if obj is None:
            obj = next((o for _, o in prep_objects(token, frozenset({"on", "in"}))), None)
        words = content_words(obj) if obj is not None else []
        return next((w for w in words if self.noun_code(w, token)), None)

    def standalone_noun(self, noun: Token) -> Found | None:
        """An event noun that names an actor of its own ("US strikes on boats")."""
        code = self.noun_code(noun)
        if code is None or noun.dep_ in ("compound", "amod"):
            return None
        found = Found(noun, code)
        if self.lexicon.type_of(code) in FRAMED:  # "its demand that Israel ease ...": content
            found.inner = self.inner(noun)
        kind = self.lexicon.type_of(code) or ""
        parts = [*self.builder.sources(found), *self.builder.targets(found, kind)]
        return found if any(p["actor"] or p["code"] for p in parts) else None

    # -- composition ----------------------------------------------------------------------------

    def apply(self, token: Token, rule: Rule, noun: Token | None) -> Found | None:
        """The event of a word under the rule that holds for it."""
        if rule.role == "light" and noun is not None:
            self.used.add(noun.i)
            code = self.noun_code(noun, token)
            return Found(token, code, noun=noun) if code else None
        if rule.role in GOVERNORS:
            return self.govern(token, rule, self.inner(token))
        return Found(token, rule.code) if rule.code else None

    def inner(self, token: Token, depth: int = 0) -> Found | None:
        """The event a governor governs: a clause ("refused [to pay]") or an object event noun
        ("threatened [military action]"); it is then the governor's content."""
        for child in governed(token):
            found = self.code(child) or (self.inner(child) if depth < 2 else None)
            if found is not None:
                self.used.add(child.i)
                return found
        obj = direct_object(token)
        if obj is None:
            obj = next((o for _, o in prep_objects(token, frozenset({"for", "to", "of"}))), None)
        for word in content_words(obj) if obj is not None else ():
            code = self.noun_code(word, token)
            if code:
                self.used.add(word.i)
                return Found(word, code)
        return None

    def govern(self, token: Token, rule: Rule, inner: Found | None) -> Found | None:
        role, kind = rule.role, self.lexicon.type_of(inner.code) if inner else None
        if role == "frame":
            if not rule.code:
                return None
            code = rule.code
            if self.lexicon.type_of(code) == "THREATEN" and kind in VIOLENCE | {"SANCTION"}:
                code = threat_code(kind, code)  # "threatened to strike": a threat of force
            return self.threat(Found(token, code, inner=inner))
        if inner is None:
            return Found(token, rule.code) if rule.code else None
        if role == "refuse":  # refusing to fight oneself is no rejection of anyone
            own_violence = kind in VIOLENCE and inner.token.pos_ not in NOMINAL
            return None if own_violence else Found(token, REJECT_CODE, inner=inner)
        if role == "prepare":
            code = MOBILIZE_CODE if kind in THREATENING | {"MOBILIZE"} else AGREE_CODE
            return Found(token, code, mode="planned", inner=inner)
        return self.intended(inner, anchor=token)

    def intended(self, inner: Found, *, anchor: Token) -> Found:
        """An intended action: AGREE if cooperative, THREATEN if conflictual, else itself
        (planned)."""
        kind = self.lexicon.type_of(inner.code)
        if kind == "SUPPORT" and inner.token.pos_ in NOMINAL:  # "pledged his support": support
            return Found(anchor, inner.code, inner=inner)
        if kind in COOPERATIVE:
            return Found(anchor, AGREE_CODE, mode="planned", inner=inner)
        if kind in THREATENING:
            return self.threat(Found(anchor, threat_code(kind, inner.code), inner=inner))
        return Found(anchor, inner.code, mode="planned", inner=inner, noun=inner.noun)

    def threat(self, found: Found) -> Found:
        if self.lexicon.type_of(found.code) == "THREATEN":
            found.mode = "threatened"
        return found

    def modal(self, token: Token, found: Found | None) -> Found | None:
        """ "will"/"would" (intended), "must"/"should" (someone's demand) and "not" (refused, or
        no event) on the word itself."""
        if found is None or self.composed_by_governor(token):
            return found
        if has_aux(token, OBLIGATION):
            return self.obligation(token, found)
        future = has_aux(token, FUTURE) or (
            token.dep_ == "xcomp" and token.head.lemma_.lower() in INTENT_HEADS
        )
        if future and found.mode is None and found.token is token:
            found = self.intended(found, anchor=token)
        elif found.mode is None and token.tag_ == "VB" and has_aux(token, TO):
            found.mode = "planned"  # "to pressure Maduro to step down": a purpose, not a fact
        return self.negation(token, found) if negated(token) else found

    def content_of(self, token: Token) -> bool:
        """A clause that says what a proposal, agreement, demand or right is about ("a
        resolution that aims to impose a blockade", "the right to fire"): no event of its own."""
        nouns = self.contents
        for _ in range(MAX_CLIMB):
            if token.dep_ in ("acl", "relcl") and token.head.lemma_.lower() in nouns:
                return True
            if token.dep_ not in CLAUSE_LINKS or token.head.i == token.i:
                return False
            token = token.head
        return False

    def composed_by_governor(self, token: Token) -> bool:
        """A clause an event verb governs ("agreed that they should cooperate"): the governor
        composes it, its own "should"/"will" do not."""
        head = token.head
        if head.i == token.i or token not in set(governed(head)):
            return False
        return any(rule.role in GOVERNORS for rule in self.verb_rules(head))

    def negation(self, token: Token, found: Found) -> Found | None:
        """A cooperative action not taken is a rejection; anything else negated is no event."""
        kind = self.lexicon.type_of(found.code)
        if kind in COOPERATIVE:
            return Found(token, REJECT_CODE, inner=found)
        return None

    def obligation(self, token: Token, found: Found) -> Found | None:
        """ "X said Y must do Z": X demands it of Y. Outside a statement, no event."""
        report = self.builder.reports.holding(token.idx)
        speaker = self.builder.speaker(token) if report else None
        doer = subject(token)
        if not speaker or doer is None:
            return None
        return Found(token, DEMAND_CODE, inner=found, source=speaker, target=doer)


def conditional(token: Token) -> bool:
    """An action in an "if"/"unless" clause is a condition, not an event ("unless Baghdad
    accepted its conditions")."""
    for _ in range(MAX_CLIMB):
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children):
            return True
        if token.dep_ not in CLAUSE_LINKS or token.head.i == token.i:
            return False
        token = token.head
    return False


def capability(token: Token) -> bool:
    """What could be done, not an event: "capable of shooting down drones", "able to strike",
    "can strike"."""
    if has_aux(token, CAN):
        return True
    head = token.head.head if token.dep_ == "pcomp" else token.head
    return token.dep_ in ("pcomp", "xcomp") and head.lemma_.lower() in CAPABLE


def threat_code(kind: str | None, code: str) -> str:
    if kind in ("ASSAULT", "FIGHT"):
        return FORCE_THREAT
    if kind == "SANCTION":
        return SANCTION_THREAT
    return code if kind == "THREATEN" else THREAT


def _order(found: Found) -> int:
    return found.token.i
