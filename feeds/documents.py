"""Reading a feed document: its signature, its checksum and its records.

Anything wrong with the document as a whole raises `DocumentError`, and the run
changes nothing; a wrong single record is the owning app's business."""

import csv
import hashlib
import hmac
import io
import itertools
import json
import math

import orjson
from django.utils.translation import gettext as _


class DocumentError(Exception):
    """The document cannot be used at all (not retried)."""


SIGNATURE_HEADER = "X-Feed-Signature"

# The columns a CSV document of each kind must have; JSON records use the same names.
REQUIRED = {
    "vacancies": ("external_id", "title_en", "channel", "country", "wage_min", "wage_currency"),
    "bans": ("external_id", "surname", "given_name", "date_of_birth", "basis"),
    "licences": ("licence_number", "status"),
    "rates": ("currency", "per_usd", "date"),
    "directory": ("external_id", "name_en", "kind", "country"),
}


def checksum(body):
    return hashlib.sha256(body).hexdigest()


# The fallback for what orjson cannot write (a lone surrogate, an integer past 64
# bits): the standard encoder, one for every record (`json.dumps` with options
# builds one per call).
_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def record_checksum(record):
    """A record's checksum, the same however its keys are ordered or its document
    is laid out: a record whose checksum is the one stored for it says nothing new.

    Written out by orjson, which took 0.09 s for the 100,000 records of an
    unchanged document where the standard encoder took 0.40 s, two fifths of the
    whole run. What orjson cannot write goes through the standard encoder, and so
    does a record with a float that is not finite ("NaN", "Infinity" or 1e400 in
    the document), which orjson would write as null, making it the same record
    as one with null there and so never checked. A lone surrogate ("\\ud800" in
    the document), which no text can hold, is refused by the record's own checks,
    naming its field: its checksum must not fail the whole document first."""
    try:
        text = orjson.dumps(record, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        text = None
    if text is None or (b"null" in text and _not_finite(record)):
        text = _CANONICAL.encode(record).encode("utf-8", "surrogatepass")
    return hashlib.sha256(text).hexdigest()


def _not_finite(value):
    """Whether a parsed JSON value holds a float that is not finite."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if isinstance(value, dict):
        return any(map(_not_finite, value.values()))
    if isinstance(value, list):
        return any(map(_not_finite, value))
    return False


def sign(body, secret):
    """The value of the signature header for ``body``: ``sha256=<hex HMAC>``."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def check_signature(body, secret, signature, *, secret_stored=False):
    """Refuse a document whose HMAC does not match the feed's secret. A feed that has
    a secret stored which can no longer be read (the credentials key changed) refuses
    every document rather than fall back to accepting unsigned ones."""
    if secret_stored and not secret:
        raise DocumentError(
            _("The feed's signing secret cannot be read: an operator must enter it again.")
        )
    if not secret:
        return
    if not signature or not hmac.compare_digest(sign(body, secret), signature.strip()):
        raise DocumentError(_("The document's signature is missing or wrong."))


def parse(body, kind, format):
    """(first record's line or index, list of record dicts) of a document."""
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DocumentError(_("The document is not UTF-8 text.")) from None
    if "\x00" in text:
        raise DocumentError(_("The document contains NUL characters."))
    if format == "csv":
        return 2, _parse_csv(text, kind)
    return 1, _parse_json(text, kind)


def _parse_json(text, kind):
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # RecursionError: nested past Python's limit
        raise DocumentError(_("The document is not valid JSON.")) from None
    if not isinstance(document, dict) or not isinstance(document.get("records"), list):
        raise DocumentError(_("A JSON document must be an object with a list of records."))
    if document.get("kind") != kind:
        raise DocumentError(_("This feed expects a document of kind %(kind)s.") % {"kind": kind})
    return document["records"]


def _parse_csv(text, kind):
    """Records of a CSV document. Its structure must hold: a row with more fields
    than the header, or a quote never closed, means the columns cannot be trusted
    (a value with an unquoted comma shifts all after it), so the document fails
    and names the line where that record starts. A row with fewer fields has the
    missing ones empty (None), and each kind judges them."""
    ended = []

    def lines():
        yield from io.StringIO(text, newline="")
        ended.append(True)  # the reader asked for a line after the last

    reader, line = csv.reader(lines(), strict=True), 1
    try:
        header = next(reader, [])
        missing = [column for column in REQUIRED[kind] if column not in header]
        if missing:
            raise DocumentError(
                _("The CSV header lacks the columns: %(columns)s") % {"columns": ", ".join(missing)}
            )
        records, line = [], reader.line_num + 1
        for values in reader:
            if len(values) > len(header):
                raise DocumentError(
                    _("Line %(line)s has %(count)s fields, but the header has %(columns)s.")
                    % {"line": line, "count": len(values), "columns": len(header)}
                )
            if values:  # not a blank line
                records.append(dict(itertools.zip_longest(header, values)))
            line = reader.line_num + 1
        return records
    except csv.Error as error:
        if ended:  # the document ended inside a quoted value
            raise DocumentError(
                _("A quote opened in the record on line %(line)s is never closed.") % {"line": line}
            ) from None
        raise DocumentError(
            _("Line %(line)s of the CSV cannot be read: %(error)s") % {"line": line, "error": error}
        ) from None
