"""The portal's settings with no middleware and the yardstick's one URL
(`demo.benchmarks.yardstick`): the same database connection settings, nothing else
on the way."""

from portal.settings import *  # noqa: F403

MIDDLEWARE = []
ROOT_URLCONF = "demo.benchmarks.yardstick"
