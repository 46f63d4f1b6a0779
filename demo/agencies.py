"""Demo registry: a Kyrgyz authority with about 180 agencies spread over destinations
as in the August 2024 list, and an Uzbek authority with 16 active, 59 surrendered and
12 revoked licences (figures of 1 October 2024). Agencies, people, numbers and
handles are fictional; websites use the reserved ``.example`` domain.

Rows are bulk-created with their history already written, so a run takes well under
a second; a second run finds the authorities' demo agencies and changes nothing.
"""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from agencies import channels
from agencies.models import (
    Agency,
    AgencyChannel,
    Deposit,
    DepositMovement,
    Licence,
    LicenceDestination,
    LicenceEvent,
    LicenceStatus,
    LicensingAuthority,
    MinimumDeposit,
)
from spelling import search_key, search_words

KG_DESTINATIONS = {
    "TR": 54, "PL": 36, "BG": 33, "RU": 26, "HU": 26, "DE": 20, "LT": 20, "AE": 17,
    "SK": 15, "QA": 13, "KW": 11, "SA": 8, "LV": 8, "BY": 7, "BH": 5, "JP": 5, "CZ": 5,
    "OM": 3, "DK": 3, "EE": 2, "GB": 2, "KR": 1, "FI": 1, "EG": 1, "RS": 1, "HR": 1,
}  # fmt: skip
KG_AGENCIES = 180
UZ_COUNTS = {"active": 16, "surrendered": 59, "revoked": 12}
UZ_DESTINATIONS = ["RU", "KZ", "TR", "KR", "GB", "DE", "HR", "SK", "RS", "QA", "PL", "LT"]

AUTHORITIES = {
    # Kyrgyz agencies are licensed by the Ministry; its Center for Employment of
    # Citizens Abroad monitors them (ICMPD 2024, section 2.1).
    "KG": {
        "name": {
            "en": "Ministry of Labour, Social Security and Migration",
            "ru": "Министерство труда, социального обеспечения и миграции",
            "ky": "Эмгек, социалдык камсыздоо жана миграция министрлиги",
            "uz": "Mehnat, ijtimoiy taʼminot va migratsiya vazirligi",
            "kaa": "Miynet, social támiynat hám migraciya ministrligi",
        },
        "website": "https://employment-abroad.example",
        "phone": "+996 312 000 000",
        "max_service_fee": None,
        "max_service_fee_currency": "",
        "minimums": [(Decimal("100000"), "KGS", datetime.date(2019, 4, 1))],
    },
    "UZ": {
        "name": {
            "en": "Migration Agency under the Cabinet of Ministers",
            "ru": "Агентство миграции при Кабинете Министров",
            "ky": "Министрлер Кабинетине караштуу Миграция агенттиги",
            "uz": "Vazirlar Mahkamasi huzuridagi Migratsiya agentligi",
            "kaa": "Ministrler Kabineti janındaǵı Migraciya agentligi",
        },
        "website": "https://migration-agency.example",
        "phone": "+998 71 000 00 00",
        "max_service_fee": Decimal("300000"),
        "max_service_fee_currency": "UZS",
        "minimums": [
            (Decimal("50000"), "USD", datetime.date(2018, 10, 16)),
            # The sources give no date for the rise from 50,000 to about 200,000 USD:
            # the ICMPD study (October 2024, section 2.1) reports it as recent. The
            # model needs a date, so the demo uses the study's reference date;
            # a deployment enters the date of the act that raised it.
            (Decimal("200000"), "USD", datetime.date(2024, 10, 1)),
        ],
    },
}

