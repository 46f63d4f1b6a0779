from modeltranslation.translator import TranslationOptions, register

from agencies.models import LicensingAuthority


@register(LicensingAuthority)
class LicensingAuthorityTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)
