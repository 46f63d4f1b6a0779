"""The webhook's secrets: a path nobody can guess and the header Telegram sends.

Both come from ``TELEGRAM_WEBHOOK_SECRET``: Telegram echoes the secret in
``X-Telegram-Bot-Api-Secret-Token`` (set by `set_telegram_webhook`), and the path
carries an HMAC of it, so the secret itself never appears in a URL or an access
log."""

import hashlib
import hmac

from django.conf import settings
from django.urls import reverse

HEADER = "HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN"


def path_secret():
    key = settings.TELEGRAM_WEBHOOK_SECRET.encode()
    return hmac.new(key, b"telegram-webhook-path", hashlib.sha256).hexdigest()[:32]


def url():
    return settings.SITE_URL.rstrip("/") + reverse("bot:webhook", args=[path_secret()])


def verified(request, secret):
    configured = settings.TELEGRAM_WEBHOOK_SECRET
    if not configured or not settings.TELEGRAM_BOT_TOKEN:
        return False
    return hmac.compare_digest(secret, path_secret()) and hmac.compare_digest(
        request.META.get(HEADER, ""), configured
    )
