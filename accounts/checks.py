"""`check --deploy` warns when production would fail to send its first text or
e-mail."""

from django.conf import settings
from django.core.checks import Tags, Warning, register


@register(Tags.security, deploy=True)
def sms_backend_configured(app_configs, **kwargs):
    backend = settings.SMS_BACKEND
    if backend == "accounts.sms.gateway.SmsBackend":
        if not (settings.SMS_GATEWAY_URL and settings.SMS_GATEWAY_TOKEN):
            return [
                Warning(
                    "The HTTP SMS gateway has no SMS_GATEWAY_URL or SMS_GATEWAY_TOKEN: "
                    "nobody can confirm a phone number or sign in with a code.",
                    id="accounts.W001",
                )
            ]
    elif backend in ("accounts.sms.console.SmsBackend", "accounts.sms.locmem.SmsBackend"):
        return [
            Warning(
                f"SMS_BACKEND is {backend}: texts are not sent to phones.",
                id="accounts.W002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def email_configured(app_configs, **kwargs):
    """Without ``EMAIL_URL`` e-mail alerts are not offered, and the notices of
    applications and help requests to people who gave an address go to an SMTP
    server on localhost, which a deployment seldom has."""
    if settings.EMAIL_ENABLED:
        return []
    return [
        Warning(
            "EMAIL_URL is not set: e-mail alerts are not offered, and application and "
            "help-request notices by e-mail go to an SMTP server on localhost:25.",
            id="accounts.W003",
        )
    ]
