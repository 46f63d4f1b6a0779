"""The one normaliser of pasted contacts: every form of one channel gives one value."""

import pytest

from agencies.channels import lookup_keys, normalise_channel, normalise_for_kind
from spelling import search_key

SAME_CHANNEL = [
    # Telegram
    ("https://t.me/Ala_Too_Jumush", ("telegram", "ala_too_jumush")),
    ("http://t.me/ala_too_jumush/", ("telegram", "ala_too_jumush")),
    ("t.me/ala_too_jumush", ("telegram", "ala_too_jumush")),
    ("T.ME/ALA_TOO_JUMUSH", ("telegram", "ala_too_jumush")),
    ("@Ala_Too_Jumush", ("telegram", "ala_too_jumush")),
    ("  @ala_too_jumush  ", ("telegram", "ala_too_jumush")),
    ("telegram.me/ala_too_jumush", ("telegram", "ala_too_jumush")),
    ("https://t.me/ala_too_jumush?start=job", ("telegram", "ala_too_jumush")),
    # Uzbek phone
    ("+998 90 123 45 67", ("phone", "+998901234567")),
    ("+998 (90) 123-45-67", ("phone", "+998901234567")),
    ("998901234567", ("phone", "+998901234567")),
    ("90 123 45 67", ("phone", "+998901234567")),
    ("+998.90.123.45.67", ("phone", "+998901234567")),
    # Kyrgyz phone
    ("+996 555 123 456", ("phone", "+996555123456")),
    ("0555 123 456", ("phone", "+996555123456")),
    ("996555123456", ("phone", "+996555123456")),
    # WhatsApp links
    ("https://wa.me/996555123456", ("whatsapp", "+996555123456")),
    ("wa.me/+996555123456", ("whatsapp", "+996555123456")),
    ("https://api.whatsapp.com/send?phone=996555123456", ("whatsapp", "+996555123456")),
    # Websites
    ("https://www.Ala-Too.example/", ("website", "ala-too.example")),
    ("ala-too.example", ("website", "ala-too.example")),
    ("HTTP://ala-too.example/vacancies?id=1", ("website", "ala-too.example")),
    ("www.ala-too.example:443", ("website", "ala-too.example")),
    # Instagram
    ("https://www.instagram.com/Ala.Too/", ("instagram", "ala.too")),
    ("instagram.com/ala.too", ("instagram", "ala.too")),
    # E-mail
    ("Info@Ala-Too.example", ("email", "info@ala-too.example")),
    # Licence numbers
    ("KG-PEA-0012", ("licence", "KGPEA0012")),
    ("kg pea 0012", ("licence", "KGPEA0012")),
    ("№ KG-PEA 0012", ("licence", "KGPEA0012")),
    # Tax numbers (Kyrgyz INN has 14 digits)
    ("02505 1990 01234", ("tax", "02505199001234")),
]


@pytest.mark.parametrize(("text", "expected"), SAME_CHANNEL)
def test_every_form_of_a_channel_gives_one_value(text, expected):
    assert normalise_channel(text) == expected


def test_bare_handle_is_looked_up_as_telegram_and_instagram():
    assert lookup_keys("@foo_bar")[:2] == [("telegram", "foo_bar"), ("instagram", "foo_bar")]


def test_nine_digits_may_be_a_phone_or_an_uzbek_tax_number():
    kinds = dict(lookup_keys("901234567"))
    assert kinds["phone"] == "+998901234567"
    assert kinds["tax"] == "901234567"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Ипак Йули Сервис", "Ipak Yoli Servis"),
        ("Ипак Йули", "Ipak Yoʻli"),
        ("ТУЛПАР ЖУМУШ", "Tulpar Jumush"),
        ("Бахт Сервис", "Baxt Servis"),
        # However a phone types the apostrophe of oʻ and gʻ.
        ("Ipak Yoʻli", "Ipak Yo'li"),
        ("Ipak Yoʻli", "Ipak Yo’li"),
        ("Gʻalaba", "G‘alaba"),
    ],
)
def test_names_in_any_script_share_a_search_key(a, b):
    assert search_key(a) == search_key(b)


@pytest.mark.parametrize(
    "text", ["", "   ", "\x00", "@", "+", "http://", "x" * 100_000, "\x00@foo"]
)
def test_garbage_gives_nothing_usable_and_never_raises(text):
    kind, value = normalise_channel(text)
    assert len(value) <= 500
    if text.strip(" \x00@+:/htp") == "":
        assert (kind, value) == ("", "")


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [
        ("phone", "+996 (555) 12-34-56", "+996555123456"),
        ("whatsapp", "https://wa.me/998901234567", "+998901234567"),
        ("telegram", "@Foo_Bar", "foo_bar"),
        ("telegram", "https://t.me/foo_bar", "foo_bar"),
        ("instagram", "https://instagram.com/foo.bar", "foo.bar"),
        ("website", "https://www.foo.example/about", "foo.example"),
        ("email", "A@B.example", "a@b.example"),
        ("phone", "not a phone", ""),
        ("telegram", "no spaces allowed", ""),
    ],
)
def test_normalise_for_a_known_kind(kind, text, expected):
    assert normalise_for_kind(kind, text) == expected
