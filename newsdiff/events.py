"""Event mentions in a parse: which words name a meeting-like event, and does it hold.

A word names an event a news reader follows (a meeting, a call, a hearing, a vote...) when
its lemma is in the tables below and its sense fits ("meet the criteria" is no meeting).
Whether the event holds is read from the trigger's own clause, the way TimeML's factuality
profiles do (Saurí and Pustejovsky, 2009): a negation, a refusal ("declined to meet"), a
request or a condition above the trigger in the same clause makes it something that did not
or may not happen; a cancellation or postponement keeps it on the timeline with that status.

The cue has to sit in the trigger's clause chain (xcomp, dobj, pobj...), not across a
``ccomp``: in "officials did not say whether they would meet" the negation is the saying's.
spaCy's DependencyMatcher ``>>`` operator would cross that boundary, so the walk is explicit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from newsdiff.lexicon.people import ROLE_NOUNS
from newsdiff.lexicon.tense import ARRANGE_LEMMAS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: Noun lemmas that name an event between parties, mapped to the kind shown to users.
EVENT_NOUNS: Mapping[str, str] = {
    "meeting": "meeting",
    "talk": "talks",
    "negotiation": "talks",
    "discussion": "talks",
    "consultation": "talks",
    "summit": "summit",
    "call": "call",
    "phonecall": "call",
    "conversation": "call",
    "interview": "call",
    "vote": "vote",
    "referendum": "vote",
    "ballot": "vote",
    "election": "election",
    "conference": "conference",
    "session": "meeting",
    "hearing": "hearing",
    "trial": "trial",
    "arraignment": "arraignment",
    "sentencing": "sentencing",
    "visit": "visit",
    "speech": "speech",
    "address": "speech",
    "deadline": "deadline",
    "voting": "vote",
    "negotiating": "talks",
}
#: Verb lemmas that name such an event.
EVENT_VERBS: Mapping[str, str] = {
    "meet": "meeting",
    "negotiate": "talks",
    "vote": "vote",
    "visit": "visit",
    "testify": "hearing",
    "address": "speech",
    "host": "meeting",
    "receive": "meeting",
    "arraign": "arraignment",
    "sentence": "sentencing",
}
#: Nouns that only name an event when a phone/video word is attached (a "conversation" alone is
#: too vague to put on a timeline).
_NEEDS_PHONE = frozenset({"conversation", "interview"})
_PHONE_WORDS = frozenset({"phone", "telephone", "video", "virtual", "call", "videoconference"})
#: Nouns where only the plural names the event ("talks", "discussions").
_PLURAL_ONLY = frozenset({"talk", "discussion", "consultation"})
#: A speech or address is an event to follow when given to a body ("an address to Congress").
_AUDIENCE_PREPS = frozenset({"to", "before", "at"})
#: "clinical trial", "trading session": the same nouns naming no event between parties.
_OTHER_SENSE = frozenset(
    {"clinical", "drug", "vaccine", "field", "trading", "photo", "training", "practice"}
)
#: Objects a person meets: people, groups, bodies ("met the delegation", "meet reporters").
_HUMAN_NOUNS = frozenset(
    [
        "counterpart",
        "counterparts",
        "delegation",
        "delegations",
        "leader",
        "leaders",
        "official",
        "officials",
        "representative",
        "representatives",
        "envoy",
        "envoys",
        "team",
        "teams",
        "group",
        "groups",
        "reporter",
        "reporters",
        "family",
        "families",
        "member",
        "members",
        "lawmaker",
        "lawmakers",
        "voter",
        "voters",
        "student",
        "students",
        "worker",
        "workers",
        "executive",
        "executives",
        "investor",
        "investors",
        "ally",
        "allies",
        "rebel",
        "rebels",
        "protester",
        "protesters",
        "victim",
        "victims",
        "king",
        "queen",
        "prince",
        "pope",
        # Kin and people in general: one meets a person ("met the boy", "met his son").
        "boy",
        "boys",
        "girl",
        "girls",
        "child",
        "children",
        "son",
        "sons",
        "daughter",
        "daughters",
        "father",
        "mother",
        "parents",
        "grandmother",
        "grandmothers",
        "grandfather",
        "grandparents",
        "grandson",
        "granddaughter",
        "relative",
        "relatives",
        "cousin",
        "cousins",
        "uncle",
        "aunt",
        "wife",
        "husband",
        "brother",
        "sister",
        "friend",
        "friends",
        "survivor",
        "survivors",
        "resident",
        "residents",
        "people",
    ]
)

#: Bodies a speech is given to ("address the nation", "address parliament").
_BODIES = frozenset(
    {"parliament", "congress", "assembly", "senate", "house", "legislature", "nation",
     "council", "lawmakers", "delegates", "conference", "summit", "rally", "convention"}
)  # fmt: skip

Polarity = Literal["pos", "neg"]
Modality = Literal["actual", "planned", "hypothetical"]

#: Verbs that refuse the event in their complement ("declined to meet", "turned down talks").
_REFUSE = frozenset(
    {"decline", "refuse", "reject", "rebuff", "turn down", "rule out", "deny", "shun", "spurn"}
)
_CANCEL = frozenset({"cancel", "call off", "scrap", "scrub", "abandon", "axe", "shelve"})
_POSTPONE = frozenset(
    {"postpone", "delay", "put off", "defer", "push back", "adjourn", "reschedule"}
)
#: Verbs and nouns of wanting and asking: the event is desired, not arranged.
_REQUEST = frozenset(
    {
        "request", "seek", "urge", "call for", "want", "hope", "demand", "propose", "suggest",
        "ask for", "push for", "press for", "offer", "invite", "consider",
        "proposal", "bid", "idea", "possibility", "prospect", "chance", "interest",
        "readiness", "willingness", "desire", "wish",
    }
)  # fmt: skip
#: Nouns of arranging an event: negated ("no plans for", "no date for talks", "no question of
#: a meeting"), they leave no event. Other nouns ("no details about the talks", "no progress in
#: the negotiations") say something about an event that took place.
_ARRANGING_NOUNS = frozenset(
    {"plan", "date", "decision", "agreement", "arrangement", "sign", "indication", "talk",
     "question", "intention", "request", "proposal", "invitation", "offer", "prospect",
     "chance", "possibility", "need", "time", "schedule", "word"}
)  # fmt: skip
_HEDGE_AMODS = frozenset({"possible", "potential", "hypothetical", "proposed", "would-be"})
_CANCEL_AMODS = frozenset({"cancelled", "canceled", "aborted", "scrapped"})
_POSTPONE_AMODS = frozenset({"postponed", "delayed", "adjourned", "rescheduled"})
#: The trigger may be the object of these verbs and still be negated by them: not holding
#: talks means no talks; not attending a meeting says nothing about the meeting.
_SUPPORT = frozenset(
    {"hold", "have", "take", "conduct", "begin", "start", "resume", "open", "plan", "set",
     "schedule", "arrange", "seek", "agree", "host", "convene", "organize", "organise", "get",
     "return", "answer", "receive", "make", "place"}
)  # fmt: skip
#: Verbs that say whether an event they have as subject happens at all.
_OCCUR = frozenset(
    {"happen", "occur", "take", "go", "proceed", "materialize", "materialise", "be", "come",
     "get", "last", "continue", "succeed", "work"}
)  # fmt: skip
#: Dependencies that stay inside the trigger's clause chain.
_CHAIN = frozenset(
    {"xcomp", "dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "pcomp",
     "acomp", "oprd", "appos", "npadvmod", "dative", "agent", "amod"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Factuality:
    """Whether an event mention reports something that holds, and how."""

    polarity: Polarity
    modality: Modality
    status: Literal["cancelled", "postponed"] | None = None
    called_off: bool = False
    """A cancel/postpone verb governs the event, negated or not: it was still ahead then."""

    @property
    def is_talk(self) -> bool:
        """Negated, refused and hypothetical events stay off the timeline."""
        return self.polarity == "pos" and self.modality != "hypothetical"


def phrasal_lemma(tok: Token) -> str:
    """ "turned down" -> "turn down": a verb's lemma with its particle."""
    prt = [c.lower_ for c in tok.children if c.dep_ == "prt"]
    return f"{tok.lemma_.lower()} {prt[0]}" if prt else tok.lemma_.lower()


