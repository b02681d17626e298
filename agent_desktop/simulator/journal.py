"""The optional journal: one JSON line per REST operation, written when its outcome is known.

Lines are handed to one writer thread so file I/O never blocks the event loop; ``close()``
flushes and waits for it. Only request bodies are written, never headers (no password).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import queue
import threading
from typing import Any, Optional, Union

log = logging.getLogger(__name__)

_STOP = object()


class Journal:
    def __init__(self, path: Optional[Union[str, "os.PathLike[str]"]]) -> None:
        self._path = path
        self._queue: "queue.SimpleQueue[Any]" = queue.SimpleQueue()
        self._thread: Optional[threading.Thread] = None
        if path is not None:
            # Open now so a bad path fails at start-up, not at the first operation.
            self._file = open(path, "a", encoding="utf-8")
            self._thread = threading.Thread(target=self._run, name="sim-journal", daemon=True)
            self._thread.start()

    @property
    def enabled(self) -> bool:
        return self._thread is not None

    def write(self, user: Optional[str], operation: Optional[str], handle: Any, body: Any,
              verdict: str, extra: Optional[dict[str, Any]] = None) -> None:
        """One line; ``extra`` keys (node, duplicate, dropped) follow the six fixed ones."""
        if self._thread is None:
            return
        entry = {
            "ts": dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds"),
            "user": user, "operation": operation, "handle": handle, "body": body,
            "verdict": verdict, **(extra or {}),
        }
        self._queue.put(json.dumps(entry, ensure_ascii=False, default=str))

    def _run(self) -> None:
        while True:
            line = self._queue.get()
            if line is _STOP:
                break
            try:
                self._file.write(line + "\n")
                self._file.flush()
            except OSError:
                log.exception("journal write failed")
        self._file.close()

    def close(self) -> None:
        """Flush and stop the writer (blocking: call it through asyncio.to_thread)."""
        if self._thread is None:
            return
        self._queue.put(_STOP)
        self._thread.join()
        self._thread = None
