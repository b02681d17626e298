"""Small bridges between Qt and asyncio (qasync): awaiting a dialog without ``exec()``."""

from __future__ import annotations

import asyncio

import shiboken6

from PySide6.QtWidgets import QDialog


async def run_dialog(dialog: QDialog) -> int:
    """Show ``dialog`` window-modally with ``open()`` and await its result code.

    ``exec()`` would start a nested event loop inside a coroutine; ``open()`` returns at once
    and the coroutine resumes when the dialog finishes.
    """
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        if shiboken6.isValid(dialog):  # the window (and its dialog) may be gone already
            dialog.finished.disconnect(finished)
