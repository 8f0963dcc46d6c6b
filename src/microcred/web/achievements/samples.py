"""Three designed badges for the demo organization (``microcred demo-web``)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from microcred.web.accounts.models import User
from microcred.web.achievements import artwork, services
from microcred.web.achievements.images import SVG
from microcred.web.achievements.models import Achievement, BadgeImage
from microcred.web.organizations.models import Organization

_SKILLS = "https://akademie-beispiel.example/kompetenzen/"

SAMPLE_BADGES: tuple[dict[str, Any], ...] = (
    {
        "name": "Agiles Projektmanagement",
        "description": (
            "Bestätigt, dass die Person Projekte mit Scrum und Kanban plant, steuert und "
            "im Team verbessert."
        ),
        "criteria": (
            "Teilnahme an mindestens 90 % der vier Kurstage und eine bestandene Projektarbeit: "
            "ein eigenes Vorhaben als Backlog mit Sprintplanung, vorgestellt in 15 Minuten."
        ),
        "learning_outcomes": [
            "Plant ein Projekt in Sprints und pflegt ein priorisiertes Backlog.",
            "Moderiert Daily, Review und Retrospektive.",
            "Wählt zwischen Scrum, Kanban und klassischem Vorgehen begründet aus.",
        ],
        "skills": [
            {"name": "Scrum", "url": _SKILLS + "scrum"},
            {"name": "Kanban", "url": _SKILLS + "kanban"},
        ],
        "tags": ["Projektmanagement", "Scrum", "Agilität"],
        "workload_hours": Decimal(60),
        "ects": Decimal(2),
        "eqf_level": 5,
        "assessment_type": "Projektarbeit mit Präsentation",
        "participation_form": "blended",
        "quality_assurance": "Internes Qualitätsmanagement nach DIN EN ISO 9001",
        "prerequisites": "Erste Erfahrung in Projekten",
        "stackability": "stackable",
        "stackability_note": "Zertifikat Projektleitung (3 Bausteine)",
        "expiry_months": None,
        "design": ("shield", "#0b5cad", "#f5b400", "chart"),
    },
    {
        "name": "Prompting für Fachkräfte",
        "description": (
            "Bestätigt, dass die Person generative KI im Berufsalltag zielgerichtet, "
            "überprüfbar und datenschutzbewusst einsetzt."
        ),
        "criteria": (
            "Bearbeitung von fünf Praxisaufgaben aus dem eigenen Arbeitsfeld und ein "
            "abschließender Online-Test mit mindestens 70 % der Punkte."
        ),
        "learning_outcomes": [
            "Formuliert Aufgaben für Sprachmodelle mit Rolle, Kontext und Format.",
            "Prüft Ergebnisse auf Fehler und erfundene Quellen.",
            "Beachtet Datenschutz und Urheberrecht beim Einsatz von KI.",
        ],
        "skills": [{"name": "Prompt Engineering", "url": _SKILLS + "prompt-engineering"}],
        "tags": ["KI", "Prompting", "Digitale Kompetenzen"],
        "workload_hours": Decimal(16),
        "ects": None,
        "eqf_level": 4,
        "assessment_type": "Online-Test und Praxisaufgaben",
        "participation_form": "online",
        "quality_assurance": "Internes Qualitätsmanagement nach DIN EN ISO 9001",
        "prerequisites": "",
        "stackability": "standalone",
        "stackability_note": "",
        "expiry_months": 24,
        "design": ("circle", "#f4e04d", "#14213d", "bulb"),
    },
    {
        "name": "ESG-Berichterstattung",
        "description": (
            "Bestätigt, dass die Person einen Nachhaltigkeitsbericht nach CSRD und ESRS "
            "vorbereitet und die Wesentlichkeitsanalyse begleitet."
        ),
        "criteria": "Bestandene schriftliche Prüfung (90 Minuten) am Ende des Kurses.",
        "learning_outcomes": [
            "Erklärt die Berichtspflichten nach CSRD und die Struktur der ESRS.",
            "Führt eine doppelte Wesentlichkeitsanalyse durch.",
        ],
        "skills": [{"name": "Nachhaltigkeitsberichterstattung", "url": _SKILLS + "esg-bericht"}],
        "tags": ["Nachhaltigkeit", "CSRD", "ESG"],
        "workload_hours": Decimal(40),
        "ects": None,
        "eqf_level": None,
        "assessment_type": "Schriftliche Prüfung",
        "participation_form": "onSite",
        "quality_assurance": "",
        "prerequisites": "Kenntnisse im Rechnungswesen",
        "stackability": "",
        "stackability_note": "",
        "expiry_months": None,
        "design": ("hexagon", "#1e7d4f", "#a8e6c1", "leaf"),
    },
)


def ensure_sample_badges(organization: Organization, actor: User) -> list[Achievement]:
    """The sample badges of ``organization``, designed now unless one of that name exists.

    The third is left without an EU level and quality assurance, to show the indicator.
    """
    badges = []
    for sample in SAMPLE_BADGES:
        existing = organization.achievements.filter(name=sample["name"]).first()
        if existing is not None:
            badges.append(existing)
            continue
        values = {key: value for key, value in sample.items() if key != "design"}
        achievement = Achievement(organization=organization, language="de", **values)
        shape, primary, secondary, icon = sample["design"]
        design = artwork.Design(
            shape=shape, primary=primary, secondary=secondary, icon=icon, title=sample["name"]
        )
        image = BadgeImage(
            data=artwork.render_svg(design),
            content_type=SVG,
            png=artwork.render_png(design),
            design=design.to_dict(),
        )
        badges.append(services.save_achievement(achievement, actor, image=image))
    return badges