def _negated_here(tok: Token) -> bool:
    """A negation on this very word: "not", "never", "neither ... nor", "no meeting"."""
    for child in tok.children:
        if child.dep_ == "neg" or (child.dep_ == "preconj" and child.lower_ == "neither"):
            return True
        if child.dep_ == "det" and child.lower_ in {"no", "neither"}:
            return True
        if child.dep_ == "advmod" and child.lower_ in {"never", "not"}:
            return True
    return False


def _conditional(verb: Token) -> bool:
    """ "could meet", "might hold talks", "would meet if ...": a possibility, not a plan."""
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}
    if auxes & {"could", "might", "may"}:
        return True
    if auxes & {"would", "should", "'d"}:
        return any(
            c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children)
            for c in verb.children
        )
    return False


def factuality(trigger: Token) -> Factuality:
    """Polarity, modality and cancel/postpone status from the trigger's clause chain.

    Examples: "had neither met X" -> neg; "declined to meet" -> neg; "turned down a request
    for a meeting" -> hypothetical (the request) and neg (the refusal); "the summit was
    called off" -> cancelled; "plans to meet" -> planned; "could meet if..." -> hypothetical.
    """
    modality: Modality = "actual"
    status: Literal["cancelled", "postponed"] | None = None
    amods = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "compound"}}
    if amods & _HEDGE_AMODS:
        modality = "hypothetical"
    if amods & _CANCEL_AMODS:
        status = "cancelled"
    elif amods & _POSTPONE_AMODS:
        status = "postponed"
    flips = int(_negated_here(trigger))  # odd: the event does not hold
    called_off = status is not None
    node = trigger
    below = trigger  # the node the walk came up from
    for _ in range(8):
        negated = False
        if node.i != trigger.i and node.pos_ in {"VERB", "AUX"}:
            negated = _negated_here(node) and (
                phrasal_lemma(node) in _REFUSE | _CANCEL | _POSTPONE
                or _negation_reaches(node, trigger)
            )
        elif node.i != trigger.i:
            # "no plans for talks", "no request for a meeting": a negated arrangement is no
            # event; "no update on the negotiations" says nothing against them.
            negated = _negated_here(node) and node.lemma_.lower() in _ARRANGING_NOUNS
        if (
            node.pos_ in {"VERB", "AUX"}
            and _conditional(node)
            and (node.i == trigger.i or _negation_reaches(node, trigger))
        ):  # "they could meet", "could hold talks"; not "with the vote due, it could fall"
            modality = "hypothetical"
        lemma = phrasal_lemma(node) if node.pos_ in {"VERB", "AUX"} else node.lemma_.lower()
        if node.pos_ == "VERB" and below.dep_ == "prep" and f"{lemma} {below.lower_}" in _REQUEST:
            # spaCy hangs "for" of "called for a conference" as a preposition, not a particle:
            # the verb and the preposition the walk came through are the request.
            lemma = f"{lemma} {below.lower_}"
        if node.i == trigger.i:
            pass
        elif lemma in _REFUSE | _CANCEL | _POSTPONE | _REQUEST and _setting(below):
            # "a plan she had turned down in budget talks", "at a news conference, he suggested":
            # the event is where it was said or done, not what was refused, dropped or asked.
            pass
        elif lemma in _REFUSE:
            flips += 1 + negated  # "did not rule out a meeting": two negations cancel,
            if negated:  # and leave a possibility, not a plan
                modality = "hypothetical"
        elif lemma in _CANCEL | _POSTPONE:
            # What is above the calling off is about the calling off: "urged Trump to cancel
            # the summit" asks for a cancellation; the summit itself still stands.
            called_off = True
            if not negated and _asserted(node):  # "the summit was not cancelled" goes ahead
                status = status or ("cancelled" if lemma in _CANCEL else "postponed")
            break
        elif lemma in _REQUEST and status is None:
            modality = "hypothetical"
        else:
            flips += negated
            if lemma in ARRANGE_LEMMAS and modality == "actual":
                modality = "planned"
        if any(c.dep_ == "mark" and c.lower_ in {"whether", "if"} for c in node.children):
            modality = "hypothetical"  # "declined to say whether he would meet Biden"
        infinitive = node.dep_ == "acl" and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in node.children
        )  # "an invitation to meet", "a plan to meet": the noun decides
        if (node.dep_ not in _CHAIN and not infinitive) or node.head.i == node.i:
            break
        if node.dep_ == "prep" and node.lower_ == "without":
            flips += 1
        below, node = node, node.head
    polarity: Polarity = "neg" if flips % 2 else "pos"
    return Factuality(polarity, modality, status, called_off)


