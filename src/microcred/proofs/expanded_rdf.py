"""Expanded JSON-LD to RDF, directly, for the shapes credentials are made of.

JSON-LD's "Deserialize JSON-LD to RDF" goes through a node map (flattening) first, which is a
third of the cost of canonicalizing a credential in pyld. A credential's expanded form uses a
small part of JSON-LD: node objects with ``@id``/``@type`` and properties, value objects
(strings, booleans, integers, typed or language-tagged literals) and ``@list``. For exactly
those, the statements can be emitted in one walk of the tree.

:func:`simple_dataset` returns ``None`` for anything else (``@graph``, ``@reverse``,
``@included``, ``@json`` literals, ``@direction``, blank-node properties…) so the
caller falls back to pyld's general algorithm. The test suite checks, over generated
credentials, that both give byte-identical canonical N-Quads.
"""

from __future__ import annotations

from typing import Any, Final

from pyld.jsonld import _canonicalize_double, _is_bool, _is_double, _is_integer

RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDF_TYPE: Final = RDF + "type"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"

_NODE_KEYS: Final = frozenset({"@id", "@type"})
_VALUE_KEYS: Final = frozenset({"@value", "@type", "@language"})
_FIRST: Final = {"type": "IRI", "value": RDF + "first"}
_REST: Final = {"type": "IRI", "value": RDF + "rest"}
_NIL: Final = {"type": "IRI", "value": RDF + "nil"}
_TYPE: Final = {"type": "IRI", "value": RDF_TYPE}


class _Unsupported(Exception):
    """The document uses a JSON-LD feature this fast path leaves to the general algorithm."""


class _Emitter:
    def __init__(self) -> None:
        self.triples: list[dict[str, dict[str, str]]] = []
        self.seen: set[tuple[Any, ...]] = set()
        self.labels: dict[str, str] = {}
        self.counter = 0

    def fresh(self) -> dict[str, str]:
        # The canonical form does not depend on input labels, only on their identity.
        self.counter += 1
        return {"type": "blank node", "value": f"_:f{self.counter}"}

    def resource(self, iri: str) -> dict[str, str]:
        if iri.startswith("_:"):
            label = self.labels.setdefault(iri, f"_:i{len(self.labels)}")
            return {"type": "blank node", "value": label}
        return {"type": "IRI", "value": iri}

    def emit(self, subject: dict[str, str], predicate: dict[str, str], obj: dict[str, str]) -> None:
        # RDF datasets are sets: a statement stated twice is one statement.
        key = (subject["value"], predicate["value"], tuple(obj.values()))
        if key not in self.seen:
            self.seen.add(key)
            self.triples.append({"subject": subject, "predicate": predicate, "object": obj})

    def node(self, node: dict[str, Any]) -> dict[str, str]:
        node_id = node.get("@id")
        if node_id is not None and not isinstance(node_id, str):
            raise _Unsupported
        subject = self.resource(node_id) if node_id is not None else self.fresh()
        for key, values in node.items():
            if key == "@id":
                continue
            if key == "@type":
                for type_ in values:
                    self.emit(subject, _TYPE, self.resource(type_))
                continue
            if key.startswith("@") or key.startswith("_:"):
                raise _Unsupported
            predicate = {"type": "IRI", "value": key}
            for item in values:
                self.emit(subject, predicate, self.object(item))
        return subject

    def object(self, item: Any) -> dict[str, str]:
        if not isinstance(item, dict):
            raise _Unsupported
        if "@value" in item:
            return _literal(item)
        if "@list" in item:
            if len(item) != 1:
                raise _Unsupported
            return self.list(item["@list"])
        if item.keys() == {"@id"}:
            return self.resource(item["@id"])
        return self.node(item)

    def list(self, items: list[Any]) -> dict[str, str]:
        if not items:
            return _NIL
        head = self.fresh()
        subject = head
        for position, item in enumerate(items):
            self.emit(subject, _FIRST, self.object(item))
            following = self.fresh() if position < len(items) - 1 else _NIL
            self.emit(subject, _REST, following)
            subject = following
        return head


def _literal(item: dict[str, Any]) -> dict[str, str]:
    # The branches and predicates are pyld's own (JSON-LD 1.1 "Object to RDF"), in its order,
    # so that numbers come out exactly as the general algorithm writes them: 2.0 is the
    # integer "2", 0.5 the double "5.0E-1", integers from 10^21 on are doubles.
    if item.keys() - _VALUE_KEYS:
        raise _Unsupported
    value = item["@value"]
    datatype = item.get("@type")
    if datatype is not None and (not isinstance(datatype, str) or datatype.startswith("@")):
        raise _Unsupported
    if _is_bool(value):
        return _typed("true" if value else "false", datatype or XSD + "boolean")
    if _is_double(value):
        return _typed(_canonicalize_double(value), datatype or XSD + "double")
    if datatype == XSD + "double":
        raise _Unsupported
    if _is_integer(value):
        if abs(value) >= 10**21:
            return _typed(_canonicalize_double(value), datatype or XSD + "double")
        return _typed(str(int(value)), datatype or XSD + "integer")
    if not isinstance(value, str):
        raise _Unsupported
    if "@language" in item:
        if datatype is not None:
            raise _Unsupported
        return {
            "type": "literal",
            "value": value,
            "datatype": RDF + "langString",
            "language": item["@language"],
        }
    return _typed(value, datatype or XSD + "string")


def _typed(value: str, datatype: str) -> dict[str, str]:
    return {"type": "literal", "value": value, "datatype": datatype}


def simple_dataset(expanded: list[Any]) -> dict[str, list[dict[str, dict[str, str]]]] | None:
    """The RDF dataset of an expanded document, or None when it needs the general algorithm."""
    emitter = _Emitter()
    try:
        for node in expanded:
            if not isinstance(node, dict) or "@value" in node or "@list" in node:
                raise _Unsupported
            if node.keys() - _NODE_KEYS or "@type" in node:
                emitter.node(node)
    except _Unsupported:
        return None
    return {"@default": emitter.triples}