KG_FIRST = [
    "Ала-Тоо", "Тулпар", "Нур", "Ак-Кайың", "Сапат", "Бакыт", "Асман", "Ынтымак", "Кут",
    "Жаңы Жол", "Эл-Агым", "Мээрим", "Береке", "Алтын", "Көк-Жар", "Sapar", "Aiyl",
    "Tengri", "Kelechek", "Ordo",
]  # fmt: skip
KG_SECOND = [
    "Жумуш", "Кадр", "Сервис", "Трудоустройство", "Recruitment", "Employment", "Work",
    "Консалтинг", "Group",
]  # fmt: skip
UZ_FIRST = [
    "Ipak Yoʻli", "Ипак Йули", "Samarqand", "Zarafshon", "Orzu", "Baraka", "Nurafshon",
    "Yangi Avlod", "Turon", "Бахт", "Мехнат", "Sharq", "Umid", "Osiyo", "Navbahor",
]  # fmt: skip
UZ_SECOND = [
    "Servis", "Сервис", "Ish Markazi", "Employment", "Kadrlar", "Consulting", "Travel Work",
]  # fmt: skip
# Regions and streets in every language (en, uz, kaa, ky, ru): an agency's page
# says where it is in its reader's language.
REGIONS = {
    "KG": [
        ("Bishkek", "Bishkek", "Bishkek", "Бишкек", "Бишкек"),
        ("Osh", "Oʻsh", "Osh", "Ош", "Ош"),
        ("Chüy Region", "Chuy viloyati", "Shuy wálayatı", "Чүй облусу", "Чуйская область"),
        (
            "Jalal-Abad Region",
            "Jalolobod viloyati",
            "Jalalabad wálayatı",
            "Жалал-Абад облусу",
            "Джалал-Абадская область",
        ),
        (
            "Issyk-Kul Region",
            "Issiqkoʻl viloyati",
            "Issıqkól wálayatı",
            "Ысык-Көл облусу",
            "Иссык-Кульская область",
        ),
        ("Naryn Region", "Norin viloyati", "Narın wálayatı", "Нарын облусу", "Нарынская область"),
        ("Talas Region", "Talas viloyati", "Talas wálayatı", "Талас облусу", "Таласская область"),
        (
            "Batken Region",
            "Botken viloyati",
            "Batken wálayatı",
            "Баткен облусу",
            "Баткенская область",
        ),
    ],
    "UZ": [
        ("Tashkent", "Toshkent", "Tashkent", "Ташкент", "Ташкент"),
        (
            "Samarkand Region",
            "Samarqand viloyati",
            "Samarqand wálayatı",
            "Самарканд облусу",
            "Самаркандская область",
        ),
        (
            "Fergana Region",
            "Fargʻona viloyati",
            "Ferǵana wálayatı",
            "Фергана облусу",
            "Ферганская область",
        ),
        (
            "Andijan Region",
            "Andijon viloyati",
            "Andijan wálayatı",
            "Анжиян облусу",
            "Андижанская область",
        ),
        (
            "Namangan Region",
            "Namangan viloyati",
            "Namangan wálayatı",
            "Наманган облусу",
            "Наманганская область",
        ),
        (
            "Republic of Karakalpakstan",
            "Qoraqalpogʻiston Respublikasi",
            "Qaraqalpaqstan Respublikası",
            "Каракалпакстан Республикасы",
            "Республика Каракалпакстан",
        ),
        (
            "Bukhara Region",
            "Buxoro viloyati",
            "Buxara wálayatı",
            "Бухара облусу",
            "Бухарская область",
        ),
    ],
}
KG_PHONE_PREFIXES = ["555", "700", "770", "999", "550"]
UZ_PHONE_PREFIXES = ["90", "91", "93", "94", "97", "99"]
# A street name (en, uz, kaa, ky, ru); the Russian in the genitive after "ул.".
STREETS = [
    ("Chui", "Chuy", "Shuy", "Чүй", "Чуй"),
    ("Mustaqillik", "Mustaqillik", "Ǵárezsizlik", "Мустакиллик", "Мустакиллик"),
    ("Amir Temur", "Amir Temur", "Ámir Temur", "Амир Темур", "Амира Темура"),
    ("Manas", "Manas", "Manas", "Манас", "Манаса"),
    ("Navoiy", "Navoiy", "Nawayı", "Навои", "Навои"),
]
ADDRESS = {
    "en": "{number}, {street} St.",
    "uz": "{street} koʻchasi, {number}",
    "kaa": "{street} kóshesi, {number}",
    "ky": "{street} көчөсү, {number}",
    "ru": "ул. {street}, {number}",
}
LANGUAGES = ("en", "uz", "kaa", "ky", "ru")
TAX_PREFIX = {"KG": "0999", "UZ": "39"}  # demo tax numbers start with these