def _setting(child: Token) -> bool:
    """A prepositional adjunct names where or when something was refused, called off or asked
    for, not what was: "rejected the treaty in peace talks", "at a news conference, he
    suggested", "cancelled the deal at the summit". What is refused or asked for is an argument
    ("declined an invitation to the summit", "turned down talks") or the goal of "for"
    ("refused calls for a meeting", "pressed for talks")."""
    return child.dep_ == "prep" and child.lower_ in {"in", "at", "during", "after", "before"}


def _asserted(verb: Token) -> bool:
    """The verb reports something done: not asked for ("urged him to cancel", "called for
    the meeting to be called off"), not hedged ("could be postponed")."""
    if _conditional(verb) or any(
        c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ in {"should", "would"}
        for c in verb.children
    ):
        return False
    node = verb
    for _ in range(3):
        if node.dep_ not in {"xcomp", "ccomp", "advcl", "acl", "pcomp", "pobj"}:
            return True
        node = node.head
        lemma = phrasal_lemma(node) if node.pos_ in {"VERB", "AUX"} else node.lemma_.lower()
        called_for = any(c.lower_ == "for" for c in (*verb.children, *node.children))
        if lemma in _REQUEST or (lemma == "call" and called_for) or lemma in _REFUSE:
            return False
    return True


