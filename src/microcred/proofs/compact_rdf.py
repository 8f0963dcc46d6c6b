"""Compact JSON-LD credentials straight to canonical N-Quads, for the JSON-LD they use.

The general route (pyld's expansion, then RDF, then RDFC-1.0) is exact but pure Python at
every step: expansion alone re-derives each key's meaning from the active context for every
credential. Credentials use a small part of JSON-LD: node objects whose keys are terms, ``id``
and ``type``; scalar values coerced by their term (``@id``, ``@vocab``, a datatype, a
language); ``@set`` and ``@list`` containers; type-scoped and property-scoped contexts. For
that part this module walks the compact document once and writes canonical N-Quads:

* Context processing stays pyld's own (through the memoizing processor), so every active
  context is one pyld built. What an active context says about a key (its IRI, container,
  coercion, scoped context) and which context follows it are computed once per context and
  remembered: pyld's active contexts are frozen and carry a unique ``_uuid``.
* Each step mirrors pyld's expansion algorithm (``_expand``, ``_expand_object``,
  ``_prepare_nested_context``, ``_expand_value``), including the order in which type-scoped
  contexts apply and when they are reverted; the statements are those
  :mod:`microcred.proofs.expanded_rdf` emits from the expanded form.
* RDFC-1.0 is done here when every blank node's first-degree hash is unique, which is the
  rule for credentials.

Anything else (a keyword other than ``@id``/``@type``/``@context`` in the document, another
container, ``@json``, ``@direction``, reverse properties, a term no context defines, a relative
IRI, blank nodes that look alike…) makes :func:`canonical_nquads`
return ``None``, and the caller uses the general route, which also produces the errors. The
property tests compare both routes over generated documents.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any, Final

from pyld.jsonld import (
    JsonLdProcessor,
    _canonicalize_double,
    _is_bool,
    _is_double,
    _is_integer,
    _is_keyword,
    frozendict,
)

from microcred.proofs.nquads import RDF_LANGSTRING, escape_literal, literal

RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD: Final = "http://www.w3.org/2001/XMLSchema#"
_TYPE: Final = f"<{RDF}type>"
_FIRST: Final = f"<{RDF}first>"
_REST: Final = f"<{RDF}rest>"
_NIL: Final = f"<{RDF}nil>"
_CONTAINERS: Final = frozenset({(), ("@set",), ("@list",)})
_COMPILED_LIMIT: Final = 512
_IRIS_PER_CONTEXT: Final = 4096
_PLANS_PER_SHAPE: Final = 256
# Everything remembered, over all contexts: past this, it is all forgotten at once (hostile
# documents could otherwise fill the caches with keys and types no credential reuses).
_MAX_REMEMBERED: Final = 200_000
# The test canonical._refuse_relative_iris applies to ids and types.
_SCHEME: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:").match
# pyld's _is_absolute_iri, compiled once (pyld hands the pattern to re.match on every call).
_PYLD_ABSOLUTE: Final = re.compile(r"^([A-Za-z][A-Za-z0-9+-.]*|_):[^\s]*$").match
_XSD_STRING: Final = XSD + "string"
_XSD_DOUBLE: Final = XSD + "double"

Term = str | int  # a serialized IRI or literal, or a blank node's number


class _Unsupported(Exception):
    """The document needs the general algorithm (or is one it refuses)."""


class _Definition:
    """What an active context says about one key used as a property."""

    __slots__ = (
        "container",
        "direction",
        "language",
        "reverse",
        "scoped",
        "string_suffix",
        "type_",
    )

    def __init__(self, ctx: Any, key: str) -> None:
        get = JsonLdProcessor.get_context_value
        self.scoped = get(ctx, key, "@context")
        container = get(ctx, key, "@container")
        # pyld only asks what the container holds; no container holds nothing.
        self.container = () if container is None else tuple(JsonLdProcessor.arrayify(container))
        self.type_ = get(ctx, key, "@type")
        self.language = get(ctx, key, "@language")
        self.direction = get(ctx, key, "@direction")
        mapping = ctx["mappings"].get(key)
        self.reverse = bool(mapping and mapping.get("reverse"))
        self.string_suffix = self._string_suffix()

    def _string_suffix(self) -> str | None:
        """What follows a string value's quoted text (None: a case for :meth:`_Walk.scalar`).

        The same outcome as :meth:`_Walk.scalar` for a string that no ``@id``/``@vocab``
        coercion applies to, worked out once.
        """
        coercion = self.type_
        datatype = coercion if coercion not in (None, "@id", "@vocab", "@none") else None
        if datatype is not None:
            if not isinstance(datatype, str) or datatype.startswith("@"):
                return None
            if datatype == _XSD_DOUBLE:
                return None
            return "" if datatype in (_XSD_STRING, RDF_LANGSTRING) else f"^^<{datatype}>"
        if self.direction is not None:
            return None
        language = self.language
        if language is None:
            return ""
        if not isinstance(language, str) or not language:
            return None
        return f"@{language}"


class _Step:
    """How one key of a node object is expanded under one active context."""

    __slots__ = ("definition", "expanded", "in_list", "key", "kind", "predicate", "term")

    def __init__(self, key: str, kind: str, expanded: str = "") -> None:
        self.key = key
        self.kind = kind  # "@id", "@type" or "property"
        self.expanded = expanded
        self.predicate = f"<{expanded}>"
        self.in_list = False
        self.term: _Compiled | None = None  # the context the value is expanded in
        self.definition: _Definition | None = None  # the key's definition there


class _Shape:
    """A node's keys under one active context: the context they descend to, the type key."""

    __slots__ = ("compiled", "keys", "plans", "type_key")

    def __init__(self, compiled: _Compiled, type_key: str | None, keys: list[str]) -> None:
        self.compiled = compiled
        self.type_key = type_key
        self.keys = keys  # sorted, without @context
        self.plans: dict[Any, _Plan] = {}  # by the type key's value


