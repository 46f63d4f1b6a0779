"""The project's own date and number formats (``FORMAT_MODULE_PATH``), for the
languages whose Django formats do not suit the portal's readers: Karakalpak, which
Django does not know (its pages showed "04/22/2022" and "2096270"), and English,
whose American month-first dates partners abroad misread. Every other language keeps
Django's own formats (uz, ky, ru: day first, numbers grouped with a space)."""
