"""The demo instance: secrets in the data folder, a demo person and "Akademie Beispiel".

``build()`` is idempotent; later parts (badges, credentials) add their sample data here.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from microcred.proofs.keystore import KeyEncryptionKey
from microcred.web.config import DEFAULT_DATA_DIR, KEK_FILE, SECRET_KEY_FILE

DEMO_EMAIL = "demo@example.org"
DEMO_NAME = "Demo Admin"
DEMO_ORGANIZATION = "Akademie Beispiel"
DEMO_SLUG = "akademie-beispiel"


@dataclass(frozen=True)
class DemoSite:
    email: str
    password: str
    organization_slug: str


def ensure_secrets(data_dir: Path | None = None) -> Path:
    """Write a secret key and a key-encryption key into the data folder unless present.

    Only for a local demo: a real deployment sets MICROCRED_SECRET_KEY and
    MICROCRED_KEY_ENCRYPTION_KEYS in its environment, away from the data they protect.
    """
    folder = (data_dir or Path(os.environ.get("MICROCRED_DATA_DIR") or DEFAULT_DATA_DIR)).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    _write_once(folder / SECRET_KEY_FILE, secrets.token_urlsafe(50))
    _write_once(folder / KEK_FILE, KeyEncryptionKey.generate().to_secret())
    return folder


def _write_once(path: Path, value: str) -> None:
    if path.exists():
        return
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(value + "\n")


def build(password: str | None = None) -> DemoSite:
    """The demo person (with a fresh password each time) and the demo organization."""
    from django.db import transaction

    from microcred.web.accounts.models import User
    from microcred.web.achievements.samples import ensure_sample_badges
    from microcred.web.credentials.samples import ensure_sample_credentials
    from microcred.web.engagement.samples import simulate_recipients
    from microcred.web.organizations.countries import Country
    from microcred.web.organizations.models import Membership, Organization, Role
    from microcred.web.organizations.services import create_organization

    password = password or secrets.token_urlsafe(9)
    with transaction.atomic():
        user = User.objects.filter(email=DEMO_EMAIL).first()
        if user is None:
            user = User.objects.create_user(DEMO_EMAIL, password, name=DEMO_NAME)
        else:
            user.set_password(password)
            user.save(update_fields=["password"])
        organization = Organization.objects.filter(slug=DEMO_SLUG).first()
        if organization is None:
            organization = create_organization(
                owner=user,
                name=DEMO_ORGANIZATION,
                slug=DEMO_SLUG,
                country=Country.DE,
                region="Bayern",
                url="https://akademie-beispiel.example",
                email="kontakt@akademie-beispiel.example",
                description=(
                    "Weiterbildung für Fach- und Führungskräfte: kurze Kurse mit klaren "
                    "Lernergebnissen, als überprüfbare Micro-Credentials."
                ),
            )
        Membership.objects.get_or_create(
            organization=organization, user=user, defaults={"role": Role.OWNER}
        )
        badges = ensure_sample_badges(organization, user)
        credentials = ensure_sample_credentials(organization, user, badges)
        simulate_recipients(credentials)
    return DemoSite(DEMO_EMAIL, password, organization.slug)
