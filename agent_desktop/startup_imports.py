"""The window's start-up imports, in the order and the threads that make them cheap
(docs/performance.md, "Start-up").

``gui.py`` calls ``dataclass_methods_from(cache_dir)`` and ``network_stack_before_qt()`` before
anything else it imports (but platformdirs, which names the cache folder),
``qt_with_cached_support_code(cache)`` to import Qt (points 5 to 7), and
``dataclass_methods_done()`` once it has imported what the window needs (point 4). Nothing here
imports our UI.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

from agent_desktop.code_cache import CodeCache, DataclassMethods, caller_flags

# 1. Everything that is not Qt comes first. Once PySide6 is loaded, its import hook (for
#    ``__feature__``) reads the *source* of every module imported after it to see whether it
#    mentions PySide6: for the network stack (~370 modules, 5 MB of source) that was 0.3 s.
# 2. aiohttp (for aiocometd) is imported in a second thread while this one imports httpx and our
#    own modules. Most of its import is Python and takes turns with this thread for the GIL; file
#    reads from a cold disk overlap. aiohttp also makes two default TLS contexts at import, each
#    loading the system's CA certificates (~50 ms of CPU each). The app never uses them: every
#    CometD request is given the session's own context (``GwsSession.ssl_context``), or none for
#    http://. So they are made without CA certificates (``without_ca_loading``): ~100 ms of CPU
#    less, on a machine whose other core boots the demo's simulator meanwhile. A context that
#    trusts nothing fails a request made with it by mistake; it never lets one through.
# 3. What httpx imports lazily on its first client and first request (the connection pool, anyio's
#    asyncio backend) is imported here too: the window cannot log in without them.

# Imported by both threads' halves below: imported once, first, so that the two threads never
# import the same module at the same time (two threads importing modules that import each other
# can deadlock; Python then fails one of the imports).
_SHARED_BY_BOTH_HALVES = (
    "calendar", "copy", "datetime", "email.header", "email.message", "email.parser", "email.utils",
    "hashlib", "http.client", "idna", "json", "mimetypes", "pickle", "platform", "typing_extensions",
    "unicodedata", "urllib.request", "uuid",
)
_AIOHTTP_HALF = ("aiohttp", "aiocometd_noloop")
_THIS_THREADS_HALF = (
    "httpx", "httpcore", "anyio._backends._asyncio",
    "agent_desktop.domain.store", "agent_desktop.domain.rules", "agent_desktop.domain.schedule",
    "agent_desktop.localzone", "agent_desktop.logs", "agent_desktop.services.gws_session",
    "agent_desktop.services.local_store", "agent_desktop.services.ledger_sync",
    "agent_desktop.services.outbound", "agent_desktop.services.events",
    # Not network modules, but free of Qt and of aiohttp, needed before the window shows: this
    # thread imports them while it would otherwise wait for the other to build aiohttp's TLS
    # contexts (~50 ms, without the GIL), and they are not scanned by PySide6's hook (~15 ms).
    "agent_desktop.domain.planner", "agent_desktop.domain.reminders",
    "agent_desktop.services.bulk_move", "agent_desktop.services.grace",
    "agent_desktop.services.record_actions", "agent_desktop.services.session_recovery",
    "agent_desktop.services.burst_gc", "orjson", "zipfile",
)


def _import_all(names: tuple[str, ...]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a head start only: the imports below raise for real
            pass


@contextlib.contextmanager
def without_ca_loading() -> Iterator[None]:
    """TLS contexts this thread makes meanwhile load no CA certificates (point 2); a context
    another thread makes meanwhile loads them as always."""
    import ssl

    this_thread = threading.current_thread()
    cls = ssl.SSLContext
    names = ("load_default_certs", "set_default_verify_paths")
    own = {name: cls.__dict__.get(name) for name in names}  # None: inherited from the C class

    def skipped_here(name: str) -> Callable[..., None]:
        loading = getattr(cls, name)

        def load_unless_this_thread(context: ssl.SSLContext, *args: object, **kwargs: object) -> None:
            if threading.current_thread() is not this_thread:
                loading(context, *args, **kwargs)
        return load_unless_this_thread

    for name in names:
        setattr(cls, name, skipped_here(name))
    try:
        yield
    finally:
        for name, method in own.items():
            if method is None:
                delattr(cls, name)
            else:
                setattr(cls, name, method)


def _import_aiohttp_half() -> None:
    with without_ca_loading():
        _import_all(_AIOHTTP_HALF)


# 4. The methods ``dataclasses`` writes for each class at import are compiled from strings at
#    every start (~230 functions, ~27 ms of this thread's CPU): their code objects are kept in
#    the cache folder too, from the first import to ``dataclass_methods_done()`` (code_cache.py).
DATACLASS_METHODS_CACHE = "dataclass-methods.bin"
_dataclass_methods: DataclassMethods | None = None
# (compiled, taken from the cache) by the last start-up; for tests.
dataclass_methods_counts = (0, 0)


def dataclass_methods_from(cache_dir: Path) -> None:
    """Dataclasses made from now until ``dataclass_methods_done()`` take their methods' code
    from the cache file in ``cache_dir``."""
    global _dataclass_methods
    _dataclass_methods = DataclassMethods(CodeCache(cache_dir / DATACLASS_METHODS_CACHE))
    _dataclass_methods.start()


def network_stack_before_qt() -> None:
    _import_all(_SHARED_BY_BOTH_HALVES)
    other = threading.Thread(target=_import_aiohttp_half, name="import-aiohttp", daemon=True)
    other.start()
    try:
        _import_all(_THIS_THREADS_HALF)
    finally:
        other.join()  # before anything imports Qt (point 1)


def dataclass_methods_done() -> None:
    """Dataclasses made from now on compile their methods as usual; the cache is saved."""
    global _dataclass_methods, dataclass_methods_counts
    if _dataclass_methods is not None:
        _dataclass_methods.stop()
        dataclass_methods_counts = (_dataclass_methods.cache.made, _dataclass_methods.cache.taken)
        _dataclass_methods = None


# 5. PySide6 carries its support modules (the signature and ``__feature__`` machinery, ~130 kB of
#    Python) as source inside the shiboken6 library and compiles them at every import of Qt:
#    ~40 ms. Their code objects are kept in the app's cache folder (code_cache.py), as Python
#    keeps a module's bytecode beside it (it cannot beside these). Only that loader's
#    calls are answered from it, and only while Qt is imported, in one thread (the other joined).
QT_SUPPORT_CODE_CACHE = "pyside-support-code.bin"
_QT_SUPPORT_FILES = ("shibokensupport/", "signature_bootstrap")
# (compiled from source, taken from the cache) by the last import of Qt through it; for tests.
qt_support_code_counts = (0, 0)


def qt_with_cached_support_code(path: Path) -> None:
    global qt_support_code_counts
    import builtins

    cache = CodeCache(path)
    plain_compile = builtins.compile

    def compile_once(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **kwargs):  # type: ignore[no-untyped-def]
        inherited = 0 if dont_inherit else caller_flags()  # what the builtin would have inherited
        if (mode == "exec" and not flags and optimize == -1 and not kwargs and isinstance(source, bytes)
                and isinstance(filename, str) and filename.startswith(_QT_SUPPORT_FILES)):
            return cache.compiled(source, filename, inherited)
        return plain_compile(source, filename, mode, flags | inherited, True, optimize, **kwargs)

    builtins.compile = compile_once
    re.compile = _support_patterns_compiled_on_first_use
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = plain_compile
        re.compile = _plain_re_compile
    _no_source_scans_for_features()
    qt_support_code_counts = (cache.made, cache.taken)
    cache.save()  # a first start, or another PySide6: keep what this one compiled (and only that)


# 6. The support modules compile three large regular expressions at import (~17 ms), for the
#    signature texts of error messages and for writing .pyi stubs: the window uses neither
#    before something goes wrong, if ever. Each is compiled when first used.
_plain_re_compile = re.compile


def _support_patterns_compiled_on_first_use(pattern, flags=0):  # type: ignore[no-untyped-def]
    if sys._getframe(1).f_code.co_filename.startswith(_QT_SUPPORT_FILES):
        return _CompiledOnFirstUse(pattern, flags)
    return _plain_re_compile(pattern, flags)


class _CompiledOnFirstUse:
    """Stands for ``re.compile(pattern, flags)`` until an attribute is read; a method read
    (PySide6 keeps ``pattern.finditer``) compiles when it is called."""

    __slots__ = ("_arguments", "_compiled")

    def __init__(self, pattern: str | bytes, flags: int) -> None:
        self._arguments = (pattern, flags)
        self._compiled: re.Pattern | None = None

    def _pattern(self) -> re.Pattern:
        if self._compiled is None:
            self._compiled = _plain_re_compile(*self._arguments)
        return self._compiled

    def __getattr__(self, name: str) -> object:
        if name.startswith("__"):  # ABCMeta asks each class attribute for __isabstractmethod__
            raise AttributeError(name)
        if callable(getattr(re.Pattern, name, None)):
            return lambda *args, **kwargs: getattr(self._pattern(), name)(*args, **kwargs)
        return getattr(self._pattern(), name)


# 7. PySide6's ``__feature__`` hook reads the *source* of every module imported after Qt
#    (``inspect.getsource``) to tell modules that mention "PySide6" (switched to "no feature" when
#    they touch Qt: 0) from the rest (left alone: -1). The two differ only once some module selects
#    a feature (``from __feature__ import snake_case``); none of ours does. Every module is
#    given 0 without reading it: each sees Qt's plain API unless it selects a feature itself,
#    the default PySide6 wants for a module that uses it. ~90 source files not read, ~25 ms.
def _no_source_scans_for_features() -> None:
    for name in ("PySide6.support.feature", "shibokensupport.feature"):
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = _sees_plain_qt


def _sees_plain_qt(module: object) -> bool:
    return True
