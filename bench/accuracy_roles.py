"""Score the roles the engine gives people against a hand-annotated set.

Run from the repo root::

    .venv/bin/python bench/accuracy_roles.py [--data FILE] [--errors]

``bench/data/roles.json`` holds short news texts with every (person, role) they state, written
before the role extractor was run on them. Each text goes through the real engine
(``newsdiff.pipeline.analyze``) as one source; a predicted role counts when it matches a gold
role of the same person (`role_match`). Precision is over every role the engine shows for the
people of the texts, recall over the gold roles.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from newsdiff.model import Comparison, Entity, Source

DATA = Path(__file__).resolve().parent / "data" / "roles.json"
_DETERMINERS = {"the", "a", "an", "his", "her", "its", "their"}
_TITLES = re.compile(r"^(?:(?:the|rev\.?|dr\.?|gen\.?|rep\.?|sen\.?|mr\.?|ms\.?)\s+)+", re.I)


def _words(role: str) -> list[str]:
    words = role.replace("’", "'").lower().strip(" ,.;:").split()
    while words and words[0] in _DETERMINERS:
        words = words[1:]
    return words


def _head(words: list[str]) -> str:
    """The role noun: the last word before "of"/"at", or the last word."""
    for k, w in enumerate(words):
        if k and w in {"of", "at"}:
            return words[k - 1]
    return words[-1] if words else ""


def role_match(pred: str, gold: str) -> bool:
    """Equal after case and determiners, or the same head with one modifier more or less.

    "Capt." / "Navy Capt." match; "chief executive" / "chief executive of Nordhavn Bank" do
    not (the organisation is part of the role).
    """
    p, g = _words(pred), _words(gold)
    if p == g:
        return True
    if not p or not g or _head(p).rstrip(".") != _head(g).rstrip("."):
        return False
    small, large = sorted((set(p), set(g)), key=len)
    return small <= large and len(large - small) <= 1


def _person_key(text: str) -> str:
    return _TITLES.sub("", text.replace("’", "'")).strip().lower()


def _entity_of(comparison: Comparison, person: str) -> Entity | None:
    want = _person_key(person)
    for ent in comparison.entities:
        if ent.label != "PERSON":
            continue
        if _person_key(ent.name) == want or any(_person_key(m.text) == want for m in ent.mentions):
            return ent
    return None


def _analyse(text: str) -> Comparison:
    from newsdiff.pipeline import analyze

    src = Source(
        id="A",
        path="roles",
        label="roles",
        title=None,
        published=None,
        published_inferred=False,
        text=text,
    )
    return analyze([src], use_cache=False)


def main(argv: list[str] | None = None) -> int:
    """Print role precision and recall over the annotated set."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(DATA), help="annotated JSON file")
    ap.add_argument("--errors", action="store_true", help="print wrong and missed roles")
    args = ap.parse_args(argv)
    try:
        items: list[dict[str, Any]] = json.loads(Path(args.data).read_text("utf-8"))["items"]
    except (OSError, ValueError, KeyError) as exc:
        print(f"cannot read {args.data}: {exc}", file=sys.stderr)
        return 2
    n_pred = n_pred_ok = n_gold = n_gold_ok = 0
    wrong: list[str] = []
    missed: list[str] = []
    for item in items:
        comparison = _analyse(item["text"])
        gold: dict[str, list[str]] = {}
        for pair in item["roles"]:
            ent = _entity_of(comparison, pair["person"])
            key = ent.id if ent is not None else "?" + pair["person"]
            gold.setdefault(key, []).append(pair["role"])
        for ent in comparison.entities:
            if ent.label != "PERSON":
                continue
            for role in ent.roles:
                n_pred += 1
                if any(role_match(role, g) for g in gold.get(ent.id, [])):
                    n_pred_ok += 1
                else:
                    wrong.append(f"{ent.name}: {role!r}   | {item['text'][:70]}")
        for key, roles in gold.items():
            ent = next((e for e in comparison.entities if e.id == key), None)
            for g in roles:
                n_gold += 1
                if ent is not None and any(role_match(r, g) for r in ent.roles):
                    n_gold_ok += 1
                else:
                    got = list(ent.roles) if ent is not None else "person not found"
                    missed.append(f"{key}: {g!r} (got {got})   | {item['text'][:70]}")
    precision = n_pred_ok / n_pred if n_pred else 1.0
    recall = n_gold_ok / n_gold if n_gold else 1.0
    print(f"items {len(items)}  gold roles {n_gold}  predicted roles {n_pred}")
    for name, value, target in (("precision", precision, 0.90), ("recall", recall, 0.75)):
        verdict = "pass" if value >= target else "FAIL"
        print(f"role {name:9} {value:.3f}  target >= {target:.2f}  {verdict}")
    if args.errors:
        print("\nwrong roles:")
        for line in wrong:
            print("  " + line)
        print("\nmissed roles:")
        for line in missed:
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
