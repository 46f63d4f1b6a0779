"""The test backend: messages are kept in ``outbox``, as Django's locmem mail does."""

from dataclasses import dataclass

from accounts.sms.base import BaseSmsBackend


@dataclass(frozen=True)
class Sms:
    number: str
    text: str


outbox: list[Sms] = []


class SmsBackend(BaseSmsBackend):
    def send(self, number, text):
        outbox.append(Sms(number, text))
