"""Tell Telegram where to deliver the bot's updates (setWebhook, with the secret
header) and which commands to list in the menu."""

import asyncio

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from telegram import BotCommand

from alerts import telegram
from bot import webhook

COMMANDS = [
    ("jobs", "Vacancies · Vakansiyalar · Вакансии"),
    ("alerts", "Alerts · Xabarnomalar · Уведомления"),
    ("following", "Agencies · Agentliklar · Агентства"),
    ("bancheck", "Entry ban · Kirish taqiqi · Запрет въезда"),
    ("language", "Language · Til · Язык"),
]


class Command(BaseCommand):
    help = "Register the webhook (SITE_URL + secret path) and the command menu with Telegram."

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Remove the webhook instead.")

    def handle(self, *args, delete=False, **options):
        if not telegram.configured() or not settings.TELEGRAM_WEBHOOK_SECRET:
            raise CommandError("Set TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET first.")
        if not delete and not settings.SITE_URL.startswith("https://"):
            raise CommandError("Telegram delivers webhooks only to https:// (set SITE_URL).")
        asyncio.run(self.register(delete))
        self.stdout.write("Webhook removed." if delete else f"Webhook set: {webhook.url()}")

    async def register(self, delete):
        async with telegram.make_bot() as bot:
            if delete:
                await bot.delete_webhook()
                return
            await bot.set_webhook(
                url=webhook.url(),
                secret_token=settings.TELEGRAM_WEBHOOK_SECRET,
                allowed_updates=["message", "callback_query"],
            )
            await bot.set_my_commands([BotCommand(name, text) for name, text in COMMANDS])
