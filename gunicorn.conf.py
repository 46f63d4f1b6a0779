"""gunicorn's settings; gunicorn reads ./gunicorn.conf.py by itself (the image runs
it from /app, the tests from the project folder).

The access log leaves out the response size (gunicorn's default format has
``%(b)s``): the size of an answer can tell what it says, and the entry-ban
self-check's answers must not be told apart beside the client's address. Its
answers are padded to one size as well (``blacklist/padding.py``); this keeps
every page's size out of the log in case another page ever says more by its
length than by its status.
"""

access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(r)s" %(s)s "%(f)s" "%(a)s"'