def _negation_reaches(verb: Token, trigger: Token) -> bool:
    """A negated verb negates the event it governs as subject, complement or support object."""
    path: list[Token] = []
    node = trigger
    while node.i != verb.i and node.head.i != node.i:
        path.append(node)
        node = node.head
    if not path:
        return True
    top = path[-1]
    lemma = verb.lemma_.lower()
    if top.dep_ in {"xcomp", "attr", "acomp", "ccomp"}:
        return True
    if top.dep_ in {"nsubj", "nsubjpass"}:
        # "the meeting did not take place": no meeting; "the talks did not produce a deal":
        # the talks happened, what they did not do is another matter.
        return lemma in _OCCUR or lemma in _SUPPORT
    return bool(top.dep_ in {"dobj", "prep"} and lemma in _SUPPORT)


def _meets_someone(tok: Token) -> bool:
    """ "met Zelensky", "meet with reporters", "they met": yes; "meet demand": no."""
    for child in tok.children:
        if child.dep_ != "dobj" or child.ent_type_ in {"DATE", "TIME"} or child.lower_ == "face":
            continue  # "meet the following day", "met face to face": no object met
        if child.pos_ in {"PROPN", "PRON"} or child.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}:
            return True
        lemma = child.lemma_.lower()  # "met Kenyan diplomats": the plural of a role
        return bool({child.lower_, lemma} & (_HUMAN_NOUNS | ROLE_NOUNS | _MET_BODIES))
    return True


#: Bodies and crowds one meets as a group: "met the committee", "met embassy staff".
_MET_BODIES = frozenset(
    {"staff", "troop", "troops", "soldier", "committee", "panel", "board", "cabinet",
     "commission", "council", "crowd", "delegate", "mourner", "doctor", "journalist",
     "legislator", "hostage", "crew", "guard", "press", "parliamentarian", "diplomat"}
)  # fmt: skip


def _noun_kind(tok: Token, lemma: str) -> str | None:
    if lemma in _PLURAL_ONLY and tok.tag_ != "NNS" and not _one_conversation(tok):
        return None
    if lemma in _NEEDS_PHONE and not any(
        t.lower_ in _PHONE_WORDS for t in (*tok.lefts, *tok.children)
    ):
        return None
    children = list(tok.children)
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in _OTHER_SENSE for c in children):
        return None
    if lemma == "call" and any(c.dep_ == "prep" and c.lower_ == "for" for c in children):
        return None  # "a call for restraint" is an appeal, not a phone call
    if lemma in {"speech", "address"} and not _a_speech_given(tok):
        return None  # an occasion of speaking, not free speech or a postal address
    if lemma == "session" and not _sitting_of_a_body(tok):
        return None  # "the quarter's most active session" is trading, not a sitting of a body
    if (
        lemma in {"deadline", "voting", "negotiating"}
        and tok.dep_ in {"compound", "amod"}
        and not (lemma != "deadline" and _names_a_round(tok))
    ):
        return None  # "deadline pressure", "voting rights", "the negotiating team"
    kind = EVENT_NOUNS[lemma]
    if lemma == "talk" and tok.tag_ != "NNS" and tok.head.lemma_.lower() in {"give", "deliver"}:
        return "speech"  # "gave a talk at the university": a lecture, not negotiations
    if kind == "meeting" and any(
        t.lower_ in _PHONE_WORDS for t in tok.subtree if t.i > tok.i and t.i - tok.i < 4
    ):
        kind = "call"  # "a meeting by phone"
    return kind


