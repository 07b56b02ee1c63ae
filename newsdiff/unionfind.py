"""Disjoint sets over 0..n-1, shared by the stages that join items transitively.

Entity clustering joins mentions and alignment joins sentences the same way: a pair judged
the same joins their groups, and a group is everything reachable through such pairs.
"""

from __future__ import annotations


class UnionFind:
    """Union-find with path halving; the smaller index is a group's root.

    Roots by smallest index keep the result independent of the order pairs are joined in.
    """

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        """The root of x's group."""
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        """Join the groups of a and b."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)
