"""The fixed vocabularies of the designer, with names people read (translated)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from microcred.openbadges.eu import ParticipationForm as EuParticipationForm
from microcred.openbadges.eu import Stackability as EuStackability
from microcred.openbadges.vocabulary import AchievementType as ObAchievementType


class AchievementType(models.TextChoices):
    """Open Badges 3.0's achievementType values, the micro-credential first."""

    MICRO_CREDENTIAL = ObAchievementType.MICRO_CREDENTIAL.value, _("Micro-credential")
    BADGE = ObAchievementType.BADGE.value, _("Badge")
    CERTIFICATE = ObAchievementType.CERTIFICATE.value, _("Certificate")
    CERTIFICATE_OF_COMPLETION = (
        ObAchievementType.CERTIFICATE_OF_COMPLETION.value,
        _("Certificate of completion"),
    )
    CERTIFICATION = ObAchievementType.CERTIFICATION.value, _("Certification")
    COURSE = ObAchievementType.COURSE.value, _("Course")
    COMPETENCY = ObAchievementType.COMPETENCY.value, _("Competency")
    ASSESSMENT = ObAchievementType.ASSESSMENT.value, _("Assessment")
    ASSIGNMENT = ObAchievementType.ASSIGNMENT.value, _("Assignment")
    AWARD = ObAchievementType.AWARD.value, _("Award")
    LEARNING_PROGRAM = ObAchievementType.LEARNING_PROGRAM.value, _("Learning programme")
    LICENSE = ObAchievementType.LICENSE.value, _("Licence")
    MEMBERSHIP = ObAchievementType.MEMBERSHIP.value, _("Membership")
    COMMUNITY_SERVICE = ObAchievementType.COMMUNITY_SERVICE.value, _("Community service")
    CO_CURRICULAR = ObAchievementType.CO_CURRICULAR.value, _("Co-curricular activity")
    FIELDWORK = ObAchievementType.FIELDWORK.value, _("Fieldwork")
    ACHIEVEMENT = ObAchievementType.ACHIEVEMENT.value, _("Achievement (general)")
    APPRENTICESHIP_CERTIFICATE = (
        ObAchievementType.APPRENTICESHIP_CERTIFICATE.value,
        _("Apprenticeship certificate"),
    )
    JOURNEYMAN_CERTIFICATE = (
        ObAchievementType.JOURNEYMAN_CERTIFICATE.value,
        _("Journeyman certificate"),
    )
    MASTER_CERTIFICATE = (
        ObAchievementType.MASTER_CERTIFICATE.value,
        _("Master craftsman certificate"),
    )
    QUALITY_ASSURANCE_CREDENTIAL = (
        ObAchievementType.QUALITY_ASSURANCE_CREDENTIAL.value,
        _("Quality assurance credential"),
    )
    DIPLOMA = ObAchievementType.DIPLOMA.value, _("Diploma")
    SECONDARY_SCHOOL_DIPLOMA = (
        ObAchievementType.SECONDARY_SCHOOL_DIPLOMA.value,
        _("Secondary school diploma"),
    )
    GENERAL_EDUCATION_DEVELOPMENT = (
        ObAchievementType.GENERAL_EDUCATION_DEVELOPMENT.value,
        _("General education development"),
    )
    DEGREE = ObAchievementType.DEGREE.value, _("Degree")
    ASSOCIATE_DEGREE = ObAchievementType.ASSOCIATE_DEGREE.value, _("Associate degree")
    BACHELOR_DEGREE = ObAchievementType.BACHELOR_DEGREE.value, _("Bachelor's degree")
    MASTER_DEGREE = ObAchievementType.MASTER_DEGREE.value, _("Master's degree")
    DOCTORAL_DEGREE = ObAchievementType.DOCTORAL_DEGREE.value, _("Doctoral degree")
    PROFESSIONAL_DOCTORATE = (
        ObAchievementType.PROFESSIONAL_DOCTORATE.value,
        _("Professional doctorate"),
    )
    RESEARCH_DOCTORATE = ObAchievementType.RESEARCH_DOCTORATE.value, _("Research doctorate")


class ParticipationForm(models.TextChoices):
    ONLINE = EuParticipationForm.ONLINE.value, _("Online")
    ON_SITE = EuParticipationForm.ON_SITE.value, _("On site")
    BLENDED = EuParticipationForm.BLENDED.value, _("Blended (online and on site)")


class Stackability(models.TextChoices):
    STANDALONE = EuStackability.STANDALONE.value, _("Stand-alone")
    STACKABLE = EuStackability.STACKABLE.value, _("Stackable towards a larger credential")


class EqfLevel(models.IntegerChoices):
    LEVEL_1 = 1, _("EQF level 1")
    LEVEL_2 = 2, _("EQF level 2")
    LEVEL_3 = 3, _("EQF level 3")
    LEVEL_4 = 4, _("EQF level 4")
    LEVEL_5 = 5, _("EQF level 5 (short-cycle tertiary)")
    LEVEL_6 = 6, _("EQF level 6 (Bachelor's level)")
    LEVEL_7 = 7, _("EQF level 7 (Master's level)")
    LEVEL_8 = 8, _("EQF level 8 (doctoral level)")


# Languages an achievement may be written in (BCP 47); names come from Django's catalog.
LANGUAGES = ("de", "en", "fr", "it", "es", "nl", "pl", "pt", "cs", "da", "sv", "fi")


# What eu_elements_complete() reports missing, in words.
EU_ELEMENT_LABELS = {
    "awardingBody": _("awarding body"),
    "country": _("country of the awarding body"),
    "learningOutcomes": _("learning outcomes"),
    "workload": _("notional workload"),
    "eqfLevel": _("EQF level"),
    "assessmentType": _("type of assessment"),
    "participationForm": _("form of participation"),
    "qualityAssurance": _("type of quality assurance"),
}
