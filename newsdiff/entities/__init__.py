"""Cluster named-entity mentions within and across sources into real-world entities.

The stages, in order: ``collect_mentions`` finds each source's mentions and repairs their
boundaries (mentions, bodies, fitting, recall); ``cluster_mentions`` groups them into entities
(clustering, people, linking, metonyms). ``records`` holds the types they share.
"""

from newsdiff.entities.clustering import cluster_mentions, entity_sort_key, led_by, sources_of
from newsdiff.entities.mentions import collect_mentions
from newsdiff.entities.records import (
    GIVEN_CUTOFF,
    NAME_CUTOFF,
    SURNAME_CUTOFF,
    Cluster,
    RawMention,
    fold_spaces,
)

__all__ = [
    "GIVEN_CUTOFF",
    "NAME_CUTOFF",
    "SURNAME_CUTOFF",
    "Cluster",
    "RawMention",
    "cluster_mentions",
    "collect_mentions",
    "entity_sort_key",
    "fold_spaces",
    "led_by",
    "sources_of",
]
