"""Every write of the alerts app: subscribing, confirming and ending
subscriptions, chats and their languages, following agencies, linking a chat to
an account, publishing announcements, and putting messages in the outbox.

Messages are written in the same transaction as the change that causes them,
and the delivery tasks are woken when it commits (`wake_delivery`): a change
that rolls back sends nothing.
"""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from alerts.models import (
    AgencyFollow,
    Announcement,
    LinkCode,
    Message,
    SavedSearch,
    Subscription,
    TelegramChat,
)
from alerts.searches import canonical_query, params, search_filter

LINK_CODE_MINUTES = 15
DIGEST_MAX_ITEMS = 10
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

ACTIVE = Subscription.Status.ACTIVE
PENDING = Subscription.Status.PENDING
ENDED = Subscription.Status.ENDED


def wake_delivery():
    """After the transaction commits, start the senders (they take a lock, so
    waking them twice costs nothing)."""
    from alerts import tasks  # the tasks module imports this one

    transaction.on_commit(tasks.wake)


# --- saved searches and subscriptions ---------------------------------------------------


def saved_search(query_params):
    """The `SavedSearch` of a vacancy search's parameters (created once), or a
    ValidationError with the filter form's message."""
    query, _errors = canonical_query(query_params)
    if query is None:
        raise ValidationError(_("This search cannot be saved: check its filters."))
    form = search_filter(params(query)).form
    form.is_valid()
    country = form.cleaned_data.get("country") or None
    search, _created = SavedSearch.objects.get_or_create(
        query=query, defaults={"country_id": country}
    )
    return search


@transaction.atomic
def subscribe_email(search, email, *, language, frequency, user=None):
    """A new e-mail subscription waits for the address to confirm it (double
    opt-in); asking again re-sends the confirmation instead of adding a second."""
    email = email.strip()
    subscription = Subscription.objects.filter(
        search=search, channel="email", email__iexact=email, status__in=[PENDING, ACTIVE]
    ).first()
    if subscription is None:
        subscription = Subscription.objects.create(
            search=search,
            channel=Subscription.Channel.EMAIL,
            email=email,
            language=language,
            frequency=frequency,
            status=PENDING,
            user=user,
        )
    if subscription.status == PENDING:
        enqueue(
            f"confirm:{subscription.pk}:{timezone.now():%Y%m%d%H}",
            subscription=subscription,
            kind=Message.Kind.CONFIRM,
        )
    return subscription


@transaction.atomic
def subscribe_chat(search, chat, *, frequency, user=None):
    """Telegram subscriptions need no confirmation: the chat asked for it itself."""
    subscription = Subscription.objects.filter(
        search=search, chat=chat, status__in=[PENDING, ACTIVE]
    ).first()
    if subscription is None:
        subscription = Subscription.objects.create(
            search=search,
            channel=Subscription.Channel.TELEGRAM,
            chat=chat,
            language=chat.language,
            frequency=frequency,
            status=ACTIVE,
            confirmed_at=timezone.now(),
            user=user or chat.user,
        )
    return subscription


def confirm(subscription):
    """The address answered: the subscription starts (once; an ended one stays ended)."""
    updated = Subscription.objects.filter(pk=subscription.pk, status=PENDING).update(
        status=ACTIVE, confirmed_at=timezone.now()
    )
    subscription.refresh_from_db()
    return bool(updated)


def end(subscriptions, reason):
    """End subscriptions (a queryset) and drop what they still had waiting."""
    now = timezone.now()
    with transaction.atomic():
        ids = list(subscriptions.exclude(status=ENDED).values_list("pk", flat=True))
        Subscription.objects.filter(pk__in=ids).update(
            status=ENDED, end_reason=reason, ended_at=now
        )
        Message.objects.filter(
            subscription_id__in=ids,
            status__in=[Message.Status.HELD, Message.Status.PENDING],
            kind__in=[Message.Kind.VACANCY, Message.Kind.DIGEST, Message.Kind.CONFIRM],
        ).update(status=Message.Status.SKIPPED, error="subscription ended")
    return len(ids)


