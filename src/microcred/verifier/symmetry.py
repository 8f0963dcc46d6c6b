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

from collections import Counter
from collections.abc import Mapping
from math import factorial
from typing import Any, Final

MAX_LOOKALIKES: Final = 64
MAX_PERMUTATIONS: Final = 1_000
MAX_NODES: Final = 10_000
# An @list of equal items becomes a chain of look-alike blank list cells.
MAX_REPEATS: Final = 16


class SymmetryError(ValueError):
    """The document is shaped so that canonicalizing it could take unbounded time."""

    def __init__(self, message: str, *, count: int) -> None:
        super().__init__(message)
        self.count = count


def check_symmetry(document: Mapping[str, Any]) -> None:
    parents, shapes, children = _nodes(document)
    counts = Counter(shape for shape in shapes if shape is not None)
    lookalike = [shape is not None and counts[shape] > 1 for shape in shapes]
    total = sum(lookalike)
    if total > MAX_LOOKALIKES:
        raise SymmetryError(
            f"the document has {total} unnamed objects that look alike", count=total
        )
    if total == 0:
        return
    work = 0
    weights = [1] * len(shapes)
    for number, parent in enumerate(parents):  # parents come before their children
        if not lookalike[number]:
            continue
        neighbours = [shapes[child] for child in children[number] if lookalike[child]]
        if parent >= 0 and lookalike[parent]:
            neighbours.append(shapes[parent])
        permutations = 1
        for size in Counter(neighbours).values():
            permutations *= factorial(min(size, 20))
        weights[number] = permutations * (weights[parent] if parent >= 0 else 1)
        work += weights[number]
        if work > MAX_PERMUTATIONS:
            raise SymmetryError(
                "the document's unnamed objects are so alike that canonicalizing it could "
                "take hours",
                count=total,
            )


def _nodes(document: Mapping[str, Any]) -> tuple[list[int], list[Any], list[list[int]]]:
    """For every node object, parents first: its parent, its shape (None when it has an
    id) and its children. Iterative, so that deep documents cannot exhaust the stack."""
    # The document's own proofs are hashed apart from it; nested ones are data.
    root = {key: value for key, value in document.items() if key != "proof"}
    parents: list[int] = []
    shapes: list[Any] = []
    children: list[list[int]] = []
    pending: list[tuple[int, str, str, Any]] = [(-1, "root", "", root)]
    while pending:
        parent, parent_kind, prop, value = pending.pop()
        if isinstance(value, list):
            _check_repeats(value)
            pending.extend(
                (parent, parent_kind, prop, item) for item in value if isinstance(item, list | dict)
            )
            continue
        if "@value" in value or "@list" in value or "@set" in value:
            pending.extend(
                (parent, parent_kind, prop, item)
                for item in value.values()
                if isinstance(item, list | dict)
            )
            continue
        if len(shapes) >= MAX_NODES:
            raise SymmetryError(
                f"the document has more than {MAX_NODES} objects", count=len(shapes)
            )
        number = len(shapes)
        node_id = value.get("id", value.get("@id"))
        if isinstance(node_id, str) and node_id.startswith("_:"):
            raise SymmetryError(f"the document names a blank node ({node_id[:40]})", count=1)
        parents.append(parent)
        children.append([])
        if parent >= 0:
            children[parent].append(number)
        if node_id is None:
            shapes.append((parent_kind, prop, _first_degree(value)))
            kind = "blank"
        else:
            shapes.append(None)
            kind = "iri"
        # Only objects and arrays can hold nodes; contexts are not data.
        pending.extend(
            (number, kind, key, item)
            for key, item in value.items()
            if isinstance(item, list | dict) and key != "@context"
        )
    return parents, shapes, children


def _check_repeats(items: list[Any]) -> None:
    if len(items) <= MAX_REPEATS:
        return
    counts = Counter(_flat(item, deep=True) for item in items)
    repeated = max(counts.values())
    if repeated > MAX_REPEATS:
        raise SymmetryError(f"an array holds the same item {repeated} times", count=repeated)


def _first_degree(node: Mapping[str, Any]) -> Any:
    """The node as a first-degree hash sees it: nested unnamed objects are just "_:z"."""
    return tuple(sorted((key, _flat(item)) for key, item in node.items() if key != "@context"))


def _flat(value: Any, *, deep: bool = False) -> Any:
    if isinstance(value, list):
        return tuple(_flat(item, deep=deep) for item in value)
    if isinstance(value, dict):
        node_id = value.get("id", value.get("@id"))
        if node_id is not None and not deep:
            return ("@id", _flat(node_id))
        if deep or "@value" in value or "@list" in value or "@set" in value:
            return tuple(sorted((str(key), _flat(item, deep=deep)) for key, item in value.items()))
        return "_:z"
    # Strings and numbers stay apart (1 and "1"); equal numbers may merge, which only errs on
    # the side of refusing.
    return (type(value).__name__, value) if not isinstance(value, str) else value
