"""Small reads that many pages make and that change only when staff edit them (the
footer's hotlines, the exchange rates, the registry's destinations): kept in the
cache, each spared page a query, and forgotten as soon as a row of the models they
are read from is saved or deleted.

Forgotten twice: at once, so that the change's own request (and a test, whose
transaction never commits) reads it afresh, and again at the commit, so that a page
read in between cannot keep the old value. The time limit is a backstop for a change
that sends no signal (a bulk update).

Each process also holds what it read, under the kept values' generation: a token in
the cache that every change replaces. A request reads the token once
(`request_started` forgets it) and then each kept value from its own memory: a list
page reads five, and a cache read for each took 0.15 ms. Outside a request (a task,
a shell) the token is read at every use, so a change is seen at once there too.
"""

import datetime
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

KEPT_SECONDS = 600
GENERATION_KEY = "kept:generation"

_request = threading.local()


def generation():
    """The token of the kept values' generation: one cache read per request, or None
    when the cache cannot keep one (then nothing is held in memory). It lives as
    long as a kept value, like everything the portal leaves in the cache, and a new
    one is made when it is gone: a few reads again, nothing stale."""
    token = getattr(_request, "generation", None)
    if token is None:
        token = cache.get(GENERATION_KEY)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(GENERATION_KEY, token, KEPT_SECONDS):
                token = cache.get(GENERATION_KEY)
        if getattr(_request, "open", False):
            _request.generation = token
    return token


def _new_generation():
    _request.generation = None
    cache.set(GENERATION_KEY, uuid.uuid4().hex, KEPT_SECONDS)


def _request_started(**kwargs):
    _request.open, _request.generation = True, None


def _request_finished(**kwargs):
    _request.open, _request.generation = False, None


request_started.connect(_request_started, dispatch_uid="kept-request-started")
request_finished.connect(_request_finished, dispatch_uid="kept-request-finished")


def days_around_today():
    """The dates a page may read now, today's whatever the hour: the variants of what
    is kept per day."""
    today = timezone.localdate()
    return [(today + datetime.timedelta(days=days)).isoformat() for days in (-1, 0, 1)]


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
        self._held = {}  # variant: (generation, until, value), this process's copies

    def _key(self, variant):
        return f"kept:{self.name}:{variant}"

    def get(self, variant):
        token = generation()
        held = self._held.get(variant)
        if held is not None and held[0] == token and held[1] > time.monotonic():
            return held[2]
        value = cache.get(self._key(variant))
        if value is None:
            value = self.read(variant)
            cache.set(self._key(variant), value, KEPT_SECONDS)
        if token is not None:
            self._held[variant] = (token, time.monotonic() + KEPT_SECONDS, value)
        return value

    def forget(self, **kwargs):
        keys = [self._key(variant) for variant in self.variants()]

        def forget_now():
            cache.delete_many(keys)
            _new_generation()

        forget_now()
        transaction.on_commit(forget_now)

    def watch(self):
        """Forget on every save or delete of the models (from an app's ``ready``)."""
        for model in self.models:
            for signal in (post_save, post_delete):
                signal.connect(
                    self.forget, sender=model, dispatch_uid=f"kept:{self.name}", weak=False
                )
