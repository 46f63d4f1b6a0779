from modeltranslation.translator import TranslationOptions, register

from agencies.models import Agency, LicensingAuthority


@register(LicensingAuthority)
class LicensingAuthorityTranslationOptions(TranslationOptions):
    fields = ("name",)
    required_languages = ("en",)


@register(Agency)
class AgencyTranslationOptions(TranslationOptions):
    """Where an agency is, in each reader's language: "Chüy Region" is "Чүй облусу"."""

    fields = ("region", "address")
