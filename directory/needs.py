"""What a person may need help with: the while-abroad topics and fraud by a
recruiter. One list for the directory (what an organisation helps with) and the
help desk (what a case is about), so a case's category finds the organisations
that help with it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Need(models.TextChoices):
    UNPAID_WAGES = "unpaid_wages", _("Unpaid wages")
    DOCUMENTS = "documents", _("Lost documents or legal status")
    REGISTRATION = "registration", _("Registration")
    DETENTION = "detention", _("Detention and deportation")
    VIOLENCE = "violence", _("Violence and abuse")
    TRAFFICKING = "trafficking", _("Trafficking and forced labour")
    HEALTH = "health", _("Injury and illness")
    DEATH = "death", _("Death of a migrant and repatriation")
    REMITTANCES = "remittances", _("Sending money home")
    RECRUITER_FRAUD = "recruiter_fraud", _("Fraud by a recruiter")


# A person in these situations may be in danger now: the emergency and hotline
# numbers of their country are shown at once, and their cases are flagged.
URGENT_NEEDS = frozenset({Need.VIOLENCE, Need.TRAFFICKING, Need.DETENTION, Need.DEATH})


def is_urgent(need):
    return need in URGENT_NEEDS
