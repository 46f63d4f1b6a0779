"""Normalise the ways people write a recruiter's phone, website, handle or number.

A recruiter's Telegram is pasted as ``https://t.me/Foo``, ``t.me/foo``, ``@foo`` or
``telegram.me/foo``; a phone as ``+998 (90) 123-45-67`` or ``90 123 45 67``. This is
the one place that turns any of them into the value stored in
``AgencyChannel.normalised``, so the model, the verify tool, the admin search and the
partner feeds all compare the same strings.
"""

import re
import unicodedata
from urllib.parse import parse_qs, urlsplit

import phonenumbers

from spelling import search_words

PHONE = "phone"
WEBSITE = "website"
TELEGRAM = "telegram"
INSTAGRAM = "instagram"
WHATSAPP = "whatsapp"
EMAIL = "email"
LICENCE = "licence"
TAX = "tax"
NAME = "name"

# Uzbekistan first: most users are Uzbek; then Kyrgyzstan.
DEFAULT_REGIONS = ("UZ", "KG")

TELEGRAM_HOSTS = {"t.me", "telegram.me", "telegram.dog"}
INSTAGRAM_HOSTS = {"instagram.com", "instagr.am"}
WHATSAPP_HOSTS = {"wa.me", "api.whatsapp.com", "chat.whatsapp.com", "whatsapp.com"}

_HANDLE = re.compile(r"[a-z0-9_.]{3,64}")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[a-z]{2,}")
_PHONE_CHARS = re.compile(r"[+\d\s()\-.]{7,30}")
_HOST = re.compile(r"(?:[a-z0-9-]+\.)+[a-z]{2,}")
_MAX_LENGTH = 500


def _clean(text):
    """NFC, no control characters, no surrounding spaces, bounded length."""
    text = unicodedata.normalize("NFC", str(text or ""))[:_MAX_LENGTH]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    return text.strip()


def normalise_phone(text):
    """E.164 (``+998901234567``) or "" when it is not a valid phone number."""
    text = _clean(text)
    if not _PHONE_CHARS.fullmatch(text):
        return ""
    digits = re.sub(r"\D", "", text)
    candidates = [text] if text.startswith("+") else [text, f"+{digits}"]
    for candidate in candidates:
        for region in DEFAULT_REGIONS:
            try:
                number = phonenumbers.parse(candidate, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return ""


def normalise_licence_number(text):
    """Upper-case letters and digits only: ``№ KG-PEA 0012`` is ``KGPEA0012``."""
    text = _clean(text).upper().replace("№", "")
    return "".join(ch for ch in text if ch.isalnum())


def normalise_tax_number(text):
    """Digits only: tax numbers are written with spaces or dashes between groups."""
    return re.sub(r"\D", "", _clean(text))


def _url_parts(text):
    lowered = text.lower()
    if "://" not in lowered:
        lowered = f"//{lowered}"
    try:
        parts = urlsplit(lowered)
        host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    except ValueError:
        return "", "", ""
    return host, parts.path.strip("/"), parts.query


def _handle(path):
    first = path.split("/")[0].lstrip("@") if path else ""
    return first if _HANDLE.fullmatch(first) else ""


def _whatsapp_number(path, query):
    """The number in ``wa.me/998901234567`` or ``api.whatsapp.com/send?phone=...``."""
    number = path.split("/")[-1].lstrip("+") if path else ""
    if not number.isdigit():
        number = (parse_qs(query).get("phone") or [""])[0]
    return normalise_phone("+" + re.sub(r"\D", "", number)) if number else ""


def normalise_channel(text):
    """Return ``(kind, value)`` for a pasted contact, or ``("", "")`` for nothing usable.

    Kinds: phone, website, telegram, instagram, whatsapp, email, licence, tax, name.
    A bare ``@handle`` is taken as Telegram, which is what recruiters use most; see
    `lookup_keys` for every reading of an ambiguous input.
    """
    keys = lookup_keys(text)
    return keys[0] if keys else ("", "")


def lookup_keys(text):
    """Every plausible ``(kind, value)`` reading of a pasted contact, likeliest first.

    ``901234567`` is an Uzbek mobile number and also a 9-digit Uzbek tax number;
    ``@foo`` may be Telegram or Instagram. The verify tool looks all of them up.
    """
    text = _clean(text)
    if not text:
        return []
    lowered = text.lower()
    keys = []

    if _EMAIL.fullmatch(lowered) and not lowered.startswith("@"):
        return [(EMAIL, lowered)]

    host, path, query = _url_parts(text) if " " not in text else ("", "", "")
    if host in TELEGRAM_HOSTS and (handle := _handle(path)):
        return [(TELEGRAM, handle)]
    if host in INSTAGRAM_HOSTS and (handle := _handle(path)):
        return [(INSTAGRAM, handle)]
    if host in WHATSAPP_HOSTS and (phone := _whatsapp_number(path, query)):
        return [(WHATSAPP, phone)]

    if lowered.startswith("@") and _HANDLE.fullmatch(lowered[1:]):
        return [(TELEGRAM, lowered[1:]), (INSTAGRAM, lowered[1:])]

    if phone := normalise_phone(text):
        keys += [(PHONE, phone), (WHATSAPP, phone)]

    digits = normalise_tax_number(text)
    if digits and re.fullmatch(r"[\d\s\-]+", text) and len(digits) in (9, 14):
        keys.append((TAX, digits))

    if host and _HOST.fullmatch(host) and not phone and host not in WHATSAPP_HOSTS:
        keys.append((WEBSITE, host))

    if any(ch.isdigit() for ch in text) and len(text) <= 40:
        number = normalise_licence_number(text)
        if number and not phone:
            keys.append((LICENCE, number))

    if _HANDLE.fullmatch(lowered) and not lowered.isdigit() and "." not in lowered:
        keys += [(TELEGRAM, lowered), (INSTAGRAM, lowered)]

    is_host = bool(host and _HOST.fullmatch(host))
    name = " ".join(search_words(text)) if not (phone or is_host or "://" in text) else ""
    if name and any(ch.isalpha() for ch in text):
        keys.append((NAME, name))
    return keys


def normalise_for_kind(kind, text):
    """The stored form of a channel whose kind is already known (the admin form)."""
    text = _clean(text)
    if kind in (PHONE, WHATSAPP):
        host, path, query = _url_parts(text)
        if host in WHATSAPP_HOSTS:
            return _whatsapp_number(path, query)
        return normalise_phone(text)
    if kind in (TELEGRAM, INSTAGRAM):
        host, path, _query = _url_parts(text)
        hosts = TELEGRAM_HOSTS if kind == TELEGRAM else INSTAGRAM_HOSTS
        if host in hosts:
            return _handle(path)
        handle = text.lower().lstrip("@")
        return handle if _HANDLE.fullmatch(handle) else ""
    if kind == WEBSITE:
        host, _path, _query = _url_parts(text)
        return host if _HOST.fullmatch(host or "") else ""
    if kind == EMAIL:
        lowered = text.lower()
        return lowered if _EMAIL.fullmatch(lowered) else ""
    raise ValueError(kind)
