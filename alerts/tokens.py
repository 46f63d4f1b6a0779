"""Signed links in messages: anyone holding the message may confirm or end that
one subscription, and nothing else; no account or password is needed."""

from django.core import signing

SALT = "alerts.subscription"
CONFIRM_DAYS = 7


def make(subscription, action):
    return signing.dumps([subscription.pk, action], salt=SALT, compress=True)


def read(token, action):
    """The subscription id the token was made for, or None. Confirmation links
    expire after `CONFIRM_DAYS`; unsubscribe links never do."""
    max_age = CONFIRM_DAYS * 86400 if action == "confirm" else None
    try:
        pk, signed_action = signing.loads(token, salt=SALT, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if signed_action != action or not isinstance(pk, int):
        return None
    return pk
