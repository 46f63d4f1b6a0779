"""The production backend: an HTTP SMS gateway.

One JSON ``POST`` to ``SMS_GATEWAY_URL`` per message, with
``Authorization: Bearer <SMS_GATEWAY_TOKEN>``::

    {"from": "<SMS_SENDER>", "to": "+998901234567", "text": "..."}

Any 2xx answer means accepted. Most gateways (Eskiz, Play Mobile, Nikita and the
international ones) take this shape directly or through a small relay. The
request has connect and read timeouts (``SMS_GATEWAY_TIMEOUT`` seconds each) so a
hanging gateway cannot hang a sign-up. Failures raise `SmsError` naming only the
HTTP status or the kind of network error: never the number, the text, the token
or the gateway's answer (which may echo the number).
"""

import requests
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from accounts.sms.base import BaseSmsBackend, SmsError


class SmsBackend(BaseSmsBackend):
    def __init__(self):
        self.url = settings.SMS_GATEWAY_URL
        self.token = settings.SMS_GATEWAY_TOKEN
        self.sender = settings.SMS_SENDER
        self.timeout = settings.SMS_GATEWAY_TIMEOUT
        if not self.url or not self.token:
            raise ImproperlyConfigured(
                "The HTTP SMS backend needs SMS_GATEWAY_URL and SMS_GATEWAY_TOKEN."
            )

    def send(self, number, text):
        try:
            response = requests.post(
                self.url,
                json={"from": self.sender, "to": number, "text": text},
                headers={"Authorization": f"Bearer {self.token}"},
                timeout=(self.timeout, self.timeout),
                allow_redirects=False,
            )
        except requests.Timeout:
            raise SmsError("The SMS gateway did not answer in time.") from None
        except requests.RequestException as error:
            raise SmsError(
                f"The SMS gateway could not be reached ({type(error).__name__})."
            ) from None
        if not 200 <= response.status_code < 300:
            raise SmsError(f"The SMS gateway refused the message (HTTP {response.status_code}).")
