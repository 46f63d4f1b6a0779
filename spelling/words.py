"""Where the words of a free text (a search, a title, an agency's name) begin and end."""

import re
import unicodedata

# Every way a keyboard or a phone writes the apostrophe of Uzbek oʻ and gʻ (and the
# Cyrillic-era ъ as a glottal stop): ASCII, backtick, modifier letters, quotes, primes.
APOSTROPHES = "'`ʻʼ’‘´ʹ′"

# A word of free text: letters and digits, with any apostrophe inside it, so that
# Gʻisht, G'isht and G‘isht (however a phone types oʻ and gʻ) stay one word.
_WORD = re.compile(rf"[^\W_]+(?:[{APOSTROPHES}]+[^\W_]+)*")


def split_words(text: str) -> list[str]:
    """The words of a free text (a search, a title, an agency's name), in order."""
    return _WORD.findall(unicodedata.normalize("NFC", text or ""))
