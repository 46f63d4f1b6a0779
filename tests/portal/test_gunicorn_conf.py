"""gunicorn.conf.py: a worker freezes what it built while warming up, so the
garbage collector's full passes stop walking it (they cost 25-30 ms each)."""

import gc
import runpy
from pathlib import Path
from types import SimpleNamespace

from django.conf import settings


def test_a_worker_freezes_its_start_up_after_warming_up():
    conf = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    gc.unfreeze()
    try:
        conf["post_request"](SimpleNamespace(nr=3), None, {}, None)
        assert gc.get_freeze_count() == 0
        for count in conf["FREEZE_AFTER"]:
            conf["post_request"](SimpleNamespace(nr=count), None, {}, None)
            assert gc.get_freeze_count() > 0
            gc.unfreeze()
    finally:
        gc.unfreeze()
