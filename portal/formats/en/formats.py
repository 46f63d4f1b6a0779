"""English, as the portal's partners abroad read it: day first ("22 Apr 2022",
"22/04/2022"), never the American month first."""

DATE_FORMAT = "j M Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j M Y, G:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
