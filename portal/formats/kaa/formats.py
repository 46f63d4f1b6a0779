"""Karakalpak formats: as Uzbek writes them (the two share Uzbekistan's
conventions), with the Karakalpak word for year, jıl: "22-aprel, 2022-jıl",
"22.04.2022", "2 096 270,50"."""

DATE_FORMAT = r"j-E, Y-\j\ı\l"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = r"j-E, Y-\j\ı\l G:i"
YEAR_MONTH_FORMAT = r"F Y-\j\ı\l"
MONTH_DAY_FORMAT = "j-E"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d.%m.%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M:%S"]
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a space that never breaks a number across two lines
NUMBER_GROUPING = 3
