"""Every answer of the self-check has the same size on the wire.

The page and the API answer "record found", "possible match" and "no record"
with bodies of different lengths, and TLS hides the bytes but not how many there
are: anyone on the path, or reading an access log that records sizes beside
client addresses, would learn the outcome. So the answer is padded to a fixed
size, per encoding:

- uncompressed, the body itself is padded (an HTML comment, or the whitespace
  JSON allows after a value) to a multiple of ``plain``;
- gzip is done here rather than by GZipMiddleware, whose BREACH mitigation adds
  a random 1 to 100 bytes to every response, and the compressed stream is padded
  to a multiple of ``compressed`` through the gzip header's comment field, which
  every decoder skips: padding the body instead would be compressed away.

The buckets are chosen so that one bucket holds an answer with several matches
in any language; only an answer with more matches than that fills the next one.
The answer holds nothing the client typed, and no secret such as a CSRF token,
so compressing it ourselves without GZipMiddleware's random bytes exposes
nothing to BREACH. Other encodings (br, zstd) are not used for these answers,
and ``Cache-Control: no-transform`` asks proxies not to recompress them.
"""

import gzip
import re
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.cache import patch_cache_control, patch_vary_headers

# The test GZipMiddleware applies, so that both agree on who compresses.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")
GZIP_FLAG_COMMENT = 0x10


@dataclass(frozen=True)
class Padding:
    plain: int
    compressed: int
    # Bytes of filler of a given length; ``shortest`` is the least it can be.
    filler: Callable[[int], bytes]
    shortest: int

    def apply(self, request, response):
        """Pad ``response`` (rendered) for the encoding the request accepts."""
        content = response.content
        if ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
            content = _padded_gzip(content, self.compressed)
            response["Content-Encoding"] = "gzip"
        else:
            size = _round_up(len(content) + self.shortest, self.plain)
            content += self.filler(size - len(content))
        response.content = content
        response["Content-Length"] = str(len(content))
        patch_vary_headers(response, ("Accept-Encoding",))
        # A proxy that compressed the padded body would squeeze the padding out.
        patch_cache_control(response, no_transform=True)
        return response


def _round_up(size, bucket):
    return -(-size // bucket) * bucket


def _padded_gzip(content, bucket):
    """``content`` gzipped (no file name, no time), its header carrying a comment
    of spaces that makes the stream a multiple of ``bucket`` bytes long."""
    stream = gzip.compress(content, compresslevel=6, mtime=0)
    header, rest = bytearray(stream[:10]), stream[10:]
    header[3] |= GZIP_FLAG_COMMENT
    size = _round_up(len(stream) + 1, bucket)  # + the comment's closing zero byte
    return bytes(header) + b" " * (size - len(stream) - 1) + b"\0" + rest


def _html_comment(size):
    return b"<!--" + b" " * (size - 7) + b"-->"


def _spaces(size):
    return b" " * size


# The page: about 3 to 8 KB of HTML, 1.4 to 2.3 KB gzipped, with one match.
PAGE = Padding(plain=16 * 1024, compressed=6 * 1024, filler=_html_comment, shortest=7)
# The API's JSON: the sources searched, and the matches.
API = Padding(plain=4 * 1024, compressed=2 * 1024, filler=_spaces, shortest=0)
