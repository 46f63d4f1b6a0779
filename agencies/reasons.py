"""The usual reasons and legal bases of licence changes, as a translated list.

An officer picks one (or writes their own beside it); the licence history stores
the English text, which is the catalogs' msgid, so the public registry shows it in
each reader's language. Text written by hand, or by a partner feed, is shown as it
was written."""

from django.utils.translation import gettext, gettext_noop

REASONS = [
    gettext_noop("Ended at the licensee's request."),
    gettext_noop("No pre-departure briefing given to workers."),
    gettext_noop("Briefings organised and checked."),
    gettext_noop("Criminal case: workers sent abroad on tourist visas."),
    gettext_noop("Criminal case opened against the agency's managers."),
    gettext_noop("Complaints from workers about unpaid wages; deposit drawn to compensate."),
]
LEGAL_BASES = [
    gettext_noop("Licence issued"),
    gettext_noop("Application of the agency"),
    gettext_noop("Court decision"),
    gettext_noop("Decision of the Migration Agency"),
]
_LISTED = frozenset(REASONS + LEGAL_BASES)


def shown(text):
    """A history text in the reader's language when it is one of the list's."""
    return gettext(text) if text in _LISTED else text


def reason_choices():
    return [("", gettext("— or write the reason below —")), *((r, gettext(r)) for r in REASONS)]