def _a_speech_given(tok: Token) -> bool:
    """A speech or address is an event when it is an occasion of speaking.

    "Speech" counted ("a speech", "his speech", "speeches") is one; the mass noun is the
    faculty ("free speech", "slurred speech"). "Address" is as often a postal one, so it is a
    speech only when given to an audience ("an address to Congress", "at the convention").
    """
    children = list(tok.children)
    if tok.lemma_.lower() == "speech":
        return tok.tag_ == "NNS" or any(
            c.dep_ == "poss" or (c.dep_ in {"det", "nummod"} and c.lower_ != "no") for c in children
        )
    return any(c.dep_ == "prep" and c.lower_ in _AUDIENCE_PREPS for c in children)


#: Bodies that sit in session, beside ``_BODIES``: "a cabinet session", "the court's session".
_SITTING_BODIES = _BODIES | frozenset(
    {"cabinet", "committee", "court", "board", "panel", "parliamentary", "legislative",
     "congressional", "senate", "plenary", "negotiating", "bargaining", "negotiation"}
)  # fmt: skip
#: Modifiers only a body's sitting takes: "an emergency session", "a closed-door session".
_SITTING_MODS = frozenset(
    {"emergency", "special", "extraordinary", "closed", "closed-door", "joint", "plenary",
     "opening", "closing", "lame-duck"}
)  # fmt: skip
#: Verbs whose subject holds a sitting: "parliament opened a special session".
_CONVENE = frozenset({"hold", "open", "convene", "call", "begin", "start", "end", "close"})


#: A market's trading day is a session too: "the Tokyo Stock Exchange's morning session".
_MARKETS = frozenset({"exchange", "market", "markets", "nasdaq", "dow", "index", "bourse", "stock"})


def _a_body(tok: Token) -> bool:
    if any(t.lower_ in _MARKETS for t in tok.subtree):
        return False
    return tok.ent_type_ in {"ORG", "NORP"} or tok.lower_ in _SITTING_BODIES


def _one_conversation(tok: Token) -> bool:
    """The singular is one conversation when counted: "in a talk lasting about forty minutes", "to
    finish their discussion", "a discussion with Arafat". Without an article or possessor it
    is a mass noun, what people say ("talk of war") or a manner ("in consultation with"), and
    "the talk about closing the mine" is what was said, not a conversation."""
    counted = any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in {"a", "an", "one", "another"})
        for c in tok.children
    )
    return counted and not any(
        c.dep_ == "prep" and c.lower_ in {"of", "about"} for c in tok.children
    )


def _sitting_of_a_body(tok: Token) -> bool:
    """A session is an event a reader follows when it is the sitting of a body or a round of
    talks: "a session of parliament", "the Senate's session", "an emergency session", "the
    council held a session", "a negotiating session with the union". Alone, "session" is as
    often a trading day, a photo shoot or a round of a fight.
    """
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in {"of", "with", "between"}:
            return True
        if c.dep_ in {"compound", "amod", "poss", "nmod"} and (
            _a_body(c) or c.lower_ in _SITTING_MODS
        ):
            return True
    head = tok.head
    return (
        tok.dep_ == "dobj"
        and head.lemma_.lower() in _CONVENE
        and any(c.dep_ == "nsubj" and _a_body(c) for c in head.children)
    )


#: Nouns of a stretch of an activity: "a negotiating round", "the voting session".
_ROUNDS = frozenset({"round", "rounds", "session", "sessions", "marathon", "process"})


def _names_a_round(tok: Token) -> bool:
    """ "a new negotiating round", "a negotiating marathon": the participle names the activity
    of a noun that is a stretch of it, so the event is the negotiating. "Back to / at the
    negotiating table" is the conventional name of the negotiations themselves. With any other
    noun it describes a party or a thing ("the negotiating team", "their negotiating stance").
    """
    head = tok.head
    if head.lower_ == "table":
        return head.dep_ == "pobj" and head.head.lower_ in {"to", "at", "from"}
    return head.lower_ in _ROUNDS


