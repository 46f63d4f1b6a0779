"""The Telegram Bot API client, through python-telegram-bot.

One place builds the bot (token, API address, rate limiter) for the outbox and
for the bot's replies. `AIORateLimiter` keeps to Telegram's overall limit and,
on a 429, holds every request for the ``retry_after`` Telegram asked for before
trying again; the one-message-a-second limit per chat is kept by the outbox
(`alerts.sending`), which never has two messages of one chat in flight.
"""

from django.conf import settings
from telegram.ext import AIORateLimiter, ExtBot


def configured():
    return bool(settings.TELEGRAM_BOT_TOKEN)


def make_bot(retries=1):
    """An uninitialised bot; use it as ``async with make_bot() as bot``."""
    return ExtBot(
        settings.TELEGRAM_BOT_TOKEN,
        base_url=f"{settings.TELEGRAM_API_URL.rstrip('/')}/bot",
        base_file_url=f"{settings.TELEGRAM_API_URL.rstrip('/')}/file/bot",
        rate_limiter=AIORateLimiter(
            overall_max_rate=settings.TELEGRAM_MESSAGES_PER_SECOND,
            overall_time_period=1,
            max_retries=retries,
        ),
    )
