"""Every page exists in German and English: complete catalogs, compiled, and used."""

from __future__ import annotations

import ast
import gettext
import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils.translation.template import templatize

import microcred.web
from tests.web.pofiles import read_po

WEB = Path(microcred.web.__file__).parent
CATALOGS = sorted(WEB.glob("**/locale/de/LC_MESSAGES/django.po"))
# templatize() turns {% translate %} and {% blocktranslate %} into gettext(u'...') calls.
TEMPLATE_CALL = re.compile(r"[np]?gettext\((?:u'(?:[^'\\]|\\.)*', )?(u'(?:[^'\\]|\\.)*')")
GETTEXT_CALLS = {
    "_",
    "gettext",
    "gettext_lazy",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
}


def german_msgids() -> set[str]:
    entries = [entry for po in CATALOGS for entry in read_po(po)]
    return {entry.msgid for entry in entries} | {e.msgid_plural for e in entries if e.msgid_plural}


def test_there_is_a_german_catalog_for_the_project_and_each_app() -> None:
    from django.conf import settings

    ours = [app for app in settings.INSTALLED_APPS if app.startswith("microcred.")]
    apps = {app.rsplit(".", 1)[1] for app in ours}
    folders = {po.parents[3].name for po in CATALOGS}
    assert folders == {"web"} | apps


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parents[3].name)
def test_every_entry_is_translated_and_not_fuzzy(po: Path) -> None:
    for entry in read_po(po):
        assert not entry.fuzzy, entry.msgid
        assert entry.msgstr and all(entry.msgstr), f"no German for {entry.msgid!r} in {po}"


@pytest.mark.parametrize("po", CATALOGS, ids=lambda path: path.parents[3].name)
def test_the_compiled_catalog_matches_its_source(po: Path) -> None:
    """The .mo files are committed: after editing a .po, run `microcred manage compilemessages`
    in src/microcred/web."""
    with po.with_suffix(".mo").open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    for entry in read_po(po):
        if entry.msgctxt is not None:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == entry.msgstr[0], entry.msgid
        elif entry.msgid_plural is None:
            assert compiled.gettext(entry.msgid) == entry.msgstr[0], entry.msgid
        else:
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 1) == entry.msgstr[0]
            assert compiled.ngettext(entry.msgid, entry.msgid_plural, 5) == entry.msgstr[1]


def marked_strings() -> set[str]:
    """Every string marked for translation in the web package's templates and code."""
    found: set[str] = set()
    for template in WEB.glob("**/templates/**/*"):
        if template.suffix in {".html", ".txt"}:
            code = templatize(template.read_text(encoding="utf-8"), origin=str(template))
            for match in TEMPLATE_CALL.finditer(code):
                found.add(ast.literal_eval(match.group(1)))
    for module in WEB.glob("**/*.py"):
        if "migrations" in module.parts:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in GETTEXT_CALLS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def test_every_marked_string_has_a_german_translation() -> None:
    strings = marked_strings()
    assert "Skip to content" in strings and "Owner" in strings
    missing = sorted(strings - german_msgids())
    assert not missing, (
        "not in any German catalog (run `microcred manage makemessages -l de --no-location` "
        f"in the app's folder, translate, then `microcred manage compilemessages`): {missing}"
    )


@pytest.mark.django_db
def test_no_string_means_two_things_in_german() -> None:
    """Django merges the apps' catalogs and the first one wins: a msgid translated two ways
    would show one app's word on another app's page. Such strings need a context."""
    translations: dict[tuple[str | None, str], set[str]] = {}
    for po in CATALOGS:
        for entry in read_po(po):
            if entry.msgid_plural is None:
                translations.setdefault((entry.msgctxt, entry.msgid), set()).add(entry.msgstr[0])
    clashes = {key: sorted(words) for key, words in translations.items() if len(words) > 1}
    assert not clashes


def test_pages_come_in_german_when_the_browser_asks(client) -> None:
    page = client.get(reverse("accounts:login"), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert page["Content-Language"] == "de"
    assert '<html lang="de">' in page.text
    assert "Passwort vergessen?" in page.text
    assert "Anmelden" in page.text


@pytest.mark.django_db
def test_the_language_switcher_remembers_the_choice(client) -> None:
    response = client.post(reverse("set_language"), {"language": "de", "next": "/accounts/login/"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert "Passwort vergessen?" in client.get("/accounts/login/").text
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Forgot your password?" in client.get("/accounts/login/").text


@pytest.mark.django_db
def test_form_errors_and_country_names_are_german_too(client, make_user) -> None:
    client.force_login(make_user())
    client.post(reverse("set_language"), {"language": "de"})
    page = client.post(reverse("organizations:create"), {"name": "", "country": ""})
    assert "Dieses Feld ist zwingend erforderlich." in page.text
    assert "Österreich" in page.text
