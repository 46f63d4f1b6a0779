"""`check --deploy` warns when production would fail to send its first text."""

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
