"""What the bot answers: one function per command or button, each returning the
replies to send. Plain Django code, in the chat's language (gettext through the
project's catalogs); `bot.views` parses updates and sends the replies with
python-telegram-bot.

Buttons carry short callback data (Telegram allows 64 bytes): ``lang:uz``,
``c:KR`` (country chosen), ``o:KR:7`` (occupation group), ``sub:<search>:i|d``,
``cancel:<subscription>``, ``follow:<agency>``, ``unfollow:<agency>``.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.template.defaultfilters import floatformat
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from agencies import verification
from agencies.models import Agency
from alerts import searches, selectors, services
from alerts.models import AgencyFollow, SavedSearch, Subscription
from vacancies import selectors as vacancy_selectors
from vacancies.filters import menu_choices

SHOWN_VACANCIES = 5
SHOWN_COUNTRIES = 12
LANGUAGE_NAMES = {"uz": "Oʻzbekcha", "kaa": "Qaraqalpaqsha", "ky": "Кыргызча", "ru": "Русский"}


@dataclass
class Reply:
    text: str
    buttons: list = field(default_factory=list)  # rows of (label, callback data or URL)

    def markup(self):
        if not self.buttons:
            return None
        rows = []
        for row in self.buttons:
            rows.append(
                [
                    InlineKeyboardButton(label, url=data)
                    if data.startswith("https://") or data.startswith("http://")
                    else InlineKeyboardButton(label, callback_data=data)
                    for label, data in row
                ]
            )
        return InlineKeyboardMarkup(rows)


def url(path):
    return settings.SITE_URL.rstrip("/") + path


# --- commands ----------------------------------------------------------------------------


def language_menu():
    return Reply(
        "Tilni tanlang · Tildi saylań · Тилди тандаңыз · Выберите язык",
        [[(name, f"lang:{code}")] for code, name in LANGUAGE_NAMES.items()],
    )


def help_text():
    return Reply(
        "\n".join(
            [
                _("I help you go abroad to work safely. Send me:"),
                _(
                    "• a phone number, Telegram or Instagram account, website, licence number or "
                    "name of a recruiter: I check it in the registry of licensed agencies;"
                ),
                "• /jobs — " + _("search vacancies and get alerts of new ones;"),
                "• /alerts — " + _("your alerts;"),
                "• /following — " + _("the agencies you follow;"),
                "• /bancheck — " + _("the entry-ban check;"),
                "• /language — " + _("change the language."),
            ]
        )
    )


def start(chat, payload):
    if payload.startswith("link-"):
        return link(chat, payload.removeprefix("link-"))
    if payload.startswith("s") and "_" in payload:
        search, _sep, frequency = payload[1:].partition("_")
        if search.isdigit() and frequency in ("i", "d"):
            return subscribe(chat, int(search), frequency)
    if payload.startswith("f") and payload[1:].isdigit():
        return follow(chat, int(payload[1:]))
    if not chat.language_chosen:
        return [language_menu()]
    return [help_text()]


def choose_language(chat, code):
    if code not in LANGUAGE_NAMES and code != "en":
        return [language_menu()]
    services.set_language(chat, code)
    translation.activate(code)
    return [help_text()]


def verify(text):
    """The registry's own verification (`agencies.verification.verify`), as on the
    web page, in a few lines."""
    result = verification.verify(text[:200])
    lines, buttons = [], []
    if result.verdict == verification.Verdict.UNKNOWN:
        lines.append(
            _(
                "Not found in the registry of licensed agencies. Do not pay this recruiter and "
                "do not give them your passport."
            )
        )
    elif result.verdict == verification.Verdict.NAME_ONLY:
        lines.append(
            _(
                "Only the name is like that of a registered agency. Recruiters borrow the names "
                "of real agencies: contact the agency only through the channels listed in the "
                "registry."
            )
        )
    elif result.verdict == verification.Verdict.LICENSED:
        lines.append(_("This is an official channel of a licensed agency."))
    else:
        lines.append(
            _(
                "This belongs to an agency whose licence is not in force today: it may not "
                "recruit you."
            )
        )
    for match in result.matches[:3]:
        agency = match.agency
        if match.licensed:
            status = _("licensed today for: %(countries)s") % {
                "countries": ", ".join(str(country) for country in match.countries)
            }
        else:
            status = _("no licence in force today")
        lines.append(f"\n{agency.legal_name} — {status}\n{url(agency.get_absolute_url())}")
        buttons.append(
            [(_("Follow %(agency)s") % {"agency": agency.legal_name[:40]}, f"follow:{agency.pk}")]
        )
    lines.append(
        "\n" + _("The same check on the web: %(url)s") % {"url": url(reverse("agencies:verify"))}
    )
    return [Reply("\n".join(lines), buttons)]


def jobs():
    countries = [c for c in vacancy_selectors.countries_by_open_vacancies() if c.open_vacancies]
    buttons = [
        [(f"{country} ({country.open_vacancies})", f"c:{country.code}")]
        for country in countries[:SHOWN_COUNTRIES]
    ]
    if not buttons:
        return [Reply(_("There are no open vacancies right now."))]
    return [Reply(_("Which country?"), buttons)]


def occupations(country):
    buttons = [[(_("All occupations"), f"o:{country}:")]]
    buttons += [[(label, f"o:{country}:{code}")] for code, label in menu_choices("occupation")]
    return [Reply(_("Which kind of work?"), buttons)]


def results(country, occupation):
    query = QueryDict(mutable=True)
    query["country"] = country
    if occupation:
        query["occupation"] = occupation
    filterset = vacancy_selectors.search(query)
    found = list(filterset.qs[:SHOWN_VACANCIES]) if filterset.is_valid() else []
    search = services.saved_search(query)
    lines = [searches.describe(search.query)]
    for vacancy in found:
        lines.append(
            f"\n{vacancy.title} — {vacancy.employer_name}\n"
            f"{floatformat(vacancy.wage_min, '0g')} {vacancy.wage_currency}\n"
            f"{url(vacancy.get_absolute_url())}"
        )
    if not found:
        lines.append(_("No open vacancy matches this search now."))
    lines.append("\n" + _("All of them: %(url)s") % {"url": url(searches.list_url(search.query))})
    buttons = [
        [(_("Alert me at once of new ones"), f"sub:{search.pk}:i")],
        [(_("Alert me once a day"), f"sub:{search.pk}:d")],
    ]
    return [Reply("\n".join(lines), buttons)]


def subscribe(chat, search_id, frequency):
    search = SavedSearch.objects.filter(pk=search_id).first()
    if search is None:
        return [Reply(_("This search no longer exists. Start again with /jobs."))]
    services.subscribe_chat(
        search,
        chat,
        frequency=Subscription.Frequency.DAILY if frequency == "d" else "instant",
    )
    return [
        Reply(
            _("Done. I will tell you of new vacancies: %(search)s. See your alerts with /alerts.")
            % {"search": searches.describe(search.query) or _("all vacancies")}
        )
    ]


def alerts(chat):
    subscriptions = list(selectors.subscriptions_of_chat(chat))
    if not subscriptions:
        return [Reply(_("You have no alerts. Search with /jobs and press “Alert me”."))]
    lines, buttons = [_("Your alerts:")], []
    for number, subscription in enumerate(subscriptions, 1):
        lines.append(
            f"{number}. {searches.describe(subscription.search.query) or _('all vacancies')} "
            f"({subscription.get_frequency_display()})"
        )
        buttons.append(
            [(_("Stop alert %(number)d") % {"number": number}, f"cancel:{subscription.pk}")]
        )
    return [Reply("\n".join(lines), buttons)]


def cancel(chat, subscription_id):
    subscription = Subscription.objects.filter(pk=subscription_id, chat=chat).first()
    if subscription is not None:
        services.unsubscribe(subscription)
    return [Reply(_("The alert is stopped.")), *alerts(chat)]


def follow(chat, agency_id):
    agency = Agency.objects.filter(pk=agency_id).first()
    if agency is None:
        return [Reply(_("This agency is not in the registry."))]
    services.follow(chat, agency)
    return [
        Reply(
            _(
                "You follow %(agency)s. If its licence is suspended, revoked, expires or stops "
                "covering a country, I will tell you at once."
            )
            % {"agency": agency.legal_name}
        )
    ]


def following(chat):
    follows = list(AgencyFollow.objects.filter(chat=chat).select_related("agency"))
    if not follows:
        return [
            Reply(
                _(
                    "You follow no agency. Send me an agency's name, phone or website, "
                    "then press “Follow”."
                )
            )
        ]
    return [
        Reply(
            _("You follow:"),
            [
                [
                    (
                        _("Stop following %(agency)s") % {"agency": f.agency.legal_name[:40]},
                        f"unfollow:{f.agency_id}",
                    )
                ]
                for f in follows
            ],
        )
    ]


def unfollow(chat, agency_id):
    services.unfollow(chat, agency_id)
    return [Reply(_("Done: you no longer follow this agency."))]


def link(chat, code):
    if not code.strip():
        return [Reply(_("Send /link and the code from the “My alerts” page of the portal."))]
    if services.link_chat(chat, code):
        return [
            Reply(
                _(
                    "This chat is now linked to your portal account. News of your "
                    "applications will come here."
                )
            )
        ]
    return [Reply(_("This code is wrong or too old. Make a new one on the portal."))]


def ban_check():
    """Not in the bot, by design: what a person types here stays on Telegram's servers."""
    return [
        Reply(
            _(
                "The entry-ban check is not offered here. Messages in Telegram are kept on "
                "Telegram's servers, and your name and date of birth must not be stored "
                "anywhere. Use the private form on the portal: nothing you type there is kept."
            )
            + "\n"
            + url(reverse("blacklist:check"))
        )
    ]


