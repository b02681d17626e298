"""Code that Python compiles from strings at every start, kept compiled between starts.

Python keeps a module's bytecode beside its source, but code compiled from a string at run time
it compiles again at every start. At the window's start-up that is PySide6's support modules
(their source is carried inside the shiboken6 library: ~40 ms) and the methods ``dataclasses``
writes for each class (``__init__``, ``__repr__``, ``__eq__``...: ~230 small functions, ~27 ms of
the main thread's CPU). A ``CodeCache`` keeps their code objects in a file of the app's cache
folder, keyed by the file name, the compiler flags and the source's hash, for one Python (its
bytecode magic number). The same source compiled with the same flags gives the same code, so
what comes from the cache is what compiling would have made.
"""

from __future__ import annotations

import __future__
import builtins
import contextlib
import hashlib
import marshal
import os
import sys
from importlib.util import MAGIC_NUMBER  # another Python, another bytecode: another cache
from pathlib import Path
from types import CodeType

# The builtins themselves, whoever replaces them later (startup_imports does, while Qt imports).
_compile, _exec = builtins.compile, builtins.exec
# The compiler flags a ``compile``/``exec`` call inherits from the code calling it.
_FUTURE_FLAGS = 0
for _feature in __future__.all_feature_names:
    _FUTURE_FLAGS |= getattr(__future__, _feature).compiler_flag


def caller_flags(depth: int = 2) -> int:
    """The ``__future__`` flags of the code calling our caller: what compile/exec inherit."""
    return sys._getframe(depth).f_code.co_flags & _FUTURE_FLAGS


class CodeCache:
    """Code objects by key, read from ``path`` once; ``save()`` keeps what this run used."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            data = path.read_bytes()
            known = marshal.loads(data[len(MAGIC_NUMBER):]) if data.startswith(MAGIC_NUMBER) else {}
        except (OSError, ValueError, EOFError, TypeError):
            known = {}
        self._known: dict = known if isinstance(known, dict) else {}
        self._used: dict = {}
        self.made = self.taken = 0  # compiled by this run / taken from the file

    def compiled(self, source: str | bytes, filename: str, flags: int) -> CodeType:
        """``compile(source, filename, "exec")`` with exactly ``flags``, nothing inherited."""
        data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else source
        key = (filename, flags, hashlib.sha256(data).hexdigest())
        code = self._known.get(key)
        if isinstance(code, CodeType):
            self.taken += 1
        else:
            code = _compile(source, filename, "exec", flags, True)
            self.made += 1
        self._used[key] = code
        return code

    def save(self) -> None:
        """Keep what this run used, if it compiled anything (a first start, another version)."""
        if not self.made:
            return
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_bytes(MAGIC_NUMBER + marshal.dumps(self._used))
            os.replace(partial, self.path)  # whole or not at all, even with two starts at once
        except (OSError, ValueError):  # a read-only home, a full disk: compiled again next time
            with contextlib.suppress(OSError):
                partial.unlink()


class DataclassMethods:
    """Between ``start()`` and ``stop()``, the methods ``dataclasses`` writes come from ``cache``
    (``stop()`` saves it). The ``dataclasses`` module's own global ``exec`` is set (a module
    global comes before the builtin), so no other code goes through the cache."""

    def __init__(self, cache: CodeCache) -> None:
        self.cache = cache
        self._shadowing = False

    def start(self) -> None:
        import dataclasses

        cache = self.cache

        def exec_compiled_once(source, globals=None, locals=None, /, **kwargs):  # type: ignore[no-untyped-def]
            if globals is None:  # as the builtin would: the caller's namespaces, not this function's
                caller = sys._getframe(1)
                globals, locals = caller.f_globals, caller.f_locals if locals is None else locals
            if isinstance(source, (str, bytes)):  # compiled with the caller's flags, not this module's
                source = cache.compiled(source, "<string>", caller_flags())
            return _exec(source, globals, locals, **kwargs)

        if "exec" not in vars(dataclasses):  # (a Python whose dataclasses has its own: left alone)
            dataclasses.exec = exec_compiled_once  # type: ignore[attr-defined]
            self._shadowing = True

    def stop(self) -> None:
        import dataclasses

        if self._shadowing:
            with contextlib.suppress(AttributeError):
                del dataclasses.exec  # type: ignore[attr-defined]
            self._shadowing = False
        self.cache.save()
