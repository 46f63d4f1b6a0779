"""Kyrgyz formats as CLDR writes them, where Django's differ: the month in a
date in lower case ("2026-ж., 3-декабрь", the alternative month names in
locale_upstream/ky), a decimal comma and a space that never breaks a number:
"2 096 270,50"."""

DATE_FORMAT = r"Y-\ж\., j-E"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"Y-\ж\., j-E G:i"
YEAR_MONTH_FORMAT = r"F Y-\ж\."
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
