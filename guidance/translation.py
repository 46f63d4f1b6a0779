from modeltranslation.translator import TranslationOptions, register

from guidance.models import Stage, Topic


@register(Stage)
class StageTranslationOptions(TranslationOptions):
    fields = ("title", "summary")
    required_languages = ("en",)


@register(Topic)
class TopicTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body")
    required_languages = ("en",)
