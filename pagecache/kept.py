"""Small reads that many pages make and that change only when staff edit them (the
footer's hotlines, the exchange rates, the registry's destinations): kept in the
cache, each spared page a query, and forgotten as soon as a row of the models they
are read from is saved or deleted.

Forgotten twice: at once, so that the change's own request (and a test, whose
transaction never commits) reads it afresh, and again at the commit, so that a page
read in between cannot keep the old value. The time limit is a backstop for a change
that sends no signal (a bulk update).
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEPT_SECONDS = 600


def languages():
    """The portal's languages: the variants of what is read once per language."""
    return [code for code, _name in settings.LANGUAGES]


class Kept:
    """``read(variant)`` kept per variant (a language by default, or a date);
    ``variants()`` names every variant a page may read now, the ones a change forgets."""

    def __init__(self, name, read, *, models, variants=languages):
        self.name = name
        self.read = read
        self.models = models
        self.variants = variants

    def _key(self, variant):
        return f"kept:{self.name}:{variant}"

    def get(self, variant):
        value = cache.get(self._key(variant))
        if value is None:
            value = self.read(variant)
            cache.set(self._key(variant), value, KEPT_SECONDS)
        return value

    def forget(self, **kwargs):
        keys = [self._key(variant) for variant in self.variants()]
        cache.delete_many(keys)
        transaction.on_commit(lambda: cache.delete_many(keys))

    def watch(self):
        """Forget on every save or delete of the models (from an app's ``ready``)."""
        for model in self.models:
            for signal in (post_save, post_delete):
                signal.connect(
                    self.forget, sender=model, dispatch_uid=f"kept:{self.name}", weak=False
                )
