"""Every sentence the verifier says, in English and German, in one place for translators.

Sentences are templates keyed by name; :func:`say` fills them in. Values that come from the
credential are shortened and stripped of control characters (a hostile name must not move a
terminal's cursor). A value may itself be a :class:`Message` (such as :func:`noun`), which is
used in the matching language.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Final

from microcred.verifier.fetcher import FetchError
from microcred.verifier.report import Message, Verdict

_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
_MAX_VALUE_CHARS: Final = 200


def clean(text: str, limit: int = _MAX_VALUE_CHARS) -> str:
    """``text`` on one line, without control or bidi characters, at most ``limit`` characters."""
    flat = _CONTROL.sub(" ", text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def say(key: str, /, **values: Any) -> Message:
    """The catalog sentence ``key`` with ``values`` filled in.

    For a noun value ``thing`` the template may also use ``thing_mid``: the same noun inside
    a sentence (English lower-cases its article; German keeps it, as after a colon).
    """
    # Most lines of a report read the same for every credential of a batch; Messages are
    # immutable, so one is shared. Types are part of the key: 1, 1.0 and True are equal.
    try:
        return _said(key, tuple((name, type(value), value) for name, value in values.items()))
    except TypeError:  # a value that cannot be hashed
        return _say(key, values)


@lru_cache(maxsize=4096)
def _said(key: str, values: tuple[tuple[str, type, Any], ...]) -> Message:
    return _say(key, {name: value for name, _, value in values})


def _say(key: str, values: dict[str, Any]) -> Message:
    en, de = CATALOG[key]
    english = {name: _value(value, "en") for name, value in values.items()}
    german = {name: _value(value, "de") for name, value in values.items()}
    for name, value in values.items():
        if isinstance(value, Message):
            english[f"{name}_mid"] = english[name][:1].lower() + english[name][1:]
            german[f"{name}_mid"] = german[name]
    return Message(en.format_map(english), de.format_map(german))


def _value(value: Any, language: str) -> str:
    if isinstance(value, Message):
        return value.in_language(language)
    return clean(value if isinstance(value, str) else str(value))


def fetch_reason(error: FetchError) -> Message:
    """Why a fetch failed, as a sentence to put after a colon."""
    key = f"fetch.{error.kind}"
    if key not in CATALOG:
        key = "fetch.network"
    return say(key, status=error.status if error.status is not None else "?")


_NOUNS: Final = {
    "credential": Message("The credential", "Der Nachweis"),
    "endorsement": Message("The endorsement", "Die Befürwortung"),
    "status_list": Message("The status list", "Die Statusliste"),
    "assertion": Message("The badge", "Das Abzeichen"),
}


def noun(what: str) -> Message:
    """A sentence's subject: ``credential``, ``endorsement``, ``status_list`` or ``assertion``."""
    return _NOUNS[what]


def verdict_sentence(verdict: Verdict) -> Message:
    return say(f"verdict.{verdict.value}")


_HEADINGS: Final = {
    "achievement": ("Achievement", "Leistung"),
    "description": ("Description", "Beschreibung"),
    "issuer": ("Issuer", "Aussteller"),
    "issuer_url": ("Issuer website", "Website des Ausstellers"),
    "recipient": ("Recipient", "Empfänger"),
    "valid_from": ("Valid from", "Gültig ab"),
    "valid_until": ("Valid until", "Gültig bis"),
    "status": ("Status", "Status"),
    "standard": ("Standard", "Standard"),
}


def heading(label: str, language: str) -> str:
    en, de = _HEADINGS[label]
    return de if language == "de" else en


_FACT_WORDS: Final = {
    "hashed e-mail": Message("hashed e-mail address", "gehashte E-Mail-Adresse"),
    "hashed identifier": Message("hashed identifier", "gehashte Kennung"),
    "active": Message("active", "aktiv"),
    "revoked": Message("revoked", "widerrufen"),
    "suspended": Message("suspended", "ausgesetzt"),
    "unknown": Message("unknown", "unbekannt"),
}


def shown_fact(value: str, language: str) -> str:
    """A fact for a terminal: fixed words translated, the rest cleaned to one line."""
    word = _FACT_WORDS.get(value)
    return word.in_language(language) if word else clean(value, 160)


