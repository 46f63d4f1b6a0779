"""The privacy notice's version: a consent records which text the person saw.
Raise it whenever the privacy page says something new."""

PRIVACY_VERSION = "2026-12"
