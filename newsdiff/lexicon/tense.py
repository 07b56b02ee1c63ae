"""Words that put a date or an event ahead of or behind the time of writing (English)."""

from __future__ import annotations

#: Words right before a time expression that put it in the future whatever the verb says.
FUTURE_CUES = frozenset(
    {"will", "'ll", "shall", "next", "coming", "upcoming", "payable", "effective", "expire",
     "expires"}
)  # fmt: skip

#: Verbs that put an event on the calendar ("is scheduled for", "set for", "slated", "due",
#: "planned", "expected"): the one list of plan words, as lemmas.
SCHEDULE_LEMMAS = frozenset({"schedule", "set", "slate", "due", "plan", "expect"})

#: Verbs that move an event to another day ("postponed until March 3", "moved from Monday").
MOVE_LEMMAS = frozenset({"postpone", "delay", "defer", "push", "move", "reschedule", "adjourn"})

#: Verbs that move a date: what they move it "until"/"to" is ahead, whatever their tense
#: ("extended the deadline until Friday", "put off until May").
RESCHEDULE_LEMMAS = MOVE_LEMMAS | {"extend", "put"}

#: Verbs of arranging an event: an event they govern is planned, not reported as done.
ARRANGE_LEMMAS = SCHEDULE_LEMMAS | {
    "intend", "agree", "arrange", "prepare", "announce", "confirm", "organize", "organise",
    "convene",
}  # fmt: skip

_PARTICIPLES = {
    "schedule": "scheduled", "set": "set", "slate": "slated", "due": "due", "plan": "planned",
    "expect": "expected", "postpone": "postponed", "delay": "delayed", "defer": "deferred",
    "push": "pushed", "move": "moved", "reschedule": "rescheduled", "adjourn": "adjourned",
}  # fmt: skip

#: "set for", "scheduled on", "postponed until": a plan word and a preposition before the time
#: (the participles of ``SCHEDULE_LEMMAS`` and ``MOVE_LEMMAS``, as the text has them).
PLAN_WORDS = frozenset(_PARTICIPLES[lemma] for lemma in SCHEDULE_LEMMAS | MOVE_LEMMAS)

#: Deadline words ("by Friday", "payable Dec. 1"): future unless the clause is clearly past.
DEADLINE_CUES = frozenset({"by", "until", "till", "through"})

#: Auxiliaries of the future and the future in the past ("will", "would", "gon(na)").
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "gon"})