def _slug(text):
    return "-".join(search_words(text))[:40]


def _authority(code):
    spec = AUTHORITIES[code]
    values = {
        "website": spec["website"],
        "phone": spec["phone"],
        "max_service_fee": spec["max_service_fee"],
        "max_service_fee_currency": spec["max_service_fee_currency"],
        "name": spec["name"]["en"],
        **{f"name_{lang}": text for lang, text in spec["name"].items()},
    }
    authority, _ = LicensingAuthority.objects.update_or_create(country=code, defaults=values)
    for amount, currency, applies_from in spec["minimums"]:
        MinimumDeposit.objects.get_or_create(
            authority=authority,
            applies_from=applies_from,
            defaults={"amount": amount, "currency": currency},
        )
    return authority


def _names(code, count, rng):
    first, second = (KG_FIRST, KG_SECOND) if code == "KG" else (UZ_FIRST, UZ_SECOND)
    legal = "ОсОО" if code == "KG" else "MChJ"
    names, seen = [], set()
    while len(names) < count:
        name = f"{rng.choice(first)} {rng.choice(second)}"
        if name in seen:
            name = f"{name} {len(names) + 1}"
        seen.add(name)
        names.append(f'{legal} "{name}"')
    return names


class _Builder:
    """Collects rows for one authority and writes them with bulk_create."""

    def __init__(self, authority, rng, today):
        self.authority = authority
        self.code = authority.country.code
        self.rng = rng
        self.today = today
        self.channels, self.licences, self.destinations = [], [], []
        self.events, self.deposits, self.movements = [], [], []

    def agencies(self, count):
        rows = []
        for index, name in enumerate(_names(self.code, count, self.rng), start=1):
            digits = 14 if self.code == "KG" else 9
            tax = f"{TAX_PREFIX[self.code]}{index:0{digits - len(TAX_PREFIX[self.code])}d}"
            rows.append(
                Agency(
                    country=self.code,
                    legal_name=name,
                    brand_names=name.split('"')[1],
                    tax_number=tax,
                    **self._where(),
                    search_key=search_key(name, name.split(chr(34))[1]),
                )
            )
        return Agency.objects.bulk_create(rows)

    def _where(self):
        """The region and address fields, in every language."""
        region = self.rng.choice(REGIONS[self.code])
        street = self.rng.choice(STREETS)
        number = self.rng.randint(1, 180)
        fields = {
            "region": region[0],
            "address": ADDRESS["en"].format(number=number, street=street[0]),
        }
        for index, lang in enumerate(LANGUAGES):
            fields[f"region_{lang}"] = region[index]
            fields[f"address_{lang}"] = ADDRESS[lang].format(number=number, street=street[index])
        return fields

    def add_channels(self, agency, index):
        slug = f"{_slug(agency.brand_names)}-{index}"
        if self.code == "KG":
            phone = f"+996{KG_PHONE_PREFIXES[index % 5]}{100000 + index * 37 % 899999:06d}"
        else:
            phone = f"+998{UZ_PHONE_PREFIXES[index % 6]}{1000000 + index * 7919 % 8999999:07d}"
        handle = slug.replace("-", "_")[:30]
        values = [
            (AgencyChannel.PHONE, phone),
            (AgencyChannel.WEBSITE, f"https://{slug}.example"),
            (AgencyChannel.TELEGRAM, f"https://t.me/{handle}"),
            (AgencyChannel.EMAIL, f"info@{slug}.example"),
        ]
        if self.code == "KG":
            values += [(AgencyChannel.WHATSAPP, phone), (AgencyChannel.INSTAGRAM, f"@{handle}")]
        for kind, value in values:
            self.channels.append(
                AgencyChannel(
                    agency=agency,
                    kind=kind,
                    value=value,
                    normalised=channels.normalise_for_kind(kind, value),
                )
            )

    def add_deposit(self, agency, balance, currency, lodged_on, *, drawn=Decimal("0")):
        deposit = Deposit(
            agency=agency,
            authority=self.authority,
            form=Deposit.Form.CASH,
            bank="Demo Bank",
            reference=f"DEP-{self.code}-{agency.tax_number[-5:]}",
            currency=currency,
            lodged_on=lodged_on,
        )
        self.deposits.append(deposit)
        self.movements.append((deposit, "lodged", balance + drawn, lodged_on, ""))
        if drawn:
            case = f"CASE-{self.today.year}-{agency.tax_number[-4:]}"
            self.movements.append(
                (deposit, "drawn", drawn, self.today - datetime.timedelta(days=40), case)
            )
        return deposit

    def add_licence(
        self, agency, index, issued_on, expires_on, history, destinations, per_destination_year
    ):
        status = history[-1][1] if history else LicenceStatus.ACTIVE
        licence = Licence(
            authority=self.authority,
            agency=agency,
            number=f"{self.code}-PEA-{index:04d}",
            number_normalised=channels.normalise_licence_number(f"{self.code}-PEA-{index:04d}"),
            issued_on=issued_on,
            expires_on=expires_on,
            status=status,
            status_since=history[-1][0] if history else issued_on,
        )
        self.licences.append(licence)
        self.events.append((licence, issued_on, "", LicenceStatus.ACTIVE, "", "Licence issued"))
        previous = LicenceStatus.ACTIVE
        for date, to_status, reason, basis in history:
            self.events.append((licence, date, previous, to_status, reason, basis))
            previous = to_status
        for country in destinations:
            if per_destination_year:
                valid_from = max(
                    issued_on, self.today - datetime.timedelta(days=self.rng.randint(30, 330))
                )
                valid_until = min(expires_on, valid_from + datetime.timedelta(days=365))
            else:
                valid_from, valid_until = issued_on, expires_on
            self.destinations.append(
                LicenceDestination(
                    licence=licence, country=country, valid_from=valid_from, valid_until=valid_until
                )
            )

    def save(self):
        AgencyChannel.objects.bulk_create(self.channels)
        Licence.objects.bulk_create(self.licences)
        for destination in self.destinations:
            destination.licence_id = destination.licence.pk
        LicenceDestination.objects.bulk_create(self.destinations)
        LicenceEvent.objects.bulk_create(
            LicenceEvent(
                licence_id=licence.pk,
                date=date,
                from_status=from_status,
                to_status=to_status,
                reason=reason,
                legal_basis=basis,
            )
            for licence, date, from_status, to_status, reason, basis in self.events
        )
        Deposit.objects.bulk_create(self.deposits)
        DepositMovement.objects.bulk_create(
            DepositMovement(
                deposit_id=deposit.pk, kind=kind, amount=amount, date=date, complaint_case=case
            )
            for deposit, kind, amount, date, case in self.movements
        )