class _Plan:
    """A node's keys and types under one active context: everything but its values."""

    __slots__ = ("ctx", "id_key", "properties", "type_terms")

    def __init__(
        self, ctx: Any, id_key: str | None, type_terms: list[Term], properties: list[_Step]
    ) -> None:
        self.ctx = ctx  # the node's active context (for its @id)
        self.id_key = id_key
        self.type_terms = type_terms
        self.properties = properties


class _Compiled:
    """One frozen active context and what has been worked out from it so far."""

    __slots__ = ("ctx", "definitions", "iris", "next", "shapes", "steps")

    def __init__(self, ctx: Any) -> None:
        self.ctx = ctx
        # key, type or @vocab value -> pyld's _expand_iri(ctx, it, vocab=True, base=None)
        self.iris: dict[str, Any] = {}
        self.definitions: dict[str, _Definition] = {}
        self.steps: dict[str, _Step] = {}
        self.shapes: dict[tuple[Any, ...], _Shape] = {}
        self.next: dict[tuple[Any, ...], _Compiled] = {}


# (context _uuid, document loader) -> compiled context. Active contexts are frozen and their
# _uuid is never reused, so an entry can only go stale by eviction, never by change.
_compiled: dict[tuple[str, Any], _Compiled] = {}


class _Remembered:
    count = 0


def _remember() -> None:
    _Remembered.count += 1
    if _Remembered.count >= _MAX_REMEMBERED:
        # A walk under way keeps the contexts it holds; the next one starts afresh.
        _compiled.clear()
        _Remembered.count = 0