def _verb_kind(tok: Token, lemma: str) -> str | None:
    if tok.dep_ in {"amod", "compound"} and not _names_a_round(tok):
        return None  # "their negotiating stance"
    if lemma == "meet" and not _meets_someone(tok):
        return None
    if lemma in {"host", "receive"} and not any(
        c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in tok.children
    ):
        return None  # "hosted Zelensky", "received Modi"; not "host the Olympics"
    if lemma == "address" and not any(
        c.dep_ == "dobj" and (c.ent_type_ in {"ORG", "GPE", "NORP"} or c.lower_ in _BODIES)
        for c in tok.children
    ):
        return None  # "will address Congress", not "address concerns"
    if lemma == "sentence" and not any(c.dep_ == "auxpass" for c in tok.children):
        return None  # "will be sentenced on June 28"; "sentenced him to life" is the outcome
    if lemma == "arraign" and not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    if lemma == "testify" and not any(
        c.dep_ == "prep" and c.lower_ == "before" for c in tok.children
    ):
        return None  # testimony before a body is a hearing; at a trial it is part of the trial
    return EVENT_VERBS[lemma]


def trigger_kind(tok: Token) -> str | None:
    """The event kind this token names, or None."""
    lemma = tok.lemma_.lower()
    if tok.dep_ == "compound" and tok.head.lower_ in ROLE_NOUNS:
        return None  # "conference chair", "summit host": a role, not an event
    if tok.ent_type_ in _NAME_LABELS and not _named_event(tok):
        return None  # "Summit Entertainment", "the Hearing Aid Company": a name, not an event
    if tok.tag_ == "VBG" and lemma == "meet" and any(c.dep_ == "dobj" for c in tok.children):
        return _verb_kind(tok, "meet")  # "meeting the needs of victims"
    if tok.pos_ in {"NOUN", "PROPN"} and lemma in EVENT_NOUNS:
        return _noun_kind(tok, lemma)
    if tok.pos_ in {"NOUN", "PROPN"} and tok.lower_ in {"meeting", "meetings", "sentencing"}:
        return _noun_kind(tok, tok.lower_.rstrip("s"))
    if tok.pos_ == "VERB" and lemma in EVENT_VERBS:
        return _verb_kind(tok, lemma)
    # "spoke by phone with", "talked on the telephone to", "phoned": a call.
    if tok.pos_ == "VERB" and (
        lemma in {"phone", "telephone"}
        or (
            lemma in {"speak", "talk"}
            and any(
                c.dep_ in {"prep", "agent"} and any(g.lower_ in _PHONE_WORDS for g in c.children)
                for c in tok.children
            )
        )
    ):
        return "call"
    if tok.pos_ == "VERB" and lemma == "talk" and _with_a_party(tok):
        return "talks"  # "Clinton talked with Yeltsin", "talks to Kenyan officials"
    if tok.pos_ == "VERB" and lemma == "speak" and _to_a_body(tok):
        return "speech"  # "will speak to Congress"; not "spoke to Putin"
    return None


def _to_a_body(verb: Token) -> bool:
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"to", "before"}:
            for obj in prep.children:
                if obj.dep_ == "pobj" and (obj.ent_type_ == "ORG" or obj.lower_ in _BODIES):
                    return True
    return False


def _with_a_party(verb: Token) -> bool:
    """ "talked with Yeltsin", "will talk to the prime minister": a named party or a role, the
    way one talks with a counterpart; not "talked to reporters" or "talk about layoffs"."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in {"with", "to"}:
            for obj in prep.children:
                if obj.dep_ != "pobj":
                    continue
                if (
                    obj.ent_type_ in {"PERSON", "ORG", "GPE", "NORP"}
                    or obj.lower_ in ROLE_NOUNS
                    or obj.lower_ in {"him", "her", "them"}
                ):
                    return True
    return False


_NAME_LABELS = frozenset({"ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "PRODUCT", "NORP"})
#: Event nouns that head the name of the event itself: "the Earth Summit", "the Wye Talks".
#: "Conference" is left out: it heads as many organisations ("the Islamic Conference").
_NAMED_EVENTS = frozenset({"summit", "talks", "meeting", "session", "election", "referendum"})


def _named_event(tok: Token) -> bool:
    """The event word is the head of the name ("the Earth Summit"), not a word inside the
    name of a company or a body ("Summit Entertainment", "the Hearing Aid Company")."""
    if tok.lower_ not in _NAMED_EVENTS or not tok.ent_type_:
        return False
    # The entity holding the word, from the IOB tags: ``doc.ents`` would build every entity
    # span of the document for each call (seconds on a long article).
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end].root.i == tok.i