def unsubscribe(subscription):
    return end(Subscription.objects.filter(pk=subscription.pk), Subscription.EndReason.UNSUBSCRIBED)


def chat_blocked(chat):
    """Telegram answered 403: the person blocked the bot. Everything of the chat ends."""
    TelegramChat.objects.filter(pk=chat.pk).update(blocked_at=timezone.now())
    end(Subscription.objects.filter(chat=chat), Subscription.EndReason.BLOCKED)
    AgencyFollow.objects.filter(chat=chat).delete()
    Message.objects.filter(chat=chat, status=Message.Status.PENDING).update(
        status=Message.Status.SKIPPED, error="chat blocked the bot"
    )


def email_bounced(address):
    """The mail server refused the address for good: its subscriptions end."""
    end(Subscription.objects.filter(email__iexact=address), Subscription.EndReason.BOUNCED)


# --- Telegram chats ----------------------------------------------------------------------


def chat_for(chat_id):
    """The chat's record (created on first contact); a chat that writes again after
    blocking the bot is reachable again."""
    chat, _created = TelegramChat.objects.get_or_create(chat_id=chat_id)
    if chat.blocked_at is not None:
        TelegramChat.objects.filter(pk=chat.pk).update(blocked_at=None)
        chat.blocked_at = None
    return chat


def set_language(chat, language):
    if language not in LANGUAGE_CODES:
        raise ValidationError("unknown language")
    chat.language = language
    chat.language_chosen = True
    chat.save(update_fields=["language", "language_chosen"])
    Subscription.objects.filter(chat=chat).exclude(status=ENDED).update(language=language)


def follow(chat, agency):
    try:
        with transaction.atomic():
            AgencyFollow.objects.create(chat=chat, agency=agency)
    except IntegrityError:
        return False
    return True


def unfollow(chat, agency_id):
    return AgencyFollow.objects.filter(chat=chat, agency_id=agency_id).delete()[0] > 0


def _hash(code):
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def new_link_code(user):
    """A one-time code for the bot's /link, valid `LINK_CODE_MINUTES` minutes."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from a screen
    code = "".join(secrets.choice(alphabet) for _ in range(8))
    LinkCode.objects.filter(user=user, used_at__isnull=True).delete()
    LinkCode.objects.create(
        user=user,
        code_hash=_hash(code),
        expires_at=timezone.now() + timedelta(minutes=LINK_CODE_MINUTES),
    )
    return code


@transaction.atomic
def link_chat(chat, code):
    """Tie the chat to the account that made the code; False if the code is wrong,
    used or expired."""
    link = (
        LinkCode.objects.select_for_update()
        .filter(code_hash=_hash(code), used_at__isnull=True, expires_at__gt=timezone.now())
        .first()
    )
    if link is None:
        return False
    link.used_at = timezone.now()
    link.save(update_fields=["used_at"])
    chat.user_id = link.user_id
    chat.save(update_fields=["user"])
    Subscription.objects.filter(chat=chat, user__isnull=True).update(user_id=link.user_id)
    return True


def unlink_chat(chat):
    chat.user = None
    chat.save(update_fields=["user"])


# --- the outbox --------------------------------------------------------------------------


def enqueue(key, *, subscription=None, chat=None, email="", kind, language=None, **fields):
    """One outbox row, unless this message already went to this recipient; returns
    it or None. Runs in the caller's transaction."""
    if subscription is not None:
        chat = subscription.chat
        email = subscription.email
        language = language or subscription.language
    if chat is not None:
        channel, recipient = Subscription.Channel.TELEGRAM, chat.recipient
        language = language or chat.language
    else:
        channel, recipient = Subscription.Channel.EMAIL, f"mail:{email.lower()}"
    try:
        with transaction.atomic():
            message = Message.objects.create(
                key=key,
                recipient=recipient,
                channel=channel,
                chat=chat,
                email=email if chat is None else "",
                subscription=subscription,
                kind=kind,
                language=language or settings.LANGUAGE_CODE,
                **fields,
            )
    except IntegrityError:
        return None
    wake_delivery()
    return message


