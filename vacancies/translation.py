from modeltranslation.translator import TranslationOptions, register

from vacancies.models import GUIDE_SECTIONS, Country, Occupation, Vacancy


@register(Country)
class CountryTranslationOptions(TranslationOptions):
    fields = ("name", *(field for field, _label in GUIDE_SECTIONS))
    required_languages = ("en",)


@register(Occupation)
class OccupationTranslationOptions(TranslationOptions):
    fields = ("title",)
    required_languages = ("en",)


@register(Vacancy)
class VacancyTranslationOptions(TranslationOptions):
    fields = ("title", "description", "qualifications")
    required_languages = ("en",)
