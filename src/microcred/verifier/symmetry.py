"""A guard against credentials built to make RDF canonicalization run for hours.

RDFC-1.0 labels blank nodes (JSON objects without an ``id``) by their surroundings; when many
of them look alike it tries every permutation of the look-alikes, which grows factorially. A
few kilobytes of nested identical objects keep a server busy for hours ("poison" datasets,
RDFC-1.0 §4.4). Real credentials have few look-alike unnamed objects and never name blank nodes
themselves, so before an RDF proof is checked, this module refuses documents that:

* name blank nodes explicitly (``"id": "_:b0"``), which would allow any graph shape, or
* hold unnamed look-alikes (objects of the same first-degree shape: the object with nested
  unnamed objects blanked out, and how it hangs from its parent) whose estimated permutation
  work exceeds :data:`MAX_PERMUTATIONS`, or more than :data:`MAX_LOOKALIKES` of them,
* hold an array with more than :data:`MAX_REPEATS` equal items (in an ``@list`` they become
  look-alike list cells),
* or more than :data:`MAX_NODES` objects at all.

The estimate follows the algorithm: a look-alike's unnamed neighbours (children and parent)
are permuted within each group of look-alikes, and that work repeats for every permutation
of its look-alike ancestors.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from math import factorial
from typing import Any, Final

MAX_LOOKALIKES: Final = 64
MAX_PERMUTATIONS: Final = 1_000
MAX_NODES: Final = 10_000
# An @list of equal items becomes a chain of look-alike blank list cells.
MAX_REPEATS: Final = 16
_IDS: Final = ("id", "@id")
_NOT_NODES: Final = ("@value", "@list", "@set")


class SymmetryError(ValueError):
    """The document is shaped so that canonicalizing it could take unbounded time."""

    def __init__(self, message: str, *, count: int) -> None:
        super().__init__(message)
        self.count = count


def check_symmetry(document: Mapping[str, Any]) -> None:
    nodes = list(_nodes(document))
    if len(nodes) > MAX_NODES:
        raise SymmetryError(f"the document has more than {MAX_NODES} objects", count=len(nodes))
    shapes: dict[int, str] = {}
    for node in nodes:
        node_id = next((node.value[key] for key in _IDS if key in node.value), None)
        if isinstance(node_id, str) and node_id.startswith("_:"):
            raise SymmetryError(f"the document names a blank node ({node_id[:40]})", count=1)
        if node_id is None:
            shapes[node.number] = _shape(node)
    counts = Counter(shapes.values())
    lookalikes = {number for number, shape in shapes.items() if counts[shape] > 1}
    if len(lookalikes) > MAX_LOOKALIKES:
        raise SymmetryError(
            f"the document has {len(lookalikes)} unnamed objects that look alike",
            count=len(lookalikes),
        )
    work = 0
    weights: dict[int, int] = {}
    for node in nodes:  # parents come before their children
        if node.number not in lookalikes:
            continue
        neighbours = [shapes[n] for n in node.children if n in lookalikes]
        if node.parent in lookalikes:
            neighbours.append(shapes[node.parent])
        permutations = 1
        for size in Counter(neighbours).values():
            permutations *= factorial(min(size, 20))
        weights[node.number] = permutations * weights.get(node.parent, 1)
        work += weights[node.number]
        if work > MAX_PERMUTATIONS:
            raise SymmetryError(
                "the document's unnamed objects are so alike that canonicalizing it could "
                "take hours",
                count=len(lookalikes),
            )


@dataclass(slots=True)
class _Node:
    number: int
    parent: int
    parent_kind: str
    prop: str
    value: Mapping[str, Any]
    children: list[int] = field(default_factory=list)


def _nodes(document: Mapping[str, Any]) -> list[_Node]:
    """Every node object, parents before children, found iteratively."""
    # The document's own proofs are hashed apart from it; nested ones are data.
    root = {key: value for key, value in document.items() if key != "proof"}
    nodes: list[_Node] = []
    pending: list[tuple[int, str, str, Any]] = [(-1, "root", "", root)]
    while pending:
        parent, parent_kind, prop, value = pending.pop()
        if len(nodes) > MAX_NODES:
            break
        if isinstance(value, list):
            _check_repeats(value)
            pending.extend((parent, parent_kind, prop, item) for item in value)
            continue
        if not isinstance(value, Mapping):
            continue
        if any(key in value for key in _NOT_NODES):
            pending.extend((parent, parent_kind, prop, item) for item in value.values())
            continue
        node = _Node(len(nodes), parent, parent_kind, prop, value)
        nodes.append(node)
        if parent >= 0:
            nodes[parent].children.append(node.number)
        kind = "iri" if any(key in value for key in _IDS) else "blank"
        for key, item in value.items():
            if key != "@context":  # contexts are not data
                pending.append((node.number, kind, key, item))
    return nodes


def _check_repeats(items: list[Any]) -> None:
    if len(items) <= MAX_REPEATS:
        return
    counts = Counter(json.dumps(item, sort_keys=True, default=str) for item in items)
    repeated = max(counts.values())
    if repeated > MAX_REPEATS:
        raise SymmetryError(f"an array holds the same item {repeated} times", count=repeated)


def _shape(node: _Node) -> str:
    return json.dumps(
        [node.parent_kind, node.prop, _blanked(node.value)], sort_keys=True, default=str
    )


def _blanked(value: Any) -> Any:
    if isinstance(value, list):
        return [_blanked(item) for item in value]
    if isinstance(value, Mapping):
        if any(key in value for key in _IDS) or any(key in value for key in _NOT_NODES):
            return {key: _flat(item) for key, item in value.items()}
        return {key: _flat(item) for key, item in value.items() if key != "@context"}
    return value


def _flat(value: Any) -> Any:
    """A nested value as a first-degree hash sees it: unnamed objects are just "_:z"."""
    if isinstance(value, list):
        return [_flat(item) for item in value]
    if isinstance(value, Mapping):
        node_id = next((value[key] for key in _IDS if key in value), None)
        if node_id is not None:
            return {"@id": node_id}
        if any(key in value for key in _NOT_NODES):
            return {key: _flat(item) for key, item in value.items()}
        return "_:z"
    return value
