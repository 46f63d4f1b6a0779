"""The development backend: each message is written to standard output.

Only for ``make run`` on one's own machine (the demo reads its codes from the
terminal); it writes to stdout, never to the logs.
"""

import sys
import threading

from accounts.sms.base import BaseSmsBackend

_lock = threading.Lock()


class SmsBackend(BaseSmsBackend):
    stream = None  # sys.stdout at the time of sending

    def send(self, number, text):
        stream = self.stream or sys.stdout
        with _lock:
            stream.write(f"--- SMS to {number} ---\n{text}\n---\n")
            stream.flush()
