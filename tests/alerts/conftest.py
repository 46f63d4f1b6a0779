import pytest

from tests.alerts.servers import TelegramStandIn, smtp_server


@pytest.fixture
def telegram_api(settings):
    stand_in = TelegramStandIn()
    settings.TELEGRAM_BOT_TOKEN = "123:TEST"
    settings.TELEGRAM_BOT_USERNAME = "portal_bot"
    settings.TELEGRAM_WEBHOOK_SECRET = "webhook-secret-for-tests"
    settings.TELEGRAM_API_URL = stand_in.url
    yield stand_in
    stand_in.stop()


@pytest.fixture
def mailbox(settings):
    controller, box = smtp_server()
    settings.EMAIL_ENABLED = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    yield box
    controller.stop()
