from modeltranslation.translator import TranslationOptions, register

from alerts.models import Announcement


@register(Announcement)
class AnnouncementTranslationOptions(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("en",)
