"""DEBUG only: the portal serves its own sample feed documents to its demo feeds."""

from pathlib import Path

from django.http import FileResponse, Http404

SAMPLES = Path(__file__).resolve().parent / "samples"
CONTENT_TYPES = {".json": "application/json", ".csv": "text/csv; charset=utf-8"}


def sample(request, name):
    path = SAMPLES / name
    if path.parent != SAMPLES or path.suffix not in CONTENT_TYPES or not path.is_file():
        raise Http404
    return FileResponse(path.open("rb"), content_type=CONTENT_TYPES[path.suffix])