def _seed_kyrgyzstan(authority, today):
    rng = random.Random(175)  # noqa: S311  # Government Resolution No. 175 of 2019
    builder = _Builder(authority, rng, today)
    agencies = builder.agencies(KG_AGENCIES)
    # Spread the destination permits as in the August 2024 list: each destination
    # goes to that many distinct agencies, and every agency holds at least one.
    permits = [country for country, count in KG_DESTINATIONS.items() for _ in range(count)]
    rng.shuffle(permits)
    destinations = {agency.pk: [permits[i]] for i, agency in enumerate(agencies)}
    order = [agency.pk for agency in agencies]
    for country in permits[len(agencies) :]:
        pk = rng.choice([pk for pk in order if country not in destinations[pk]])
        destinations[pk].append(country)
    for index, agency in enumerate(agencies, start=1):
        builder.add_channels(agency, index)
        issued_on = today - datetime.timedelta(days=rng.randint(120, 1400))
        expires_on = issued_on + datetime.timedelta(days=5 * 365)
        history = []
        drawn = Decimal("0")
        if index % 30 == 0:  # suspended now, deposit drawn below the minimum
            drawn = Decimal(rng.choice([20000, 35000, 60000]))
            history.append(
                (today - datetime.timedelta(days=rng.randint(5, 60)), LicenceStatus.SUSPENDED,
                 "Complaints from workers about unpaid wages; deposit drawn to compensate.",
                 "Order of the Center No. 12-p")
            )  # fmt: skip
        elif index % 11 == 0:  # suspended in the past, then reinstated
            date = today - datetime.timedelta(days=rng.randint(200, 400))
            history += [
                (
                    date,
                    LicenceStatus.SUSPENDED,
                    "No pre-departure briefing given to workers.",
                    "Inspection report No. 7",
                ),
                (
                    date + datetime.timedelta(days=45),
                    LicenceStatus.ACTIVE,
                    "Briefings organised and checked.",
                    "Inspection report No. 9",
                ),
            ]
        elif index % 45 == 1:  # below the minimum though still active (to be followed up)
            drawn = Decimal("15000")
        if index % 20 == 7:  # expiring within 30 days
            expires_on = today + datetime.timedelta(days=rng.randint(3, 29))
            issued_on = expires_on - datetime.timedelta(days=5 * 365)
        builder.add_deposit(agency, Decimal("100000") - drawn, "KGS", issued_on, drawn=drawn)
        builder.add_licence(
            agency, index, issued_on, expires_on, history, destinations[agency.pk], True
        )
    builder.save()
    return len(agencies)


