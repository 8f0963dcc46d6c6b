"""RDF Dataset Canonicalization (RDFC-1.0) of JSON-LD credentials, strict and fast.

pyld does the JSON-LD work; this module closes three gaps in using it for signatures:

* **Safe mode.** pyld silently drops a property that no context defines, so it would sit in a
  credential unsigned. Expansion here refuses such documents (:class:`UndefinedTermError`).
* **Canonical N-Quads.** RDFC-1.0 serializes literals in canonical N-Quads, which escapes
  control characters (``\\b``, ``\\f``, ``\\u0000``…``\\u001F``, ``\\u007F``); pyld writes some
  of them raw, and a signature over such a string would not match other implementations.
* **Speed.** pyld keys its processed-context cache on the identity of the active context, and
  the OB 3.0 type-scoped contexts create a fresh active context per credential, so it
  re-processes them every time. :class:`_MemoizingProcessor` memoizes context processing on
  inputs that cannot change (frozen active contexts and context documents parsed once), and
  :class:`_Rdfc10` serializes quads once and skips the N-degree machinery when every blank
  node's first-degree hash is unique (pyld's general algorithm is kept for the rest).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import OrderedDict
from collections.abc import Callable, Mapping
from typing import Any, ClassVar, Final

from pyld import jsonld
from pyld.canon import URDNA2015
from pyld.context_resolver import ContextResolver
from pyld.identifier_issuer import IdentifierIssuer

from microcred.openbadges.contexts import UnknownContextError, document_loader
from microcred.proofs.compact_rdf import canonical_nquads
from microcred.proofs.expanded_rdf import simple_dataset
from microcred.proofs.nquads import escape_literal as escape_literal
from microcred.proofs.nquads import literal

Quad = dict[str, dict[str, str]]
Dataset = dict[str, list[Quad]]


class CanonicalizationError(ValueError):
    """The document cannot be turned into canonical RDF."""


class UndefinedTermError(CanonicalizationError):
    """A property of the document is defined by none of its JSON-LD contexts."""

    def __init__(self, terms: list[str]) -> None:
        listed = ", ".join(repr(term) for term in sorted(set(terms)))
        super().__init__(
            f"The document uses {listed}, which none of its JSON-LD contexts define; such "
            "a property would not be covered by the signature, so the document is refused."
        )
        self.terms = sorted(set(terms))


# Units are permutations of look-alike blank nodes plus N-degree calls; each costs tens of
# microseconds, so the bound keeps the worst case around a second.
MAX_N_DEGREE_WORK: Final = 20_000
_FACTORIAL_CAP: Final = 12  # 12! already exceeds the bound


class CanonicalizationTooComplexError(CanonicalizationError):
    """Canonicalizing the document would take unbounded time (many look-alike blank nodes)."""

    def __init__(self, work: int) -> None:
        super().__init__(
            "The document holds so many look-alike objects without an id that putting it in "
            f"canonical form would take too long (more than {MAX_N_DEGREE_WORK:,} steps); it "
            "is refused, as RDFC-1.0 advises for such 'poison' documents."
        )
        self.work = work


# --- canonical N-Quads --------------------------------------------------------------------


def _term(component: Mapping[str, str]) -> str:
    kind = component["type"]
    if kind == "IRI":
        return f"<{component['value']}>"
    if kind == "blank node":
        return component["value"]
    return literal(component["value"], component["datatype"], component.get("language"))


def serialize_quad(quad: Quad) -> str:
    """One statement in canonical N-Quads form, newline included."""
    graph = quad.get("name")
    tail = f" {_term(graph)} .\n" if graph else " .\n"
    return f"{_term(quad['subject'])} {_term(quad['predicate'])} {_term(quad['object'])}{tail}"


# --- RDFC-1.0 -----------------------------------------------------------------------------


class _Rdfc10(URDNA2015):
    """pyld's URDNA2015 (which is RDFC-1.0) with canonical escaping, a first-degree fast path
    and a bound on the work of the N-degree algorithm.

    Only :meth:`canonicalize`, :meth:`hash_first_degree_quads` and
    :meth:`create_hash_to_related` are replaced; the N-degree hashing for blank nodes that
    share a first-degree hash is pyld's, and calls back into the replaced methods.

    The N-degree algorithm tries every permutation of look-alike blank nodes, so a few
    kilobytes of nested identical objects ("poison" datasets, RDFC-1.0 §4.4 and §7) could keep
    a signer or verifier busy for hours. Before each round of permutations the work it will
    take is added up, and a document that would need more than :data:`MAX_N_DEGREE_WORK` is
    refused. Real credentials need a handful of units.
    """

    def __init__(self) -> None:
        super().__init__()
        self.n_degree_work = 0

    def create_hash_to_related(self, id_: str, issuer: IdentifierIssuer) -> dict[str, list[str]]:
        related = super().create_hash_to_related(id_, issuer)
        self.n_degree_work += 1 + sum(
            math.factorial(min(len(nodes), _FACTORIAL_CAP)) for nodes in related.values()
        )
        if self.n_degree_work > MAX_N_DEGREE_WORK:
            raise CanonicalizationTooComplexError(self.n_degree_work)
        return related

    def hash_first_degree_quads(self, id_: str) -> str:
        info = self.blank_node_info[id_]
        if "hash" not in info:
            statements = sorted(
                serialize_quad(_with_reference_labels(quad, id_)) for quad in info["quads"]
            )
            info["hash"] = hashlib.sha256("".join(statements).encode()).hexdigest()
        return info["hash"]

    def canonicalize(self, dataset: Dataset) -> str:
        for graph_name, triples in dataset.items():
            for quad in triples:
                if graph_name != "@default":
                    kind = "blank node" if graph_name.startswith("_:") else "IRI"
                    quad["name"] = {"type": kind, "value": graph_name}
                self.quads.append(quad)
                for key, component in quad.items():
                    if key != "predicate" and component["type"] == "blank node":
                        self.blank_node_info.setdefault(component["value"], {"quads": []})[
                            "quads"
                        ].append(quad)

        by_hash: dict[str, list[str]] = {}
        for id_ in self.blank_node_info:
            by_hash.setdefault(self.hash_first_degree_quads(id_), []).append(id_)

        # Unique first-degree hashes are labelled in hash order (RDFC-1.0 §4.4.3 step 5);
        # shared ones go through the N-degree algorithm in hash order (step 6).
        shared: list[list[str]] = []
        for hash_ in sorted(by_hash):
            ids = by_hash[hash_]
            if len(ids) == 1:
                self.canonical_issuer.get_id(ids[0])
            else:
                shared.append(ids)
        for ids in shared:
            self._label_shared(ids)

        # Components are shared between quads, so relabel copies, not the originals.
        labels = self.canonical_issuer.existing
        statements = sorted(serialize_quad(_relabelled(quad, labels)) for quad in self.quads)
        return "".join(statements)

    def _label_shared(self, ids: list[str]) -> None:
        # RDFC-1.0 §4.4.3 step 6, as pyld implements it.
        hash_path_list = []
        for id_ in ids:
            if self.canonical_issuer.has_id(id_):
                continue
            issuer = IdentifierIssuer("_:b")
            issuer.get_id(id_)
            hash_path_list.append(self.hash_n_degree_quads(id_, issuer))
        for result in sorted(hash_path_list, key=lambda r: r["hash"]):
            for existing in result["issuer"].order:
                self.canonical_issuer.get_id(existing)


def _relabelled(quad: Quad, labels: Mapping[str, str]) -> Quad:
    return {
        key: {"type": "blank node", "value": labels[component["value"]]}
        if key != "predicate" and component["type"] == "blank node"
        else component
        for key, component in quad.items()
    }


def _with_reference_labels(quad: Quad, reference: str) -> Quad:
    relabelled: Quad = {}
    for key, component in quad.items():
        if key != "predicate" and component["type"] == "blank node":
            label = "_:a" if component["value"] == reference else "_:z"
            component = {"type": "blank node", "value": label}
        relabelled[key] = component
    return relabelled


# --- JSON-LD to RDF -------------------------------------------------------------------------

_CONTEXT_MEMO_SIZE: Final = 512
_EXPANSION_MEMO_SIZE: Final = 256


def _expansion_key(
    active_ctx: Any,
    active_property: Any,
    element: Any,
    options: dict[str, Any],
    type_scoped_ctx: Any,
) -> tuple[Any, ...] | None:
    if not isinstance(element, dict) or active_property is None:
        return None
    if "id" not in element and "@id" not in element:
        return None
    if not isinstance(active_ctx, jsonld.frozendict):
        return None
    if type_scoped_ctx is not None and not isinstance(type_scoped_ctx, jsonld.frozendict):
        return None
    try:
        text = json.dumps(element, sort_keys=True, allow_nan=False)
    except (TypeError, ValueError):
        return None
    return (
        active_ctx["_uuid"],
        active_property,
        type_scoped_ctx["_uuid"] if type_scoped_ctx is not None else None,
        options.get("base"),
        options.get("documentLoader"),
        text,
    )


def _copy_json(value: Any) -> Any:
    # Expanded JSON-LD holds only dicts, lists and scalars; this is deepcopy without its
    # bookkeeping, which matters on the hot path.
    if isinstance(value, dict):
        return {key: _copy_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_copy_json(item) for item in value]
    return value


class _MemoizingProcessor(jsonld.JsonLdProcessor):
    """A JSON-LD processor that memoizes what is a pure function of inputs that cannot change.

    * Context processing, keyed on the active context's ``_uuid`` (pyld gives each *frozen*
      active context a unique id, and a frozen context never changes), the local context
      (URLs by value, inline mappings by their JSON text, since a caller may change them
      between calls) and the options that influence the result, the document loader included.
    * Expansion of identified nodes (an issuer, an achievement): the same node under the same
      active context, property and type-scoped context expands to the same output, so a
      batch of credentials for one achievement expands it once. Keyed on the node's JSON text.
    """

    _memo: ClassVar[OrderedDict[tuple[Any, ...], Any]] = OrderedDict()
    _expanded: ClassVar[OrderedDict[tuple[Any, ...], Any]] = OrderedDict()

    def __init__(self, on_property_dropped: Callable[[str | None], Any]) -> None:
        self.dropped_count = 0

        def count_and_report(term: str | None) -> None:
            self.dropped_count += 1
            on_property_dropped(term)

        super().__init__(on_property_dropped=count_and_report)

    def _expand(
        self,
        active_ctx: Any,
        active_property: Any,
        element: Any,
        options: dict[str, Any],
        inside_list: bool = False,
        inside_index: bool = False,
        type_scoped_ctx: Any = None,
    ) -> Any:
        key = _expansion_key(active_ctx, active_property, element, options, type_scoped_ctx)
        if key is not None:
            key = (*key, inside_list, inside_index)
            hit = _MemoizingProcessor._expanded.get(key)
            if hit is not None:
                _MemoizingProcessor._expanded.move_to_end(key)
                return _copy_json(hit)
        dropped_before = self.dropped_count
        result = super()._expand(
            active_ctx,
            active_property,
            element,
            options,
            inside_list,
            inside_index,
            type_scoped_ctx,
        )
        # A node that dropped a term is refused by the caller; never remember it.
        if key is not None and self.dropped_count == dropped_before:
            _MemoizingProcessor._expanded[key] = _copy_json(result)
            if len(_MemoizingProcessor._expanded) > _EXPANSION_MEMO_SIZE:
                _MemoizingProcessor._expanded.popitem(last=False)
        return result

    def _process_context(
        self,
        active_ctx: Any,
        local_ctx: Any,
        options: dict[str, Any],
        override_protected: bool = False,
        propagate: bool = True,
        validate_scoped: bool = True,
        cycles: Any = None,
    ) -> Any:
        key = _memo_key(active_ctx, local_ctx, options, override_protected, propagate)
        if key is not None:
            memo = _MemoizingProcessor._memo
            hit = memo.get(key)
            if hit is not None:
                memo.move_to_end(key)
                return hit[0]
        result = super()._process_context(
            active_ctx, local_ctx, options, override_protected, propagate, validate_scoped, cycles
        )
        if key is not None and isinstance(result, jsonld.frozendict):
            # The local context is kept alive with the result so its id is never reused.
            _MemoizingProcessor._memo[key] = (result, local_ctx)
            if len(_MemoizingProcessor._memo) > _CONTEXT_MEMO_SIZE:
                _MemoizingProcessor._memo.popitem(last=False)
        return result


def _memo_key(
    active_ctx: Any,
    local_ctx: Any,
    options: dict[str, Any],
    override_protected: bool,
    propagate: bool,
) -> tuple[Any, ...] | None:
    # Partially built contexts (pyld pre-validates scoped contexts against them) are not
    # frozen and change afterwards: never memoize against those.
    if not isinstance(active_ctx, jsonld.frozendict) or "_uuid" not in active_ctx:
        return None
    local = _local_context_key(local_ctx)
    if local is None:
        return None
    return (
        active_ctx["_uuid"],
        local,
        override_protected,
        propagate,
        options.get("base"),
        options.get("processingMode"),
        options.get("documentLoader"),
    )


def _local_context_key(local_ctx: Any) -> Any:
    if isinstance(local_ctx, str):
        return local_ctx
    if isinstance(local_ctx, list) and all(isinstance(item, str) for item in local_ctx):
        return tuple(local_ctx)
    if isinstance(local_ctx, dict | list):
        try:
            return ("inline", json.dumps(local_ctx, sort_keys=True))
        except (TypeError, ValueError):
            return None
    return None


def _options(loader: Callable[..., Any]) -> dict[str, Any]:
    return {
        "documentLoader": loader,
        # No base IRI: pyld would otherwise resolve undefined types and relative ids against
        # a made-up http://example.org/base/ and sign them; left relative, they are refused.
        "base": None,
        "processingMode": "json-ld-1.1",
        "produceGeneralizedRdf": False,
        "safe": True,
    }


def to_dataset(document: Mapping[str, Any], *, loader: Callable[..., Any] | None = None) -> Dataset:
    """The RDF dataset a JSON-LD document denotes.

    Refuses what RDF would silently lose: properties that no context defines, and types or
    node ids that are not absolute IRIs (both would be left out of the signed statements).
    """
    dropped: list[str] = []

    def on_dropped(term: str | None) -> None:
        dropped.append(term if term is not None else "(null)")

    processor = _MemoizingProcessor(on_property_dropped=on_dropped)
    options = _options(loader or document_loader)
    try:
        expanded = processor.expand(dict(document), options)
        if dropped:
            raise UndefinedTermError(dropped)
        _refuse_relative_iris(expanded)
        dataset = simple_dataset(expanded)
        if dataset is not None:
            return dataset
        issuer = IdentifierIssuer("_:b")
        node_map: dict[str, Any] = {"@default": {}}
        processor._create_node_map(expanded, node_map, "@default", issuer)
        return {
            name: processor._graph_to_rdf(graph, issuer, options)
            for name, graph in sorted(node_map.items())
            if name == "@default" or _is_absolute_iri(name)
        }
    except jsonld.JsonLdError as error:
        raise CanonicalizationError(_explain(error)) from error
    except (TypeError, AttributeError, KeyError, IndexError) as error:
        # pyld trips over some malformed documents (a keyword with a value of the wrong
        # kind, such as "@set": "") instead of raising its own error: still a refusal.
        raise CanonicalizationError(
            f"The document is not valid JSON-LD: it cannot be processed ({type(error).__name__})."
        ) from error


def _is_absolute_iri(value: str) -> bool:
    return value.startswith("_:") or _ABSOLUTE_IRI.match(value) is not None


_ABSOLUTE_IRI: Final = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def _refuse_relative_iris(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _refuse_relative_iris(item)
        return
    if not isinstance(node, dict) or "@value" in node:
        return
    relative = [t for t in node.get("@type", ()) if not _is_absolute_iri(t)]
    if relative:
        raise UndefinedTermError(relative)
    node_id = node.get("@id")
    if node_id is not None and not _is_absolute_iri(node_id):
        raise CanonicalizationError(
            f"The identifier {node_id!r} is not an absolute IRI (like https://... or "
            "urn:uuid:...), so it cannot be signed."
        )
    for key, value in node.items():
        if key not in ("@type", "@id"):
            _refuse_relative_iris(value)


def canonicalize(document: Mapping[str, Any], *, loader: Callable[..., Any] | None = None) -> str:
    """The RDFC-1.0 canonical N-Quads of a JSON-LD document.

    Credentials take :mod:`microcred.proofs.compact_rdf`'s direct route; whatever it leaves
    (and every document that is refused) takes the general one, which decides.
    """
    options = _expansion_options(loader or document_loader)
    try:
        fast = canonical_nquads(document, _MemoizingProcessor(_ignore_dropped), options)
    except jsonld.JsonLdError:
        fast = None
    if fast is not None:
        return fast
    return canonicalize_dataset(to_dataset(document, loader=loader))


def _ignore_dropped(term: str | None) -> None:
    # The direct route never lets a dropped term pass: it leaves such documents alone.
    return None


def _expansion_options(loader: Callable[..., Any]) -> dict[str, Any]:
    # What JsonLdProcessor.expand() adds to the options before it expands.
    return {
        **_options(loader),
        "isFrame": False,
        "keepFreeFloatingNodes": False,
        "contextResolver": ContextResolver(jsonld._resolved_context_cache, loader),
        "extractAllScripts": False,
    }


def canonicalize_dataset(dataset: Dataset) -> str:
    """The RDFC-1.0 canonical N-Quads of an RDF dataset (pyld's dataset shape)."""
    return _Rdfc10().canonicalize(dataset)


def _explain(error: jsonld.JsonLdError) -> str:
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, UnknownContextError):
            return str(cause)
        cause = cause.__cause__ or cause.__context__
    message = error.args[0] if error.args else "unknown error"
    code = getattr(error, "code", None)
    reason = f" ({code})" if code else ""
    return f"The document is not valid JSON-LD{reason}: {message}"
