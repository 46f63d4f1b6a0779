"""Demo help desk: fictional responder organisations, a routing table and a few
fictional cases in every state (urgent, not picked up, routed, closed). Nobody in
them is real; their contacts are reserved-looking demo numbers."""

from datetime import timedelta

from django.utils import timezone

from directory.models import Organisation
from helpdesk import services
from helpdesk.models import Case, Responder, Route
from partners.models import Partner

RESPONDERS = [
    # (name, directory key, partner name)
    (
        "Legal aid desk for migrants in Russia (demo)",
        "demo-ru-hotline",
        "Migrant legal aid network (demo partner)",
    ),
    ("Shelter for women and children (demo)", "demo-ru-shelter", None),
    ("Migrant workers' centre, Ansan (demo)", "demo-kr-centre", None),
    ("Portal help desk (demo)", None, None),
]

ROUTES = [
    # (country, category, responder index)
    ("RU", "", 0),
    ("RU", "violence", 1),
    ("RU", "trafficking", 1),
    ("KR", "", 2),
    ("", "", 3),
]

CASES = [
    # (days ago, category, country, city, channel, contact, language, description, steps)
    # The city and the description as the person wrote them, in the case's language.
    (
        0,
        "unpaid_wages",
        "RU",
        "Qozon",
        "phone",
        "+998900000101",
        "uz",
        "Namuna: qurilishda brigadir uch oydan beri ish haqimni toʻlamayapti.",
        [],
    ),
    (
        2,
        "registration",
        "RU",
        "Москва",
        "telegram",
        "@demo_migrant_02",
        "ky",
        "Үлгү: каттоомдун мөөнөтү кийинки жумада бүтөт, үй ээси узартып бербей жатат.",
        [],
    ),
    (
        0,
        "violence",
        "RU",
        "Москва",
        "whatsapp",
        "+996700000103",
        "ru",
        "Демо: работодатель угрожает мне и держит у себя мой паспорт.",
        [],
    ),
    (
        5,
        "health",
        "KR",
        "Ansan",
        "phone",
        "+998900000104",
        "kaa",
        "Úlgi: zavodta qolımdı jaraqatladım, isley almayman.",
        ["route"],
    ),
    (
        9,
        "recruiter_fraud",
        "TR",
        "Istanbul",
        "telegram",
        "@demo_migrant_05",
        "uz",
        "Namuna: yollovchi 800 AQSH dollari oldi, ish esa yoʻq ekan.",
        ["route", "progress"],
    ),
    (
        40,
        "documents",
        "RU",
        "Новосибирск",
        "phone",
        "+996700000106",
        "ky",
        "Үлгү: паспортумду жоготуп алдым, мекенге кайтуу күбөлүгү керек.",
        ["route", "close"],
    ),
]


def seed():
    if Responder.objects.filter(name=RESPONDERS[0][0]).exists():
        return "already seeded"
    responders = []
    for name, key, partner_name in RESPONDERS:
        organisation = Organisation.objects.filter(external_id=key).first() if key else None
        partner = Partner.objects.get_or_create(name=partner_name)[0] if partner_name else None
        responders.append(
            Responder.objects.create(name=name, organisation=organisation, partner=partner)
        )
    for country, category, index in ROUTES:
        Route.objects.create(country=country, category=category, responder=responders[index])
    now = timezone.now()
    for days, category, country, city, channel, contact, language, text, steps in CASES:
        case = services.submit_case(
            category=category,
            country=country,
            city=city,
            channel=channel,
            contact=contact,
            language=language,
            description=text,
        )
        Case.objects.filter(pk=case.pk).update(created_at=now - timedelta(days=days))
        case.refresh_from_db()
        if "route" in steps:
            services.route(case, None)
        if "progress" in steps:
            services.change_status(case, Case.Status.IN_PROGRESS)
        if "close" in steps:
            services.close(case, Case.Outcome.RESOLVED)
    return f"{len(RESPONDERS)} responders, {len(ROUTES)} routes, {len(CASES)} cases"
