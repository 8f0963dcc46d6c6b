"""The report: verdict rules, JSON, terminal text in English and German, the sentence catalog."""

from __future__ import annotations

import json
import re
import string
from datetime import UTC, datetime
from pathlib import Path

import pytest

from microcred.verifier import Check, Facts, Message, Outcome, Verdict, VerificationReport
from microcred.verifier.messages import CATALOG, clean, say
from microcred.verifier.report import verdict_of

SOURCES = Path(__file__).resolve().parents[2] / "src" / "microcred" / "verifier"
CODES = {
    "input.format", "input.fetch", "format.standard", "format.structure", "format.schema",
    "proof.signature", "issuer.key", "dates.not_yet_valid", "dates.expired", "status.revoked",
    "status.suspended", "status.other", "status.list_issuer", "recipient.match", "endorsement",
    "ob2.hosted", "ob2.verification_policy", "ob2.badge", "ob2.issuer", "verifier.error",
}  # fmt: skip


def check(outcome: Outcome, code: str = "proof.signature") -> Check:
    return Check(code, outcome, Message("English.", "Deutsch."), {})


@pytest.mark.parametrize(
    ("outcomes", "verdict"),
    [
        ([Outcome.PASSED, Outcome.SKIPPED], Verdict.VALID),
        ([Outcome.PASSED, Outcome.FAILED, Outcome.INDETERMINATE], Verdict.INVALID),
        ([Outcome.PASSED, Outcome.INDETERMINATE], Verdict.INDETERMINATE),
        ([Outcome.SKIPPED], Verdict.INDETERMINATE),
        ([], Verdict.INDETERMINATE),
    ],
)
def test_the_verdict_follows_from_the_outcomes(outcomes: list, verdict: Verdict) -> None:
    assert verdict_of(outcomes) is verdict


def report_with(name: str) -> VerificationReport:
    facts = Facts(achievement_name=name, recipient_identifier="hashed e-mail", status="revoked")
    return VerificationReport(
        (check(Outcome.PASSED), check(Outcome.FAILED, "status.revoked")),
        facts,
        datetime(2025, 6, 1, tzinfo=UTC),
        "text/json",
    )


def test_the_terminal_text_speaks_english_and_german() -> None:
    report = report_with("Data Analysis")
    english, german = report.render_text(), report.render_text("de")
    assert english.startswith("INVALID") and "[FAIL] English." in english
    assert "hashed e-mail address" in english and "revoked" in english
    assert german.startswith("UNGÜLTIG") and "[FAIL] Deutsch." in german
    assert "gehashte E-Mail-Adresse" in german and "widerrufen" in german


def test_hostile_text_cannot_move_the_terminal_cursor() -> None:
    text = report_with("Evil\x1b[2J\x1b[H\nName\u202e\x07").render_text()
    assert "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "Evil [2J [H Name" in text


def test_the_json_form_holds_only_json() -> None:
    report = VerificationReport(
        (
            Check(
                "x",
                Outcome.PASSED,
                Message("a.", "b."),
                {"when": datetime(2025, 1, 1), "n": {1, 2}},
            ),
        ),
        Facts(micro_credential={"ects": float("inf")}),
        datetime(2025, 6, 1, tzinfo=UTC),
    )
    data = json.loads(json.dumps(report.to_json(), allow_nan=False))
    assert data["checks"][0]["details"]["when"] == "2025-01-01T00:00:00Z"
    assert data["facts"] == {"micro_credential": {"ects": None}}


# --- the sentence catalog ---------------------------------------------------------------------


def placeholders(template: str) -> set[str]:
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {name.removesuffix("_mid") for name in names}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_sentence_exists_in_both_languages_with_the_same_blanks(key: str) -> None:
    english, german = CATALOG[key]
    assert english and german and english != german
    assert placeholders(english) == placeholders(german)
    for sentence in (english, german):
        # Reasons for a failed fetch follow a colon: English continues in lower case there.
        assert sentence[0].isupper() or sentence[0] == "{" or key.startswith("fetch."), sentence
        assert sentence.rstrip().endswith((".", ":", "}", ")")), sentence


def test_german_sentences_use_real_umlauts() -> None:
    german = " ".join(de for _, de in CATALOG.values())
    assert "ü" in german and "ä" in german and "ö" in german and "ß" in german
    for spelled_out in ("fuer", "ueber", "koennen", "pruef", "Pruef", "gueltig", "Schluess"):
        assert spelled_out not in german


def test_every_sentence_named_in_the_code_is_in_the_catalog() -> None:
    literals: set[str] = set()
    for path in SOURCES.glob("*.py"):
        literals |= set(re.findall(r'"([a-z0-9_]+\.[a-z0-9_.]+)"', path.read_text()))
    sentences = literals - CODES - {"achievement.creator", "badge.png"}
    missing = sorted(key for key in sentences if key not in CATALOG and not key[0].isdigit())
    assert missing == []


@pytest.mark.parametrize(
    "key",
    [f"input.{kind}" for kind in ("too_large", "empty", "encoding", "json", "not_object",
                                  "depth", "unknown", "image", "no_credential", "file")]
    + [f"fetch.{kind}" for kind in ("offline", "not_available", "scheme", "address", "url",
                                    "timeout", "too_large", "redirects", "network", "status")]
    + [f"status.{code}.{answer}" for code in ("revoked", "suspended") for answer in ("yes", "no")]
    + [f"verdict.{verdict.value}" for verdict in Verdict],
)  # fmt: skip
def test_sentences_built_from_kinds_exist(key: str) -> None:
    assert key in CATALOG


def test_say_fills_in_values_in_each_language() -> None:
    message = say("fetch.status", status=503)
    assert "503" in message.en and "503" in message.de
    nested = say("input.unreachable", url="https://x.example", reason=say("fetch.offline"))
    assert nested.en.endswith("the verifier works offline.")
    assert nested.de.endswith("Die Prüfung läuft offline.")


def test_clean_shortens_and_flattens() -> None:
    assert clean("a\nb\tc") == "a b c"
    assert len(clean("x" * 1000)) == 200