def _texts(text):
    """{language: text} of a plain dict or a translatable (lazy) string."""
    if isinstance(text, dict):
        return {code: str(value) for code, value in text.items()}
    texts = {}
    for code in LANGUAGE_CODES:
        with translation.override(code):
            texts[code] = str(text)
    return texts


def send_to_user(user, text, *, key):
    """Send a short text to every Telegram chat linked to ``user``, once per ``key``.

    ``text`` is a lazily translated string (``gettext_lazy``) or a dict
    {language code: text} with at least "en"; each chat reads it in its own
    language. ``key`` names the message (e.g. ``application:42:status:accepted``):
    the same key is never sent twice to one chat. Call it inside the transaction
    of the change; returns how many messages were queued (0 when the user has no
    linked chat)."""
    texts = _texts(text)
    count = 0
    for chat in TelegramChat.objects.filter(user=user, blocked_at__isnull=True):
        if enqueue(f"user:{key}", chat=chat, kind=Message.Kind.DIRECT, payload={"texts": texts}):
            count += 1
    return count


def tell_followers(licence, change, countries, key, reason=""):
    """Receiver of `agencies.signals.licence_changed`: every chat that follows the
    agency hears of a suspension, revocation, expiry, surrender or a lost
    destination, in the transaction of the change itself."""
    payload = {
        "agency": licence.agency_id,
        "licence": licence.number,
        "change": change,
        "countries": countries,
    }
    for chat in AgencyFollow.objects.filter(
        agency_id=licence.agency_id, chat__blocked_at__isnull=True
    ).select_related("chat"):
        enqueue(key, chat=chat.chat, kind=Message.Kind.LICENCE, payload=payload)


@transaction.atomic
def publish_announcement(announcement):
    """Put it on the pages and send it, once, to every live subscriber of its
    destination (each address or chat once, whatever the number of searches)."""
    announcement = Announcement.objects.select_for_update().get(pk=announcement.pk)
    if announcement.published_at is None:
        announcement.published_at = timezone.now()
        announcement.save(update_fields=["published_at"])
    subscriptions = (
        Subscription.objects.filter(status=ACTIVE, search__country_id=announcement.country_id)
        .exclude(chat__blocked_at__isnull=False)
        .select_related("chat")
        .order_by("pk")
    )
    seen = set()
    rows = []
    for subscription in subscriptions:
        if subscription.recipient in seen:
            continue
        seen.add(subscription.recipient)
        rows.append(
            Message(
                key=f"announcement:{announcement.pk}",
                recipient=subscription.recipient,
                channel=subscription.channel,
                chat=subscription.chat,
                email=subscription.email,
                subscription=subscription,
                kind=Message.Kind.ANNOUNCEMENT,
                language=subscription.language,
                payload={"announcement": announcement.pk},
            )
        )
    Message.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    wake_delivery()
    return len(rows)


@transaction.atomic
def make_digests(now=None):
    """Gather each daily subscription's held vacancies into one digest message
    (the first `DIGEST_MAX_ITEMS`, with the total and a link to the search)."""
    now = now or timezone.now()
    held = Message.objects.filter(status=Message.Status.HELD)
    subscriptions = Subscription.objects.filter(
        Exists(held.filter(subscription=OuterRef("pk")))
    ).select_related("chat", "search")
    count = 0
    for subscription in subscriptions:
        items = held.filter(subscription=subscription)
        if subscription.status != ACTIVE:
            items.update(status=Message.Status.SKIPPED, error="subscription ended")
            continue
        vacancies = sorted(
            {
                pk
                for payload in items.values_list("payload", flat=True)
                for pk in payload.get("vacancies", [])
            },
            reverse=True,
        )
        digest = enqueue(
            f"digest:{subscription.pk}:{now:%Y-%m-%d}",
            subscription=subscription,
            kind=Message.Kind.DIGEST,
            payload={"vacancies": vacancies[: DIGEST_MAX_ITEMS * 3], "total": len(vacancies)},
        )
        if digest is not None:
            items.update(status=Message.Status.SENT, digest=digest, sent_at=now)
            count += 1
    return count
