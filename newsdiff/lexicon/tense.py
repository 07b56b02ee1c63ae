"""Words that put a date or an event ahead of or behind the time of writing (English)."""

from __future__ import annotations

#: Words right before a time expression that put it in the future whatever the verb says.
FUTURE_CUES = frozenset(
    {"will", "'ll", "shall", "next", "coming", "upcoming", "payable", "effective", "expire",
     "expires"}
)  # fmt: skip

#: "set for", "scheduled on", "postponed until": a plan word and a preposition before the time.
PLAN_WORDS = frozenset(
    {"scheduled", "set", "slated", "due", "planned", "expected", "postponed", "delayed", "moved",
     "pushed", "rescheduled", "adjourned"}
)  # fmt: skip

#: Deadline words ("by Friday", "payable Dec. 1"): future unless the clause is clearly past.
DEADLINE_CUES = frozenset({"by", "until", "till", "through"})

#: Verbs that move a date: what they move it "until"/"to" is ahead, whatever their tense.
RESCHEDULE_LEMMAS = frozenset(
    {"extend", "postpone", "delay", "defer", "adjourn", "push", "move", "reschedule", "put"}
)

#: Auxiliaries of the future and the future in the past ("will", "would", "gon(na)").
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d", "gon"})
