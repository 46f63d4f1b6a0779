from modeltranslation.translator import TranslationOptions, register

from blacklist.models import BanSource


@register(BanSource)
class BanSourceTranslationOptions(TranslationOptions):
    fields = ("name", "verify_address")
    required_languages = ("en",)