class _Walk:
    def __init__(self, processor: Any, options: dict[str, Any]) -> None:
        self.processor = processor
        self.options = options
        self.loader = options["documentLoader"]
        self.triples: list[tuple[Term, str, Term]] = []
        self.blank_nodes = 0
        self.labels: dict[str, int] = {}

    # --- active contexts ------------------------------------------------------------------

    def compiled(self, ctx: Any) -> _Compiled:
        if not isinstance(ctx, frozendict) or "_uuid" not in ctx:
            raise _Unsupported
        key = (ctx["_uuid"], self.loader)
        found = _compiled.get(key)
        if found is None:
            if len(_compiled) >= _COMPILED_LIMIT:
                _compiled.clear()
                _Remembered.count = 0
            found = _compiled[key] = _Compiled(ctx)
        return found

    def process(self, ctx: Any, local: Any, **flags: bool) -> _Compiled:
        return self.compiled(self.processor._process_context(ctx, local, self.options, **flags))

    def iri(self, compiled: _Compiled, key: str) -> Any:
        try:
            return compiled.iris[key]
        except KeyError:
            expanded = self.processor._expand_iri(compiled.ctx, key, vocab=True, base=None)
            if len(compiled.iris) < _IRIS_PER_CONTEXT:
                compiled.iris[key] = expanded
                _remember()
            return expanded

    def definition(self, compiled: _Compiled, key: str) -> _Definition:
        found = compiled.definitions.get(key)
        if found is None:
            found = compiled.definitions[key] = _Definition(compiled.ctx, key)
            _remember()
        return found

    def descend(self, compiled: _Compiled, active_property: str | None, revert: bool) -> _Compiled:
        """pyld ``_expand``: revert a type-scoped context, then apply a property-scoped one."""
        key = ("descend", active_property, revert)
        found = compiled.next.get(key)
        if found is None:
            ctx = compiled.ctx
            scoped = JsonLdProcessor.get_context_value(ctx, active_property, "@context")
            if revert and "previousContext" in ctx:
                ctx = ctx["previousContext"]
            found = self.compiled(ctx)
            if scoped is not None:
                found = self.process(found.ctx, scoped, override_protected=True)
            compiled.next[key] = found
            _remember()
        return found

    def local_context(self, compiled: _Compiled, local: Any) -> _Compiled:
        """pyld ``_prepare_nested_context``: a node's own ``@context``."""
        if isinstance(local, dict) and len(local) == 1 and "@context" in local:
            raise _Unsupported  # pyld: keyword redefinition
        if isinstance(local, str):
            key: Any = ("local", local)
        elif isinstance(local, list) and all(isinstance(item, str) for item in local):
            key = ("local", *local)
        else:
            # Inline contexts may change between calls: the memoizing processor keys them
            # by their JSON text.
            return self.process(compiled.ctx, local)
        found = compiled.next.get(key)
        if found is None:
            found = compiled.next[key] = self.process(compiled.ctx, local)
            _remember()
        return found

    def typed(self, compiled: _Compiled, types: tuple[str, ...]) -> _Compiled:
        """pyld ``_prepare_nested_context``: apply the types' scoped contexts, in order."""
        key = ("typed", types)
        found = compiled.next.get(key)
        if found is None:
            found = compiled
            for type_ in types:
                scoped = JsonLdProcessor.get_context_value(compiled.ctx, type_, "@context")
                if scoped is not None and scoped is not False:
                    found = self.process(found.ctx, scoped, propagate=False)
            compiled.next[key] = found
            _remember()
        return found

    def term_context(self, compiled: _Compiled, key: str, scoped: Any) -> _Compiled:
        """pyld ``_expand_object``: a term's own scoped context for its value."""
        if scoped is None:
            return compiled
        cache_key = ("term", key)
        found = compiled.next.get(cache_key)
        if found is None:
            found = self.process(compiled.ctx, scoped, propagate=True, override_protected=True)
            compiled.next[cache_key] = found
            _remember()
        return found

    # --- RDF terms ------------------------------------------------------------------------

    def fresh(self) -> int:
        self.blank_nodes += 1
        return self.blank_nodes - 1

    def resource(self, iri: Any) -> Term:
        # The checks of canonical._refuse_relative_iris, and pyld's own (which skips IRIs it
        # does not take for absolute): both must pass, or the general route decides.
        if not isinstance(iri, str) or not _PYLD_ABSOLUTE(iri):
            raise _Unsupported
        if iri.startswith("_:"):
            label = self.labels.get(iri)
            if label is None:
                label = self.labels[iri] = self.fresh()
            return label
        if not _SCHEME(iri):
            raise _Unsupported
        return f"<{iri}>"

    # --- the walk -------------------------------------------------------------------------

    def document(self, initial: Any, document: Any) -> None:
        if not isinstance(document, dict):
            raise _Unsupported
        self.node(self.compiled(initial), None, document)

    def node(self, compiled: _Compiled, active_property: str | None, element: dict) -> Term:
        """pyld ``_expand`` of a node object, emitting its statements; returns its subject."""
        shape = None
        if "@context" not in element:
            shape = compiled.shapes.get((active_property, tuple(element)))
        if shape is None:
            shape = self.shape(compiled, active_property, element)
        type_key = shape.type_key
        if type_key is None:
            plan = shape.plans.get(None)
            if plan is None:
                plan = shape.plans[None] = self.plan(shape, [])
                _remember()
        else:
            value = element[type_key]
            marker = tuple(value) if value.__class__ is list else value
            try:
                plan = shape.plans.get(marker)
            except TypeError:  # unhashable: not a list of type names
                raise _Unsupported from None
            if plan is None:
                plan = self.plan(shape, value if isinstance(value, list) else [value])
                if len(shape.plans) < _PLANS_PER_SHAPE:
                    shape.plans[marker] = plan
                    _remember()

        subject: Term
        if plan.id_key is not None:
            subject = self.resource(_expand_id(plan.ctx, element[plan.id_key]))
        else:
            subject = self.fresh()
        triples = self.triples
        for type_term in plan.type_terms:
            triples.append((subject, _TYPE, type_term))
        for step in plan.properties:
            value = element[step.key]
            if value is None:
                continue  # pyld drops the property
            objects = self.values(step, value)
            if step.in_list:
                triples.append((subject, step.predicate, self.list(objects)))
            else:
                predicate = step.predicate
                for obj in objects:
                    triples.append((subject, predicate, obj))
        return subject

    def shape(self, compiled: _Compiled, active_property: str | None, element: dict) -> _Shape:
        """What a node's keys alone decide: its context before types, and its type key."""
        # pyld _expand: revert a type-scoped context unless the node is a mere reference.
        revert = True
        if compiled.ctx.get("previousContext") and len(element) <= 2 and "@context" not in element:
            for key in sorted(element):
                expanded = self.iri(compiled, key)
                if expanded == "@value":
                    raise _Unsupported
                if expanded == "@id" and len(element) == 1:
                    revert = False
                    break
        descended = self.descend(compiled, active_property, revert)
        if "@context" in element:
            descended = self.local_context(descended, element["@context"])

        # pyld _prepare_nested_context: the key that expands to @type.
        keys = sorted(key for key in element if key != "@context")
        type_key = None
        for key in keys:
            if self.iri(descended, key) == "@type":
                if type_key is not None:
                    raise _Unsupported
                type_key = key
        shape = _Shape(descended, type_key, keys)
        # A node's own @context may be an inline object a caller changes between calls.
        if "@context" not in element and len(compiled.shapes) < _IRIS_PER_CONTEXT:
            compiled.shapes[(active_property, tuple(element))] = shape
            _remember()
        return shape

    def plan(self, shape: _Shape, types: list[Any]) -> _Plan:
        """What the keys and the types decide: the node's context and each key's step."""
        if not all(isinstance(type_, str) for type_ in types):
            raise _Unsupported
        compiled = shape.compiled
        node_compiled = compiled
        if shape.type_key is not None:
            # pyld _prepare_nested_context: the types' scoped contexts, in sorted order.
            node_compiled = self.typed(compiled, tuple(sorted(types)))
            if types and self.iri(node_compiled, types[0]) == "@json":
                raise _Unsupported

        # pyld _expand_object, keys in sorted order, against the node's context.
        id_key = None
        properties: list[_Step] = []
        for key in shape.keys:
            step = self.step(node_compiled, key)
            if (key == shape.type_key) != (step.kind == "@type"):
                # The types' own contexts redefined what the type key means.
                raise _Unsupported
            if step.kind == "property":
                properties.append(step)
            elif step.kind == "@id":
                if id_key is not None:
                    raise _Unsupported  # pyld: colliding keywords
                id_key = key
        # Types expand in the context before their own scoped contexts (pyld does the same).
        type_iris = [self.iri(compiled, type_) for type_ in types]
        if any(not isinstance(iri, str) or iri.startswith("_:") for iri in type_iris):
            raise _Unsupported  # blank node types are numbered per document
        type_terms = [self.resource(iri) for iri in type_iris]
        return _Plan(node_compiled.ctx, id_key, type_terms, properties)

    def step(self, compiled: _Compiled, key: str) -> _Step:
        """What pyld's ``_expand_object`` does with ``key`` under ``compiled`` (remembered)."""
        found = compiled.steps.get(key)
        if found is not None:
            return found
        expanded = self.iri(compiled, key)
        if expanded in ("@id", "@type"):
            found = _Step(key, expanded)
        elif (
            not isinstance(expanded, str)
            or _is_keyword(expanded)
            or expanded.startswith("_:")
            or not _PYLD_ABSOLUTE(expanded)
        ):
            # A keyword this path leaves alone, or a dropped term (refused in general).
            raise _Unsupported
        else:
            definition = self.definition(compiled, key)
            container = definition.container
            if container not in _CONTAINERS or definition.type_ == "@json" or definition.reverse:
                raise _Unsupported
            term = self.term_context(compiled, key, definition.scoped)
            value_definition = definition
            if term is not compiled:
                value_definition = self.definition(term, key)
                if (
                    value_definition.container != container
                    or value_definition.reverse
                    or self.iri(term, key) != expanded
                ):
                    raise _Unsupported
            found = _Step(key, "property", expanded)
            found.in_list = container == ("@list",)
            found.term = term
            found.definition = value_definition
        if len(compiled.steps) < _IRIS_PER_CONTEXT:
            compiled.steps[key] = found
            _remember()
        return found

    def values(self, step: _Step, value: Any) -> list[Term]:
        """The objects of one property, in the context its value is expanded in."""
        term = step.term
        definition = step.definition
        if term is None or definition is None:
            raise _Unsupported
        objects: list[Term] = []
        for item in value if isinstance(value, list) else (value,):
            if item is None:
                continue
            if isinstance(item, dict):
                objects.append(self.node(term, step.key, item))
            elif isinstance(item, list):
                raise _Unsupported
            else:
                objects.append(self.scalar(term, definition, item))
        return objects

    def scalar(self, compiled: _Compiled, definition: _Definition, value: Any) -> Term:
        # pyld _expand_value, then "object to RDF" as expanded_rdf._literal writes it.
        coercion = definition.type_
        if value.__class__ is str and coercion not in ("@id", "@vocab"):
            suffix = definition.string_suffix
            if suffix is not None:
                return f'"{escape_literal(value)}"{suffix}'
        if isinstance(value, str):
            if coercion == "@id":
                return self.resource(self.processor._expand_iri(compiled.ctx, value, base=None))
            if coercion == "@vocab":
                return self.resource(self.iri(compiled, value))
        datatype = coercion if coercion not in (None, "@id", "@vocab", "@none") else None
        if datatype is not None and (not isinstance(datatype, str) or datatype.startswith("@")):
            raise _Unsupported
        if _is_bool(value):
            return literal("true" if value else "false", datatype or XSD + "boolean")
        if _is_double(value):
            return literal(_canonicalize_double(value), datatype or XSD + "double")
        if datatype == XSD + "double":
            raise _Unsupported
        if _is_integer(value):
            if abs(value) >= 10**21:
                return literal(_canonicalize_double(value), datatype or XSD + "double")
            return literal(str(int(value)), datatype or XSD + "integer")
        if not isinstance(value, str):
            raise _Unsupported
        if datatype is None and definition.direction is not None:
            raise _Unsupported
        language = definition.language if datatype is None else None
        if language is not None:
            if not isinstance(language, str) or not language:
                raise _Unsupported
            return literal(value, RDF_LANGSTRING, language)
        return literal(value, datatype or XSD + "string")

    def list(self, items: list[Term]) -> Term:
        if not items:
            return _NIL
        head = self.fresh()
        subject: Term = head
        for position, item in enumerate(items):
            self.triples.append((subject, _FIRST, item))
            following: Term = self.fresh() if position < len(items) - 1 else _NIL
            self.triples.append((subject, _REST, following))
            subject = following
        return head


