"""What every SMS backend is: one method, one error."""


class SmsError(Exception):
    """The message was not sent. Its text never contains the number or the message."""


class BaseSmsBackend:
    def send(self, number: str, text: str) -> None:
        raise NotImplementedError
