"""gunicorn's settings; gunicorn reads ./gunicorn.conf.py by itself (the image runs
it from /app, the tests from the project folder).

The access log leaves out the response size (gunicorn's default format has
``%(b)s``): the size of an answer can tell what it says, and the entry-ban
self-check's answers must not be told apart beside the client's address. Its
answers are padded to one size as well (``blacklist/padding.py``); this keeps
every page's size out of the log in case another page ever says more by its
length than by its status.
"""

import gc

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s "%(f)s" "%(a)s"'


# Requests after which a worker moves what it has built so far (compiled templates,
# loaded catalogs, resolvers, caches) out of the garbage collector's sight: a full
# collection walked them all, 25-30 ms, every few hundred requests (the p99 of an
# 8 ms page was 95 ms). Twice, because some is built only by rarer pages.
FREEZE_AFTER = (50, 500)


def post_request(worker, req, environ, resp):
    if worker.nr in FREEZE_AFTER:
        gc.collect()
        gc.freeze()
