from modeltranslation.translator import TranslationOptions, register

from portal.models import Hotline


@register(Hotline)
class HotlineTranslationOptions(TranslationOptions):
    fields = ("name", "description", "hours")
    required_languages = ("en",)