def _seed_uzbekistan(authority, today):
    rng = random.Random(2018)  # noqa: S311  # the Law "On Private Employment Agencies", 2018
    builder = _Builder(authority, rng, today)
    count = sum(UZ_COUNTS.values())
    agencies = builder.agencies(count)
    statuses = (
        ["active"] * UZ_COUNTS["active"]
        + ["surrendered"] * UZ_COUNTS["surrendered"]
        + ["revoked"] * UZ_COUNTS["revoked"]
    )
    rng.shuffle(statuses)
    for index, (agency, status) in enumerate(zip(agencies, statuses, strict=True), start=1):
        builder.add_channels(agency, index)
        issued_on = datetime.date(2019, 1, 15) + datetime.timedelta(days=rng.randint(0, 1800))
        expires_on = issued_on + datetime.timedelta(days=5 * 365)
        ended = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randint(0, 270))
        history = []
        if status == "surrendered":
            history.append(
                (
                    ended,
                    LicenceStatus.SURRENDERED,
                    "Ended at the licensee's request.",
                    "Application of the agency",
                )
            )
        elif status == "revoked":
            history += [
                (
                    ended - datetime.timedelta(days=60),
                    LicenceStatus.SUSPENDED,
                    "Criminal case opened against the agency's managers.",
                    "Decision of the Migration Agency",
                ),
                (
                    ended,
                    LicenceStatus.REVOKED,
                    "Criminal case: workers sent abroad on tourist visas.",
                    "Court decision",
                ),
            ]
        else:
            expires_on = max(expires_on, today + datetime.timedelta(days=rng.randint(10, 900)))
        amount = Decimal("200000") if status == "active" else Decimal("50000")
        deposit = builder.add_deposit(agency, amount, "USD", issued_on)
        if status == "surrendered":
            builder.movements.append(
                (deposit, "released", amount, ended + datetime.timedelta(days=30), "")
            )
        destinations = rng.sample(UZ_DESTINATIONS, rng.randint(1, 4))
        builder.add_licence(agency, index, issued_on, expires_on, history, destinations, False)
    builder.save()
    return len(agencies)


def seed():
    today = timezone.localdate()
    summary = []
    for code, seeder in (("KG", _seed_kyrgyzstan), ("UZ", _seed_uzbekistan)):
        authority = _authority(code)
        if Agency.objects.filter(country=code, tax_number__startswith=TAX_PREFIX[code]).exists():
            summary.append(f"{code}: already loaded")
            continue
        summary.append(f"{code}: {seeder(authority, today)} agencies")
    return ", ".join(summary)
