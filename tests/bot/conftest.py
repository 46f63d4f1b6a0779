# The bot is tested against the same stand-in Telegram Bot API and SMTP server.
from tests.alerts.conftest import mailbox, telegram_api  # noqa: F401