COMMANDS = {
    "/help": lambda chat, arg: [help_text()],
    "/language": lambda chat, arg: [language_menu()],
    "/jobs": lambda chat, arg: jobs(),
    "/alerts": lambda chat, arg: alerts(chat),
    "/following": lambda chat, arg: following(chat),
    "/link": lambda chat, arg: link(chat, arg),
    "/bancheck": lambda chat, arg: ban_check(),
    "/verify": lambda chat, arg: verify(arg) if arg else [help_text()],
    "/start": start,
}

BUTTONS = {
    "lang": lambda chat, arg: choose_language(chat, arg),
    "c": lambda chat, arg: occupations(arg),
    "o": lambda chat, arg: results(*arg.split(":", 1)),
    "sub": lambda chat, arg: subscribe(chat, *_search_and_frequency(arg)),
    "cancel": lambda chat, arg: cancel(chat, int(arg)),
    "follow": lambda chat, arg: follow(chat, int(arg)),
    "unfollow": lambda chat, arg: unfollow(chat, int(arg)),
}


def _search_and_frequency(arg):
    search, _sep, frequency = arg.partition(":")
    return int(search), frequency


def on_text(chat, text):
    text = (text or "").strip()
    if text.startswith("/"):
        command, _sep, arg = text.partition(" ")
        handler = COMMANDS.get(command.split("@")[0].lower())
        return handler(chat, arg.strip()) if handler else [help_text()]
    if not text:
        return [help_text()]
    return verify(text)


def on_button(chat, data):
    name, _sep, arg = (data or "").partition(":")
    handler = BUTTONS.get(name)
    if handler is None:
        return [help_text()]
    try:
        return handler(chat, arg)
    except (ValueError, TypeError, ValidationError):
        return [help_text()]
