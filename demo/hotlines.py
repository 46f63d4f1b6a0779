"""Demo hotlines. The numbers are fictional and say so: a deployment enters the
real ones in the admin."""

from portal.models import Hotline

HOTLINES = [
    {
        "key": "uz-migration-agency",
        "country": "UZ",
        "phone": "+998 71 000 00 00",
        "name": {
            "en": "Migration Agency of Uzbekistan (demo number)",
            "uz": "Oʻzbekiston Migratsiya agentligi (namunaviy raqam)",
            "kaa": "Ózbekstan Migraciya agentligi (úlgi nomer)",
            "ky": "Өзбекстандын Миграция агенттиги (үлгү номер)",
            "ru": "Агентство миграции Узбекистана (демонстрационный номер)",
        },
        "hours": {
            "en": "Every day, 24 hours",
            "uz": "Har kuni, 24 soat",
            "kaa": "Hár kúni, 24 saat",
            "ky": "Күн сайын, 24 саат",
            "ru": "Ежедневно, круглосуточно",
        },
    },
    {
        "key": "kg-employment-abroad",
        "country": "KG",
        "phone": "+996 312 000 000",
        "name": {
            "en": "Center for Employment of Citizens Abroad, Kyrgyzstan (demo number)",
            "uz": "Qirgʻiziston fuqarolarini xorijda ishga joylashtirish markazi (namunaviy raqam)",
            "kaa": "Qırǵızstan puqaraların shet elde jumısqa ornalastırıw orayı (úlgi nomer)",
            "ky": "Кыргызстандын жарандарын чет өлкөдө жумушка орноштуруу борбору (үлгү номер)",
            "ru": "Центр занятости граждан за рубежом, Кыргызстан (демонстрационный номер)",
        },
        "hours": {
            "en": "Monday to Friday, 9:00-18:00",
            "uz": "Dushanbadan jumagacha, 9:00-18:00",
            "kaa": "Dúyshembiden juma kúnine shekem, 9:00-18:00",
            "ky": "Дүйшөмбүдөн жумага чейин, 9:00-18:00",
            "ru": "С понедельника по пятницу, 9:00-18:00",
        },
    },
]


def seed():
    for order, entry in enumerate(HOTLINES):
        values = {"phone": entry["phone"], "order": order, "country": entry["country"]}
        for field in ("name", "hours"):
            for lang, text in entry[field].items():
                values[f"{field}_{lang}"] = text
        Hotline.objects.update_or_create(phone=entry["phone"], defaults=values)
    return f"{len(HOTLINES)} hotlines"
