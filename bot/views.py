"""The Telegram webhook: verify, read the update, answer in the chat's language.

Answers go out with python-telegram-bot while Telegram waits for our 200; an
error from Telegram is logged and the update still answered 200, or Telegram
would send it again and again."""

import asyncio
import json
import logging

from django.http import HttpResponse, HttpResponseForbidden
from django.utils import translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from telegram import Update
from telegram.error import TelegramError

from alerts import services, telegram
from bot import conversation, webhook

logger = logging.getLogger(__name__)


@csrf_exempt
@require_POST
def receive(request, secret):
    if not webhook.verified(request, secret):
        return HttpResponseForbidden()
    try:
        data = json.loads(request.body)
        update = Update.de_json(data, None)
    except (ValueError, TypeError, KeyError, AttributeError):
        return HttpResponse(status=400)
    chat = update.effective_chat
    if chat is None or chat.type != "private":
        return HttpResponse()  # the bot talks one to one only
    record = services.chat_for(chat.id)
    with translation.override(record.language):
        if update.callback_query is not None:
            replies = conversation.on_button(record, update.callback_query.data)
        elif update.message is not None:
            replies = conversation.on_text(record, update.message.text)
        else:
            return HttpResponse()
        record.refresh_from_db()
    try:
        asyncio.run(_answer(chat.id, update.callback_query, replies))
    except TelegramError:
        logger.warning("Telegram refused the bot's answer", exc_info=True)
    return HttpResponse()


async def _answer(chat_id, callback_query, replies):
    async with telegram.make_bot(retries=0) as bot:
        if callback_query is not None:
            await bot.answer_callback_query(callback_query.id)
        for reply in replies:
            await bot.send_message(
                chat_id=chat_id,
                text=reply.text[:4096],
                reply_markup=reply.markup(),
                disable_web_page_preview=True,
            )
