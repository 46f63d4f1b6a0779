from modeltranslation.translator import TranslationOptions, register

from directory.models import Organisation


@register(Organisation)
class OrganisationTranslationOptions(TranslationOptions):
    fields = ("name", "description", "city", "address", "hours")
    required_languages = ("en",)
