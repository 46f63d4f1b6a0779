"""The fixed lists a profile and an application choose from, translated.

Codes are stored; labels are shown in the reader's language. Regions are the
ISO 3166-2 subdivisions of Uzbekistan and Kyrgyzstan, the two countries whose
citizens the portal serves.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Citizenship(models.TextChoices):
    UZ = "UZ", _("Uzbekistan")
    KG = "KG", _("Kyrgyzstan")


REGIONS = {
    "UZ": [
        ("UZ-QR", _("Republic of Karakalpakstan")),
        ("UZ-AN", _("Andijan region")),
        ("UZ-BU", _("Bukhara region")),
        ("UZ-FA", _("Fergana region")),
        ("UZ-JI", _("Jizzakh region")),
        ("UZ-QA", _("Kashkadarya region")),
        ("UZ-XO", _("Khorezm region")),
        ("UZ-NG", _("Namangan region")),
        ("UZ-NW", _("Navoiy region")),
        ("UZ-SA", _("Samarkand region")),
        ("UZ-SU", _("Surkhandarya region")),
        ("UZ-SI", _("Syrdarya region")),
        ("UZ-TO", _("Tashkent region")),
        ("UZ-TK", _("Tashkent city")),
    ],
    "KG": [
        ("KG-B", _("Batken region")),
        ("KG-C", _("Chüy region")),
        ("KG-Y", _("Issyk-Kul region")),
        ("KG-J", _("Jalal-Abad region")),
        ("KG-N", _("Naryn region")),
        ("KG-O", _("Osh region")),
        ("KG-T", _("Talas region")),
        ("KG-GB", _("Bishkek city")),
        ("KG-GO", _("Osh city")),
    ],
}
# Grouped by country, as a <select> shows them.
REGION_CHOICES = [
    (_("Uzbekistan"), REGIONS["UZ"]),
    (_("Kyrgyzstan"), REGIONS["KG"]),
]
REGION_LABELS = {code: label for regions in REGIONS.values() for code, label in regions}


class Education(models.TextChoices):
    PRIMARY = "primary", _("primary or incomplete secondary")
    SECONDARY = "secondary", _("general secondary (school)")
    VOCATIONAL = "vocational", _("vocational (college, lyceum, technical school)")
    HIGHER_INCOMPLETE = "higher_incomplete", _("incomplete higher")
    BACHELOR = "bachelor", _("higher: bachelor")
    MASTER = "master", _("higher: master or above")


class Language(models.TextChoices):
    """The languages vacancies ask for (`vacancies.Vacancy.Language` without
    "none" and "other"), and the applicants' own."""

    KOREAN = "ko", _("Korean")
    ENGLISH = "en", _("English")
    RUSSIAN = "ru", _("Russian")
    GERMAN = "de", _("German")
    POLISH = "pl", _("Polish")
    TURKISH = "tr", _("Turkish")
    LITHUANIAN = "lt", _("Lithuanian")
    UZBEK = "uz", _("Uzbek")
    KYRGYZ = "ky", _("Kyrgyz")
    KARAKALPAK = "kaa", _("Karakalpak")
    KAZAKH = "kk", _("Kazakh")
    JAPANESE = "ja", _("Japanese")
    ARABIC = "ar", _("Arabic")


class LanguageLevel(models.TextChoices):
    """The Common European Framework's levels, which language certificates map to."""

    A1 = "A1", _("A1: beginner")
    A2 = "A2", _("A2: elementary")
    B1 = "B1", _("B1: intermediate")
    B2 = "B2", _("B2: upper intermediate")
    C1 = "C1", _("C1: advanced")
    C2 = "C2", _("C2: fluent or native")


class Certificate(models.TextChoices):
    NONE = "", _("no certificate")
    EPS_TOPIK = "eps_topik", "EPS-TOPIK"
    TOPIK = "topik", "TOPIK"
    IELTS = "ielts", "IELTS"
    TOEFL = "toefl", "TOEFL"
    GOETHE = "goethe", _("Goethe-Zertifikat")
    TORFL = "torfl", _("TORFL (Russian as a foreign language)")
    JLPT = "jlpt", "JLPT"
    OTHER = "other", _("another certificate")


# Categories of the national driving licences of Uzbekistan and Kyrgyzstan
# (the 1968 Vienna Convention's), as a licence lists them.
DRIVING_CATEGORIES = [
    (code, code) for code in ("A", "B", "C", "D", "BE", "CE", "DE", "C1", "D1", "Tm", "Tb")
]


class Status(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("application status", "submitted")
    SHORTLISTED = "shortlisted", pgettext_lazy("application status", "shortlisted")
    INTERVIEW = "interview", pgettext_lazy("application status", "invited to an interview")
    OFFERED = "offered", pgettext_lazy("application status", "offer made")
    CONTRACTED = "contracted", pgettext_lazy("application status", "contract signed")
    DEPARTED = "departed", pgettext_lazy("application status", "departed")
    REJECTED = "rejected", pgettext_lazy("application status", "rejected")
    WITHDRAWN = "withdrawn", pgettext_lazy("application status", "withdrawn")


class RejectReason(models.TextChoices):
    REQUIREMENTS = "requirements", _("does not meet the stated requirements")
    LANGUAGE = "language", _("language level not sufficient")
    EXPERIENCE = "experience", _("not enough experience")
    AGE = "age", _("outside the age range of the programme")
    POSITIONS_FILLED = "filled", _("all positions have been filled")
    INTERVIEW = "interview", _("not selected after the interview")
    NO_SHOW = "no_show", _("did not come to the interview")
    DOCUMENTS = "documents", _("documents missing or not valid")
    MEDICAL = "medical", _("did not pass the medical examination")
    VACANCY_CLOSED = "closed", _("the vacancy was cancelled")
