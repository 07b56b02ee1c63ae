"""The comparison screen's jumps: differences, mentions, actors, talks; they land in the text."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import OptionDoesNotExist

from tui.screens.main_base import ComparisonParts
from widgets.actor_list import ActorList
from widgets.difference_list import DifferenceList
from widgets.talk_list import TalkList


class Jumps(ComparisonParts):
    """Every way to move all columns to a place in the story, keeping focus in the text."""

    def _jump_to_status(self, status: str, step: int, *, quiet: bool = False) -> bool:
        pane = self.focused_pane
        sentences = pane.sentences
        count = len(sentences)
        for k in range(1, count + 1):
            index = (pane.cursor_index + step * k) % count
            claim = self._claim_of.get(sentences[index].id)
            if claim is not None and claim.status == status:
                if (index - pane.cursor_index) * step < 0:
                    self.notify("Wrapped around", timeout=2)
                pane.move_cursor(index, center=True)
                pane.focus()
                return True
        if not quiet:
            labels = {
                "differ": "conflicting claims",
                "adds": "conflicts or additions",
                "only": "claims only in this source",
            }
            self.notify(f"No {labels[status]} in {pane.source.label}", timeout=3, markup=False)
        return False

    def _jump_to_difference(self, step: int) -> None:
        """Walk conflicts first, then what one source adds: ``]`` goes through every
        conflicting claim of the column in reading order, then every addition, then wraps."""
        pane = self.focused_pane
        sentences = pane.sentences
        seen: set[str] = set()
        walk: list[int] = []
        for status in ("differ", "adds"):
            for index, sent in enumerate(sentences):
                claim = self._claim_of.get(sent.id)
                if claim is not None and claim.status == status and claim.id not in seen:
                    seen.add(claim.id)
                    walk.append(index)
        if not walk:
            label = "conflicts or additions"
            self.notify(f"No {label} in {pane.source.label}", timeout=3, markup=False)
            return
        here = self._claim_of.get(sentences[pane.cursor_index].id) if sentences else None
        # Step on from where the last ] / [ landed; from anywhere else the walk starts at the
        # nearest conflict ahead (so ] from the top goes to the first conflict).
        at = None
        if here is not None and here.id == self._last_difference:
            at = next(
                (k for k, i in enumerate(walk) if self._claim_of[sentences[i].id] is here), None
            )
        if at is None:  # off the walk: the nearest conflict ahead, else the first stop
            conflicts = [i for i in walk if self._claim_of[sentences[i].id].status == "differ"]
            ahead = [i for i in conflicts or walk if (i - pane.cursor_index) * step > 0]
            target = (min(ahead) if step > 0 else max(ahead)) if ahead else walk[0]
        else:
            nxt = at + step
            if not 0 <= nxt < len(walk):
                self.notify("Wrapped around", timeout=2)
            target = walk[nxt % len(walk)]
        self._last_difference = self._claim_of[sentences[target].id].id
        pane.move_cursor(target, center=True)
        pane.focus()

    def action_next_difference(self) -> None:
        """Next claim the sources conflict on (then the next addition, when none conflict)."""
        self._jump_to_difference(1)

    def action_prev_difference(self) -> None:
        """Previous claim the sources conflict on (then additions, when none conflict)."""
        self._jump_to_difference(-1)

    def action_next_only(self) -> None:
        """Next claim only this source reports."""
        self._jump_to_status("only", 1)

    def _jump_to_mention(self, step: int) -> None:
        if self.focus_entity is None:
            return
        pane = self.focused_pane
        mentions = pane.mention_offsets(self.focus_entity)
        if not mentions:
            self.notify(f"{pane.source.label} does not name this actor", timeout=3, markup=False)
            return
        current = pane.cursor_sentence
        here = (current.start, current.end) if current else (-1, -1)
        if step > 0:
            after = [m for m in mentions if m[0] >= here[1]]
            target = after[0] if after else mentions[0]
        else:
            before = [m for m in mentions if m[1] <= here[0]]
            target = before[-1] if before else mentions[-1]
        sent = pane.source.sentence_at(target[0])
        if sent is not None:
            pane.move_cursor_to_id(sent.id, center=True)
            pane.focus()

    def action_next_mention(self) -> None:
        """Next mention of the chosen actor in this source."""
        self._jump_to_mention(1)

    def action_prev_mention(self) -> None:
        """Previous mention of the chosen actor in this source."""
        self._jump_to_mention(-1)

    def jump_to_sentence(self, sentence_id: str | None) -> None:
        """Focus the source of a sentence and put the cursor on it (search results)."""
        if sentence_id is None:
            return
        for i, pane in enumerate(self.panes):
            if pane.index_of(sentence_id) >= 0:
                self.action_goto_source(i)
                pane.move_cursor_to_id(sentence_id, center=True)
                return

    def jump_to_evidence(self, sentence_ids: Sequence[str]) -> None:
        """Put every column's cursor on its first piece of evidence, focused column last."""
        focused = self.focused_pane
        moved_focused = False
        for pane in self.panes:
            mine = [sid for sid in sentence_ids if pane.index_of(sid) >= 0]
            if not mine:
                pane.set_aligned(False)
                continue
            first = min(mine, key=pane.index_of)
            pane.move_cursor_to_id(first, post=False, center=True)
            extra = [sid for sid in mine if sid != first]
            if pane is focused:
                moved_focused = True
            else:
                pane.set_aligned(True, extra)
        if moved_focused:
            self._show_detail(focused)

    @on(ActorList.EntityChosen)
    def _entity_chosen(self, event: ActorList.EntityChosen) -> None:
        self.choose_entity(event.entity_id)

    def choose_entity(self, entity_id: str) -> None:
        """Highlight an actor's mentions and put each column on its first mention."""
        self.focus_entity = entity_id
        for pane in self.panes:
            mentions = pane.mention_offsets(entity_id)
            if mentions:
                sent = pane.source.sentence_at(mentions[0][0])
                if sent is not None:
                    pane.move_cursor_to_id(sent.id, post=False, center=True)
                    pane.set_aligned(pane is not self.focused_pane)
        self._follow_in_list("#actors", entity_id)
        self._land()

    @on(TalkList.TalkChosen)
    def _talk_chosen(self, event: TalkList.TalkChosen) -> None:
        self.choose_talk(event.talk_id)

    def choose_talk(self, talk_id: str) -> None:
        """Put every column on the evidence of a talk."""
        if self.comparison is None:
            return
        talk = next(t for t in self.comparison.talks if t.id == talk_id)
        self.jump_to_evidence(talk.evidence)
        self._follow_in_list("#talks", talk_id)
        self._land()

    @on(DifferenceList.DifferenceChosen)
    def _difference_chosen(self, event: DifferenceList.DifferenceChosen) -> None:
        if self.comparison is None:
            return
        claim = next(c for c in self.comparison.claims if c.id == event.claim_id)
        sources = list(claim.sentences)
        focused_id = self.focused_pane.source.id
        if focused_id not in claim.sentences and sources:
            # Focus moves in _land, once every column is on its evidence.
            self.focused_source = next(i for i, s in enumerate(self.sources) if s.id == sources[0])
        self.jump_to_evidence(claim.all_sentence_ids())
        self._follow_in_list("#differences", claim.id)
        self._land()

    def _follow_in_list(self, selector: str, option_id: str) -> None:
        """Highlight what a jump went to in its sidebar list (palette jumps included)."""
        for widget in self.query(selector).results(OptionList):
            with contextlib.suppress(OptionDoesNotExist):
                widget.highlighted = widget.get_option_index(option_id)

    def _land(self) -> None:
        """After a jump, reading continues in the article column, not in the list."""
        pane = self.focused_pane
        if self.narrow:
            self.show_sidebar = False
        if not pane.has_focus:
            self._landing = pane
            pane.focus()
        self._show_detail(pane)