def _expand_id(ctx: Any, value: Any) -> str:
    """pyld's ``_expand_iri(ctx, value, base=None)`` for an ``@id`` that has a scheme.

    Anything without one (relative, keyword-like) is left to the general route, which
    refuses it.
    """
    if value.__class__ is not str:
        raise _Unsupported
    colon = value.find(":")
    if colon <= 0:
        raise _Unsupported
    prefix = value[:colon]
    if prefix != "_" and not value.startswith("//", colon + 1):
        mapping = ctx["mappings"].get(prefix)
        if mapping and mapping["_prefix"]:
            return mapping["@id"] + value[colon + 1 :]
    return value


def canonical_nquads(document: Any, processor: Any, options: dict[str, Any]) -> str | None:
    """The RDFC-1.0 canonical N-Quads of ``document``, or None to use the general route.

    ``processor`` is the memoizing JSON-LD processor and ``options`` its expansion options
    (document loader, no base IRI); context errors propagate as pyld raises them.
    """
    walk = _Walk(processor, options)
    try:
        walk.document(processor._get_initial_context(options), document)
    except (_Unsupported, RecursionError):
        return None
    return _rdfc10(walk.triples, walk.blank_nodes)


def _statement(subject: str, predicate: str, obj: str) -> str:
    return f"{subject} {predicate} {obj} .\n"


