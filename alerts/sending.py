"""Sending what the outbox holds, exactly once per row.

A row is claimed (status ``sending``, committed) before it leaves and marked
``sent`` when the server accepted it, so a retried or second task never sends it
again. A worker killed between the two leaves the row ``sending``; it is not
resent (`close_stale`): a duplicate is a worse failure here than one message
needing an operator, and the row says what happened.

Telegram: rounds of at most `TELEGRAM_MESSAGES_PER_SECOND` rows, one per chat,
each round starting a second after the last answer of the one before, so no
second (however measured) holds more than one round overall, nor two messages
to one chat; the next round is claimed and written while that second passes.
A 429 holds every request for its ``retry_after`` (the library's rate limiter)
and is then tried again; a chat that answers 403 has blocked the bot and its
subscriptions end. E-mail: a permanent refusal (5xx) of the address ends its
subscriptions, as does a bounce that comes back later (`alerts.bounces`); a
temporary refusal is retried later.
"""

import asyncio
import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from telegram.error import BadRequest, Forbidden, RetryAfter, TelegramError

from alerts import services, telegram
from alerts.messages import render
from alerts.models import Message

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 5
STALE_AFTER = timedelta(minutes=10)
EMAIL_BATCH = 50


def _backoff(attempts):
    return timezone.now() + timedelta(seconds=min(3600, 30 * 2**attempts))


def claim(channel, limit):
    """Take up to ``limit`` due rows for sending (one per chat for Telegram)."""
    with transaction.atomic():
        due = (
            Message.objects.select_for_update(skip_locked=True)
            .filter(channel=channel, status=Message.Status.PENDING, due_at__lte=timezone.now())
            .order_by("due_at", "pk")
        )
        if channel == "telegram":
            rows, chats = [], set()
            for message in due[: limit * 4]:
                if message.chat_id not in chats:
                    chats.add(message.chat_id)
                    rows.append(message)
                if len(rows) == limit:
                    break
        else:
            rows = list(due[:limit])
        Message.objects.filter(pk__in=[m.pk for m in rows]).update(
            status=Message.Status.SENDING, attempts=F("attempts") + 1, due_at=timezone.now()
        )
    return rows


def _done(message, status, error=""):
    Message.objects.filter(pk=message.pk).update(
        status=status, sent_at=timezone.now() if status == "sent" else None, error=error[:300]
    )


def _again(message, when, error):
    status = Message.Status.PENDING if message.attempts + 1 < MAX_ATTEMPTS else "failed"
    Message.objects.filter(pk=message.pk).update(status=status, due_at=when, error=error[:300])


def close_stale():
    """Rows left ``sending`` by a worker that died: not resent (see module)."""
    return Message.objects.filter(
        status=Message.Status.SENDING, due_at__lt=timezone.now() - STALE_AFTER
    ).update(status=Message.Status.FAILED, error="the sender stopped while sending; not resent")


# --- Telegram ----------------------------------------------------------------------------


async def _send(bot, chat_id, text):
    try:
        await bot.send_message(chat_id=chat_id, text=text, disable_web_page_preview=True)
    except RetryAfter as error:
        return ("retry", error.retry_after)
    except Forbidden as error:
        return ("blocked", str(error))
    except BadRequest as error:
        return ("failed", str(error))
    except TelegramError as error:  # network trouble, 5xx: try again later
        return ("again", str(error))
    return ("sent", "")


def _wait_until(moment):
    pause = moment - time.monotonic()
    if pause > 0:
        time.sleep(pause)


async def _together(jobs):
    return await asyncio.gather(*jobs)


def deliver_telegram(seconds=50):
    """Send due Telegram rows for up to ``seconds``; returns how many were sent.
    Rendering and bookkeeping happen between rounds, outside the event loop."""
    if not telegram.configured():
        return 0
    sent = 0
    deadline = time.monotonic() + seconds
    per_second = settings.TELEGRAM_MESSAGES_PER_SECOND
    loop = asyncio.new_event_loop()
    bot = telegram.make_bot()
    next_round = 0.0  # monotonic time: a second after the last round's last answer
    try:
        loop.run_until_complete(bot.initialize())
        while time.monotonic() < deadline:
            batch = claim("telegram", per_second)
            if not batch:
                break
            work = []
            for message in batch:
                rendered = render(message)
                if rendered is None:
                    _done(message, Message.Status.SKIPPED, "nothing to send any more")
                    continue
                chat_id = int(message.recipient.removeprefix("tg:"))
                work.append((message, _send(bot, chat_id, rendered.text)))
            _wait_until(next_round)
            outcomes = loop.run_until_complete(_together([job for _m, job in work]))
            finished = time.monotonic()
            for (message, _job), (outcome, detail) in zip(work, outcomes, strict=True):
                if outcome == "sent":
                    _done(message, Message.Status.SENT)
                    sent += 1
                elif outcome == "blocked":
                    _done(message, Message.Status.FAILED, f"403: {detail}")
                    services.chat_blocked(message.chat)
                elif outcome == "retry":
                    wait = detail.total_seconds() if hasattr(detail, "total_seconds") else detail
                    _again(message, timezone.now() + timedelta(seconds=wait), f"429: {wait}s")
                elif outcome == "again":
                    _again(message, _backoff(message.attempts), detail)
                else:
                    _done(message, Message.Status.FAILED, detail)
            # The next round is sent a second after this one's last answer: no second
            # (sliding) holds more than one round, nor two messages of one chat.
            next_round = finished + 1.0
        _wait_until(next_round)  # so is whatever the next task sends
    finally:
        loop.run_until_complete(bot.shutdown())
        loop.close()
    return sent


# --- e-mail ------------------------------------------------------------------------------


def _email(message, rendered):
    headers = {}
    if settings.EMAIL_BOUNCE_ADDRESS:  # the envelope sender; the From header stays
        headers["From"] = settings.DEFAULT_FROM_EMAIL
    if rendered.unsubscribe_url:
        headers["List-Unsubscribe"] = f"<{rendered.unsubscribe_url}>"
        headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
    return EmailMessage(
        subject=rendered.subject,
        body=rendered.text,
        from_email=settings.EMAIL_BOUNCE_ADDRESS or settings.DEFAULT_FROM_EMAIL,
        to=[message.email],
        headers=headers,
    )


def _permanent(error):
    """Did the server refuse the address for good (a 5xx reply)?"""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _text in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def deliver_email(seconds=50):
    """Send due e-mail rows for up to ``seconds`` over one connection."""
    if not settings.EMAIL_ENABLED:
        return 0
    sent = 0
    deadline = time.monotonic() + seconds
    with get_connection(fail_silently=False) as connection:
        while time.monotonic() < deadline:
            batch = claim("email", EMAIL_BATCH)
            if not batch:
                break
            for message in batch:
                rendered = render(message)
                if rendered is None:
                    _done(message, Message.Status.SKIPPED, "nothing to send any more")
                    continue
                try:
                    connection.send_messages([_email(message, rendered)])
                except smtplib.SMTPException as error:
                    if _permanent(error):
                        _done(message, Message.Status.FAILED, f"refused: {error}")
                        services.email_bounced(message.email)
                    else:
                        _again(message, _backoff(message.attempts), str(error))
                        connection.close()
                        connection.open()
                    continue
                except OSError as error:
                    _again(message, _backoff(message.attempts), str(error))
                    return sent
                _done(message, Message.Status.SENT)
                sent += 1
    return sent


def claimable(channel):
    """Is a row due now (another round is worth starting)?"""
    return Message.objects.filter(
        channel=channel, status=Message.Status.PENDING, due_at__lte=timezone.now()
    ).exists()