# key -> (English, German)
CATALOG: Final[dict[str, tuple[str, str]]] = {
    # --- verdicts ------------------------------------------------------------------------------
    "verdict.valid": (
        "VALID: the credential is authentic, unchanged and currently valid.",
        "GÜLTIG: Der Nachweis ist echt, unverändert und derzeit gültig.",
    ),
    "verdict.invalid": (
        "INVALID: at least one check failed; do not rely on this credential.",
        "UNGÜLTIG: Mindestens eine Prüfung ist fehlgeschlagen; verlassen Sie sich nicht auf "
        "diesen Nachweis.",
    ),
    "verdict.indeterminate": (
        "NOT DECIDED: nothing failed, but not everything could be checked.",
        "NICHT ENTSCHIEDEN: Nichts ist fehlgeschlagen, aber nicht alles konnte geprüft werden.",
    ),
    # --- input ---------------------------------------------------------------------------------
    "input.read": (
        "The input was read as {form}.",
        "Die Eingabe wurde als {form} gelesen.",
    ),
    "input.too_large": (
        "The input is too large to be a badge: {reason}",
        "Die Eingabe ist zu groß für ein Abzeichen: {reason}",
    ),
    "input.empty": ("The input is empty.", "Die Eingabe ist leer."),
    "input.encoding": (
        "The input is neither a PNG or SVG image nor text (JSON, a JWT or a URL).",
        "Die Eingabe ist weder ein PNG- oder SVG-Bild noch Text (JSON, ein JWT oder eine URL).",
    ),
    "input.json": (
        "The JSON cannot be read: {reason}",
        "Das JSON kann nicht gelesen werden. Technische Angabe: {reason}",
    ),
    "input.not_object": (
        "The JSON is not an object, so it is not a credential.",
        "Das JSON ist kein Objekt und daher kein Nachweis.",
    ),
    "input.depth": (
        "The JSON is nested too deeply to be a credential.",
        "Das JSON ist zu tief verschachtelt, um ein Nachweis zu sein.",
    ),
    "input.unknown": (
        "The input is not a badge: expected a URL, a JSON credential, a JWT, or a PNG or SVG "
        "image with a baked badge.",
        "Die Eingabe ist kein Abzeichen: Erwartet wird eine URL, ein Nachweis als JSON, ein JWT "
        "oder ein PNG- oder SVG-Bild mit eingebettetem Abzeichen.",
    ),
    "input.image": (
        "The image cannot be read: {reason}",
        "Das Bild kann nicht gelesen werden. Technische Angabe: {reason}",
    ),
    "input.no_credential": (
        "The image carries no badge.",
        "Das Bild enthält kein Abzeichen.",
    ),
    "input.file": (
        "The file cannot be read: {reason}",
        "Die Datei kann nicht gelesen werden: {reason}",
    ),
    "input.fetched": (
        "The badge was fetched from {url}.",
        "Das Abzeichen wurde von {url} abgerufen.",
    ),
    "input.unreachable": (
        "The badge at {url} could not be fetched: {reason}",
        "Das Abzeichen unter {url} konnte nicht abgerufen werden: {reason}",
    ),
    "input.nested_url": (
        "The address {url} leads to another address instead of a badge.",
        "Die Adresse {url} führt zu einer weiteren Adresse statt zu einem Abzeichen.",
    ),
    "input.not_badge_json": (
        "The JSON is neither an Open Badges 3.0 credential nor an Open Badges 2.0 assertion.",
        "Das JSON ist weder ein Nachweis nach Open Badges 3.0 noch ein Abzeichen nach "
        "Open Badges 2.0.",
    ),
    # --- fetching (reasons, used inside other sentences) ---------------------------------------
    "fetch.offline": (
        "the verifier works offline.",
        "Die Prüfung läuft offline.",
    ),
    "fetch.not_available": (
        "it is not among the documents available offline.",
        "Das Dokument liegt offline nicht vor.",
    ),
    "fetch.scheme": (
        "only https addresses are fetched.",
        "Es werden nur https-Adressen abgerufen.",
    ),
    "fetch.address": (
        "the address points into a private or local network, which is never contacted.",
        "Die Adresse zeigt in ein privates oder lokales Netz, das nie kontaktiert wird.",
    ),
    "fetch.url": ("the address is not a valid URL.", "Die Adresse ist keine gültige URL."),
    "fetch.timeout": (
        "the server did not answer in time.",
        "Der Server hat nicht rechtzeitig geantwortet.",
    ),
    "fetch.too_large": (
        "the answer is too large.",
        "Die Antwort ist zu groß.",
    ),
    "fetch.redirects": (
        "the address redirects too often.",
        "Die Adresse leitet zu oft weiter.",
    ),
    "fetch.network": (
        "the server could not be reached.",
        "Der Server war nicht erreichbar.",
    ),
    "fetch.status": (
        "the server answered with HTTP status {status}.",
        "Der Server hat mit dem HTTP-Status {status} geantwortet.",
    ),
    "fetch.not_json": (
        "the answer is not JSON.",
        "Die Antwort ist kein JSON.",
    ),
    # --- dates ---------------------------------------------------------------------------------
    "dates.no_start": (
        "{thing} names no start of validity ({field}).",
        "{thing} nennt keinen Beginn der Gültigkeit ({field}).",
    ),
    "dates.unreadable": (
        "The date {field} = {value} cannot be read, so it is unclear when the credential is valid.",
        "Das Datum {field} = {value} ist nicht lesbar, daher ist unklar, wann der Nachweis "
        "gültig ist.",
    ),
    "dates.not_yet_valid": (
        "{thing} is not valid yet: it becomes valid on {date}.",
        "{thing} ist noch nicht gültig: Die Gültigkeit beginnt am {date}.",
    ),
    "dates.started": (
        "{thing} has been valid since {date}.",
        "{thing} ist seit {date} gültig.",
    ),
    "dates.no_end": (
        "{thing} has no expiry date.",
        "{thing} hat kein Ablaufdatum.",
    ),
    "dates.expired": (
        "{thing} expired on {date}.",
        "{thing} ist am {date} abgelaufen.",
    ),
    "dates.not_expired": (
        "{thing} is valid until {date}.",
        "{thing} ist gültig bis {date}.",
    ),
    # --- format --------------------------------------------------------------------------------
    "format.standard": (
        "{thing} follows the standard {standard}.",
        "{thing} folgt dem Standard {standard}.",
    ),
    "format.not_vc": (
        "{thing} is not a Verifiable Credential: its @context does not start with the W3C "
        "credentials context.",
        "{thing} ist kein Verifiable Credential: Sein @context beginnt nicht mit dem "
        "W3C-Kontext für Nachweise.",
    ),
    "format.structure.passed": (
        "{thing} has all the parts the standard requires.",
        "{thing} enthält alle Angaben, die der Standard verlangt.",
    ),
    "format.structure.failed": (
        "{thing} is incomplete or malformed; missing or wrong: {problems}.",
        "{thing} ist unvollständig oder fehlerhaft aufgebaut; fehlend oder falsch: {problems}.",
    ),
    "schema.passed": (
        "The credential matches its JSON Schema {url}.",
        "Der Nachweis entspricht seinem JSON-Schema {url}.",
    ),
    "schema.failed": (
        "The credential does not match its JSON Schema {url} ({count} problems; the first: "
        "{first}).",
        "Der Nachweis entspricht nicht seinem JSON-Schema {url} ({count} Fehler; der erste: "
        "{first}).",
    ),
    "schema.malformed_entry": (
        "An entry of credentialSchema has no id or no type.",
        "Ein Eintrag in credentialSchema hat keine id oder keinen type.",
    ),
    "schema.unknown_type": (
        "The credential names a schema of type {type}, which microcred does not check.",
        "Der Nachweis nennt ein Schema vom Typ {type}, das microcred nicht prüft.",
    ),
    "schema.not_trusted": (
        "The credential names the schema {url}; only the official Open Badges schemas are checked.",
        "Der Nachweis nennt das Schema {url}; geprüft werden nur die offiziellen "
        "Open-Badges-Schemas.",
    ),
    "schema.unreachable": (
        "The JSON Schema {url} could not be fetched, so only the verifier's own structure "
        "checks were made: {reason}",
        "Das JSON-Schema {url} konnte nicht abgerufen werden, daher wurde nur der Aufbau nach "
        "den eigenen Regeln der Prüfung kontrolliert: {reason}",
    ),
    "schema.unusable": (
        "The JSON Schema {url} cannot be used.",
        "Das JSON-Schema {url} ist nicht verwendbar.",
    ),
    "schema.too_many": (
        "{count} further schemas were not checked.",
        "{count} weitere Schemas wurden nicht geprüft.",
    ),
    # --- proofs --------------------------------------------------------------------------------
    "proof.passed": (
        "The signature is valid: {thing_mid} is unchanged since it was signed.",
        "Die Signatur ist gültig: {thing} ist seit der Signatur unverändert.",
    ),
    "proof.missing": (
        "{thing} is not signed: it carries no proof.",
        "{thing} ist nicht signiert: Eine Signatur fehlt.",
    ),
    "proof.malformed_list": (
        "{thing} carries a malformed proof (neither an object nor a list of objects).",
        "{thing} trägt eine fehlerhaft aufgebaute Signatur (weder ein Objekt noch eine Liste "
        "von Objekten).",
    ),
    "proof.too_many": (
        "The credential carries {count} proofs; at most {limit} are accepted.",
        "Der Nachweis trägt {count} Signaturen; höchstens {limit} werden angenommen.",
    ),
    "proof.unsupported": (
        "The proof is of the kind {suite}, which microcred cannot check.",
        "Die Signatur ist von der Art {suite}, die microcred nicht prüfen kann.",
    ),
    "proof.unsupported_extra": (
        "A further proof of the kind {suite} was not checked; another proof already holds.",
        "Eine weitere Signatur der Art {suite} wurde nicht geprüft; eine andere Signatur ist "
        "bereits gültig.",
    ),
    "proof.purpose": (
        "The proof's purpose is {purpose}, not assertionMethod, so it does not vouch for the "
        "content.",
        "Der Zweck der Signatur ist {purpose} statt assertionMethod; sie bestätigt den Inhalt "
        "daher nicht.",
    ),
    "proof.expired": (
        "The proof has expired.",
        "Die Signatur ist abgelaufen.",
    ),
    "proof.no_key": (
        "The signature was not checked, because its key could not be established.",
        "Die Signatur wurde nicht geprüft, weil ihr Schlüssel nicht ermittelt werden konnte.",
    ),
    "proof.undefined_term": (
        "The credential contains properties that none of its JSON-LD contexts define "
        "({terms}); the signature would not cover them, so the credential is refused.",
        "Der Nachweis enthält Eigenschaften, die keiner seiner JSON-LD-Kontexte definiert "
        "({terms}); die Signatur würde sie nicht abdecken, daher wird er abgelehnt.",
    ),
    "proof.not_json_ld": (
        "The credential cannot be read as JSON-LD, so its signature cannot be checked: {reason}",
        "Der Nachweis lässt sich nicht als JSON-LD lesen, daher kann seine Signatur nicht "
        "geprüft werden. Technische Angabe: {reason}",
    ),
    "proof.too_symmetric": (
        "The credential is built so that putting it in canonical form for its signature check "
        "would take far too long (many look-alike objects without an id); it is refused.",
        "Der Nachweis ist so aufgebaut, dass seine Normalisierung für die Signaturprüfung viel "
        "zu lange dauern würde (viele gleichartige Objekte ohne ID); er wird abgelehnt.",
    ),
    "proof.mismatch": (
        "The signature does not match: {thing_mid} was changed after signing, or signed with "
        "another key.",
        "Die Signatur passt nicht: {thing} wurde nach dem Signieren verändert oder mit einem "
        "anderen Schlüssel signiert.",
    ),
    "proof.value_malformed": (
        "The signature value (proofValue) is malformed: {reason}",
        "Der Signaturwert (proofValue) ist fehlerhaft. Technische Angabe: {reason}",
    ),
    "proof.invalid": (
        "The proof does not hold: {reason}",
        "Die Signatur ist ungültig. Technische Angabe: {reason}",
    ),
    # --- issuer keys ---------------------------------------------------------------------------
    "issuer.key.passed": (
        "The signing key belongs to the issuer ({controller}).",
        "Der Signaturschlüssel gehört dem Aussteller ({controller}).",
    ),
    "issuer.key.no_method": (
        "The proof names no key (verificationMethod).",
        "Die Signatur nennt keinen Schlüssel (verificationMethod).",
    ),
    "issuer.key.no_issuer": (
        "The credential names no issuer, so no key can be tied to one.",
        "Der Nachweis nennt keinen Aussteller, daher lässt sich kein Schlüssel zuordnen.",
    ),
    "issuer.key.not_issuer": (
        "The credential is signed with a key of {controller}, not of its issuer {issuer}: it "
        "is forged.",
        "Der Nachweis ist mit einem Schlüssel von {controller} signiert, nicht von seinem "
        "Aussteller {issuer}: Er ist gefälscht.",
    ),
    "issuer.key.self_asserted": (
        "The JWT carries its own key but names no key of the issuer {issuer}; anybody can "
        "embed a key, so who signed cannot be established.",
        "Das JWT bringt seinen eigenen Schlüssel mit, nennt aber keinen Schlüssel des "
        "Ausstellers {issuer}; jeder kann einen Schlüssel einbetten, daher bleibt offen, wer "
        "signiert hat.",
    ),
    "issuer.key.malformed": (
        "The key cannot be read: {reason}",
        "Der Schlüssel ist nicht lesbar. Technische Angabe: {reason}",
    ),
    "issuer.key.unsupported_method": (
        "The key is named by a {method} identifier, a DID method microcred cannot resolve.",
        "Der Schlüssel wird über einen {method}-Bezeichner angegeben, eine DID-Methode, die "
        "microcred nicht auflösen kann.",
    ),
    "issuer.key.not_authorized": (
        "The issuer's documents do not authorize the key {method} for issuing credentials: "
        "{reason}",
        "Die Dokumente des Ausstellers erlauben den Schlüssel {method} nicht zum Ausstellen "
        "von Nachweisen. Technische Angabe: {reason}",
    ),
    "issuer.key.wrong_document": (
        "The document at {url} is not the issuer's key document: {reason}",
        "Das Dokument unter {url} ist nicht das Schlüsseldokument des Ausstellers. Technische "
        "Angabe: {reason}",
    ),
    "issuer.key.unreachable": (
        "The issuer's key document at {url} could not be fetched: {why}",
        "Das Schlüsseldokument des Ausstellers unter {url} konnte nicht abgerufen werden: {why}",
    ),
    "issuer.key.fragment_mismatch": (
        "The key written into {method} differs from the key the issuer lists under that name.",
        "Der in {method} angegebene Schlüssel weicht von dem Schlüssel ab, den der Aussteller "
        "unter diesem Namen veröffentlicht.",
    ),
    # --- VC-JWT --------------------------------------------------------------------------------
    "jwt.passed": (
        "The JWT signature ({alg}) is valid: the credential is unchanged since it was signed.",
        "Die JWT-Signatur ({alg}) ist gültig: Der Nachweis ist seit der Signatur unverändert.",
    ),
    "jwt.unsigned": (
        "The JWT is unsigned (alg none); it proves nothing.",
        "Das JWT ist nicht signiert (alg none); es beweist nichts.",
    ),
    "jwt.no_key": (
        "The JWT names no key of the issuer (neither kid nor jwk).",
        "Das JWT nennt keinen Schlüssel des Ausstellers (weder kid noch jwk).",
    ),
    "jwt.algorithm": (
        "The JWT's signature algorithm is not acceptable: {reason}",
        "Das Signaturverfahren des JWT ist nicht zulässig. Technische Angabe: {reason}",
    ),
    "jwt.mismatch": (
        "The JWT signature does not match: {thing_mid} was changed after signing, or signed with "
        "another key.",
        "Die JWT-Signatur passt nicht: {thing} wurde nach dem Signieren verändert oder mit "
        "einem anderen Schlüssel signiert.",
    ),
    "jwt.claims": (
        "The JWT's claims contradict the credential inside it: {reason}",
        "Die Angaben im JWT widersprechen dem enthaltenen Nachweis. Technische Angabe: {reason}",
    ),
    "jwt.malformed": (
        "The JWT is malformed: {reason}",
        "Das JWT ist fehlerhaft aufgebaut. Technische Angabe: {reason}",
    ),
    "jwt.not_credential": (
        "The JWT does not carry a badge: {reason}",
        "Das JWT enthält kein Abzeichen. Technische Angabe: {reason}",
    ),
    # --- status --------------------------------------------------------------------------------
    "status.none": (
        "{thing} carries no status information; the issuer has provided no way to revoke it.",
        "{thing} enthält keine Statusangabe; ein Widerruf durch den Aussteller ist nicht "
        "vorgesehen.",
    ),
    "status.entry_malformed": (
        "The credential's status entry (credentialStatus) is malformed.",
        "Der Statuseintrag (credentialStatus) des Nachweises ist fehlerhaft.",
    ),
    "status.unsupported": (
        "The status method {type} is not one microcred can check, so revocation cannot be "
        "ruled out.",
        "Die Statusmethode {type} kann microcred nicht prüfen; ein Widerruf lässt sich daher "
        "nicht ausschließen.",
    ),
    "status.too_many": (
        "The credential has {count} status entries; only the first were checked.",
        "Der Nachweis hat {count} Statuseinträge; nur die ersten wurden geprüft.",
    ),
    "status.other_purpose": (
        "A status entry with the purpose {purpose} says nothing about validity and was not "
        "checked.",
        "Ein Statuseintrag mit dem Zweck {purpose} sagt nichts über die Gültigkeit aus und "
        "wurde nicht geprüft.",
    ),
    "status.too_deep": (
        "The status was not checked: the documents are nested too deeply.",
        "Der Status wurde nicht geprüft: Die Dokumente sind zu tief verschachtelt.",
    ),
    "status.unreachable": (
        "The status list at {url} could not be fetched, so revocation cannot be ruled out: "
        "{reason}",
        "Die Statusliste unter {url} konnte nicht abgerufen werden, daher lässt sich ein "
        "Widerruf nicht ausschließen: {reason}",
    ),
    "status.list_malformed": (
        "The status list at {url} cannot be read, so revocation cannot be ruled out.",
        "Die Statusliste unter {url} ist nicht lesbar, daher lässt sich ein Widerruf nicht "
        "ausschließen.",
    ),
    "status.list_unverified": (
        "The status list at {url} could not be verified, so it cannot be trusted: {reason}",
        "Die Statusliste unter {url} konnte nicht bestätigt werden und ist daher nicht "
        "vertrauenswürdig: {reason}",
    ),
    "status.list_other_issuer": (
        "The status list is published by {list_issuer}, not by the credential's issuer "
        "{issuer}, so it cannot be trusted.",
        "Die Statusliste stammt von {list_issuer}, nicht vom Aussteller des Nachweises "
        "{issuer}, und ist daher nicht vertrauenswürdig.",
    ),
    "status.revoked.yes": (
        "{thing} has been revoked by its issuer.",
        "{thing} wurde vom Aussteller widerrufen.",
    ),
    "status.revoked.no": (
        "{thing} has not been revoked.",
        "{thing} wurde nicht widerrufen.",
    ),
    "status.suspended.yes": (
        "{thing} is currently suspended by its issuer.",
        "{thing} ist vom Aussteller derzeit ausgesetzt.",
    ),
    "status.suspended.no": (
        "{thing} is not suspended.",
        "{thing} ist nicht ausgesetzt.",
    ),
    "input.gone": (
        "The issuer reports this badge as withdrawn (HTTP 410 Gone).",
        "Der Aussteller meldet dieses Abzeichen als zurückgezogen (HTTP 410 Gone).",
    ),
    # --- recipient -----------------------------------------------------------------------------
    "recipient.not_given": (
        "No recipient was given, so whom the credential belongs to was not checked.",
        "Es wurde kein Empfänger angegeben, daher wurde nicht geprüft, wem der Nachweis gehört.",
    ),
    "recipient.none_named": (
        "The credential names no recipient, so it cannot be shown to belong to {who}.",
        "Der Nachweis nennt keinen Empfänger, daher lässt sich nicht zeigen, dass er {who} gehört.",
    ),
    "recipient.matches": (
        "The credential was issued to {who}.",
        "Der Nachweis wurde an {who} ausgestellt.",
    ),
    "recipient.matches_hash": (
        "The credential was issued to {who} (matched with the salted hash of the e-mail address).",
        "Der Nachweis wurde an {who} ausgestellt (abgeglichen mit dem gesalzenen Hashwert der "
        "E-Mail-Adresse).",
    ),
    "recipient.mismatch": (
        "The credential was not issued to {who}.",
        "Der Nachweis wurde nicht an {who} ausgestellt.",
    ),
    # --- endorsements --------------------------------------------------------------------------
    "endorsement.valid": (
        "The endorsement by {who} is authentic and valid.",
        "Die Befürwortung durch {who} ist echt und gültig.",
    ),
    "endorsement.authentic_lapsed": (
        "The endorsement by {who} is authentic, but: {reason}",
        "Die Befürwortung durch {who} ist echt, aber: {reason}",
    ),
    "endorsement.not_authentic": (
        "The endorsement by {who} is not authentic: {reason}",
        "Die Befürwortung durch {who} ist nicht echt: {reason}",
    ),
    "endorsement.other_subject": (
        "The endorsement by {who} is about {subject}, not about what carries it.",
        "Die Befürwortung durch {who} bezieht sich auf {subject}, nicht auf das, was sie trägt.",
    ),
    "endorsement.unverified": (
        "The endorsement by {who} could not be verified: {reason}",
        "Die Befürwortung durch {who} konnte nicht bestätigt werden: {reason}",
    ),
    "endorsement.malformed": (
        "An endorsement of {on} cannot be read.",
        "Eine Befürwortung (zu: {on}) ist nicht lesbar.",
    ),
    "endorsement.too_many": (
        "{count} further endorsements were not checked.",
        "{count} weitere Befürwortungen wurden nicht geprüft.",
    ),
    # --- Open Badges 2.0 -----------------------------------------------------------------------
    "ob2.hosted_ok": (
        "The issuer hosts this very badge at {url}.",
        "Der Aussteller stellt genau dieses Abzeichen unter {url} bereit.",
    ),
    "ob2.hosted_unreachable": (
        "The badge hosted at {url} could not be fetched: {reason}",
        "Das unter {url} bereitgestellte Abzeichen konnte nicht abgerufen werden: {reason}",
    ),
    "ob2.hosted_malformed": (
        "What the issuer hosts at {url} is not a readable badge.",
        "Was der Aussteller unter {url} bereitstellt, ist kein lesbares Abzeichen.",
    ),
    "ob2.hosted_other_id": (
        "The badge hosted at {url} names a different id; the copy cannot be confirmed.",
        "Das unter {url} bereitgestellte Abzeichen nennt eine andere id; die Kopie lässt sich "
        "nicht bestätigen.",
    ),
    "ob2.hosted_differs": (
        "This copy differs from the badge the issuer hosts at {url} (in: {fields}): it was "
        "changed.",
        "Diese Kopie weicht von dem Abzeichen ab, das der Aussteller unter {url} bereitstellt "
        "(in: {fields}): Sie wurde verändert.",
    ),
    "ob2.gone": (
        "The issuer reports this badge as withdrawn (HTTP 410 Gone).",
        "Der Aussteller meldet dieses Abzeichen als zurückgezogen (HTTP 410 Gone).",
    ),
    "ob2.policy_ok": (
        "The badge is hosted on {host}, where the issuer's verification policy allows it.",
        "Das Abzeichen liegt auf {host}, wo die Prüfregeln des Ausstellers es erlauben.",
    ),
    "ob2.policy_violated": (
        "The badge is hosted on {host}, which the issuer does not allow: it may be an imitation.",
        "Das Abzeichen liegt auf {host}, was der Aussteller nicht erlaubt: Es könnte eine "
        "Nachahmung sein.",
    ),
    "ob2.signed_without_jws": (
        "This is a signed badge, but only its content was given, without the signature (JWS).",
        "Dies ist ein signiertes Abzeichen, aber nur sein Inhalt wurde übergeben, ohne die "
        "Signatur (JWS).",
    ),
    "ob2.jws_not_signed_type": (
        "The JWS carries a badge that does not declare signed verification.",
        "Das JWS enthält ein Abzeichen, das keine signierte Prüfung angibt.",
    ),
    "ob2.no_issuer_for_key": (
        "The signature was not checked, because the issuer's profile could not be loaded.",
        "Die Signatur wurde nicht geprüft, weil das Profil des Ausstellers nicht geladen werden "
        "konnte.",
    ),
    "ob2.jws_algorithm": (
        "The signature algorithm {alg} is not accepted for Open Badges 2.0.",
        "Das Signaturverfahren {alg} ist für Open Badges 2.0 nicht zulässig.",
    ),
    "ob2.no_key": (
        "Neither the badge nor the issuer's profile names a public key.",
        "Weder das Abzeichen noch das Profil des Ausstellers nennt einen öffentlichen Schlüssel.",
    ),
    "ob2.key_not_listed": (
        "The key {key} is not listed in the issuer's profile: the badge may be forged.",
        "Der Schlüssel {key} ist im Profil des Ausstellers nicht aufgeführt: Das Abzeichen "
        "könnte gefälscht sein.",
    ),
    "ob2.key_other_owner": (
        "The key {key} belongs to {owner}, not to the issuer.",
        "Der Schlüssel {key} gehört {owner}, nicht dem Aussteller.",
    ),
    "ob2.key_malformed": (
        "The key {key} cannot be read.",
        "Der Schlüssel {key} ist nicht lesbar.",
    ),
    "ob2.key_unreachable": (
        "The issuer's key at {url} could not be fetched: {reason}",
        "Der Schlüssel des Ausstellers unter {url} konnte nicht abgerufen werden: {reason}",
    ),
    "ob2.key_ok": (
        "The signing key {key} belongs to the issuer.",
        "Der Signaturschlüssel {key} gehört dem Aussteller.",
    ),
    "ob2.jws_ok": (
        "The signature is valid: the badge is unchanged since it was signed.",
        "Die Signatur ist gültig: Das Abzeichen ist seit der Signatur unverändert.",
    ),
    "ob2.jws_mismatch": (
        "The signature does not match: the badge was changed after signing, or signed with "
        "another key.",
        "Die Signatur passt nicht: Das Abzeichen wurde nach dem Signieren verändert oder mit "
        "einem anderen Schlüssel signiert.",
    ),
    "ob2.no_revocation_list": (
        "The issuer publishes no revocation list.",
        "Der Aussteller veröffentlicht keine Widerrufsliste.",
    ),
    "ob2.badge_ok": (
        "The badge class {name} was loaded.",
        "Die Abzeichen-Beschreibung {name} wurde geladen.",
    ),
    "ob2.badge_malformed": (
        "The badge class is malformed (no BadgeClass with a name).",
        "Die Abzeichen-Beschreibung ist fehlerhaft (keine BadgeClass mit Namen).",
    ),
    "ob2.badge_unreachable": (
        "The badge class at {url} could not be fetched: {reason}",
        "Die Abzeichen-Beschreibung unter {url} konnte nicht abgerufen werden: {reason}",
    ),
    "ob2.issuer_ok": (
        "The issuer's profile ({name}) was loaded.",
        "Das Profil des Ausstellers ({name}) wurde geladen.",
    ),
    "ob2.issuer_malformed": (
        "The issuer's profile is malformed.",
        "Das Profil des Ausstellers ist fehlerhaft.",
    ),
    "ob2.issuer_unreachable": (
        "The issuer's profile at {url} could not be fetched: {reason}",
        "Das Profil des Ausstellers unter {url} konnte nicht abgerufen werden: {reason}",
    ),
    # --- the verifier itself -------------------------------------------------------------------
    "verifier.internal_error": (
        "The verifier ran into an unexpected problem, so the result is undecided.",
        "Bei der Prüfung ist ein unerwarteter Fehler aufgetreten; das Ergebnis bleibt offen.",
    ),
}