def _rdfc10(emitted: list[tuple[Term, str, Term]], blank_nodes: int) -> str | None:
    """RDFC-1.0 when every blank node's first-degree hash is unique (§4.4.3 steps 1-5, 7)."""
    # RDF datasets are sets: a statement stated twice is one statement.
    triples = set(emitted)
    if not blank_nodes:
        return "".join(sorted(_statement(s, p, o) for s, p, o in triples))  # type: ignore[arg-type]
    mentions: list[list[tuple[Term, str, Term]]] = [[] for _ in range(blank_nodes)]
    for triple in triples:
        subject, _, obj = triple
        # As pyld does: a statement is listed once per blank-node position it fills.
        if subject.__class__ is int:
            mentions[subject].append(triple)  # type: ignore[index]
        if obj.__class__ is int:
            mentions[obj].append(triple)  # type: ignore[index]
    by_hash: dict[str, int] = {}
    for node, listed in enumerate(mentions):
        if not listed:
            continue
        lines = sorted(
            _statement(
                subject if subject.__class__ is str else ("_:a" if subject == node else "_:z"),  # type: ignore[arg-type]
                predicate,
                obj if obj.__class__ is str else ("_:a" if obj == node else "_:z"),  # type: ignore[arg-type]
            )
            for subject, predicate, obj in listed
        )
        digest = hashlib.sha256("".join(lines).encode()).hexdigest()
        if digest in by_hash:
            return None  # look-alike blank nodes: the N-Degree algorithm decides
        by_hash[digest] = node
    labels = [""] * blank_nodes
    for position, digest in enumerate(sorted(by_hash)):
        labels[by_hash[digest]] = f"_:c14n{position}"
    return "".join(
        sorted(
            _statement(
                subject if subject.__class__ is str else labels[subject],  # type: ignore[arg-type,index]
                predicate,
                obj if obj.__class__ is str else labels[obj],  # type: ignore[arg-type,index]
            )
            for subject, predicate, obj in triples
        )
    )
