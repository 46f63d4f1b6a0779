"""The portal's settings with the yardstick's one URL (`demo.benchmarks.yardstick`)
and no middleware but allauth's, which its app refuses to start without (a context
variable and a look at 404s, nothing the yardstick's answers pass through): the same
database connection settings, nothing else on the way."""

from portal.settings import *  # noqa: F403

MIDDLEWARE = ["allauth.account.middleware.AccountMiddleware"]
ROOT_URLCONF = "demo.benchmarks.yardstick"
