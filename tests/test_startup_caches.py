"""Start-up work moved out of the way (docs/performance.md, "Start-up"): PySide6's support code
and the dataclasses' methods kept compiled in the cache folder, PySide6's unused regular
expressions and source scans skipped, the demo simulator's environment without CA certificates,
and the menus' icons made when a menu first opens."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agent_desktop import demo

PROBE = ("import builtins, json, agent_desktop.gui, agent_desktop.startup_imports as startup\n"
         "plain = builtins.compile is compile\n"
         "print(json.dumps({'counts': startup.qt_support_code_counts, 'compile_restored': plain}))")


def run_probe(code: str, **env: str) -> dict:
    """``code`` in a fresh interpreter (Qt offscreen, ``env`` added): the JSON it prints last."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **env}).stdout
    return json.loads(out.splitlines()[-1])


def import_gui(cache_home: Path) -> dict:
    return run_probe(PROBE, XDG_CACHE_HOME=str(cache_home))


def test_pysides_support_code_is_compiled_once_then_taken_from_the_cache(tmp_path):
    first = import_gui(tmp_path)
    made, taken = first["counts"]
    assert made > 5 and taken == 0  # the signature modules, compiled from their source
    cache = tmp_path / "agent-desktop" / "pyside-support-code.bin"
    assert cache.is_file()
    second = import_gui(tmp_path)
    assert second["counts"] == [0, made]
    assert first["compile_restored"] and second["compile_restored"]
    assert not list(cache.parent.glob("*.bin.*"))  # no partial file left behind


def test_the_windows_dataclass_methods_are_compiled_once_then_taken_from_the_cache(tmp_path):
    probe = ("import dataclasses, json, agent_desktop.gui, agent_desktop.startup_imports as startup\n"
             "print(json.dumps({'counts': startup.dataclass_methods_counts,\n"
             "                  'restored': 'exec' not in vars(dataclasses)}))")
    first = run_probe(probe, XDG_CACHE_HOME=str(tmp_path))
    made, taken = first["counts"]
    assert made > 100 and taken == 0  # the records, events, rules... and httpx's, anyio's
    assert (tmp_path / "agent-desktop" / "dataclass-methods.bin").is_file()
    second = run_probe(probe, XDG_CACHE_HOME=str(tmp_path))
    assert second["counts"] == [0, made]
    assert first["restored"] and second["restored"]


def test_a_damaged_or_foreign_cache_is_compiled_again_and_replaced(tmp_path):
    cache = tmp_path / "agent-desktop" / "pyside-support-code.bin"
    cache.parent.mkdir(parents=True)
    for content in (b"not a cache", b"", b"\x00" * 64):
        cache.write_bytes(content)
        made, taken = import_gui(tmp_path)["counts"]
        assert made > 5 and taken == 0
        assert cache.read_bytes() != content
    assert import_gui(tmp_path)["counts"][1] == made


def test_an_unwritable_cache_folder_only_costs_the_compilation(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    made, taken = import_gui(blocked)["counts"]  # XDG_CACHE_HOME is a file: nothing can be written
    assert made > 5 and taken == 0


def test_modules_imported_after_qt_are_not_read_for_pysides_feature_hook(tmp_path):
    """PySide6 read the source of each module imported after Qt (~25 ms a start); now every
    module is taken as one that sees Qt's plain API, the default it would have had anyway."""
    (tmp_path / "imported_after_qt.py").write_text("from PySide6.QtCore import Qt\nALIGN = Qt.AlignmentFlag.AlignLeft\n")
    result = run_probe(
        "import inspect, json, sys, agent_desktop.gui\n"
        "read = []\n"
        "plain_getsource = inspect.getsource\n"
        "inspect.getsource = lambda module: read.append(module.__name__) or plain_getsource(module)\n"
        f"sys.path.insert(0, {str(tmp_path)!r})\n"
        "import imported_after_qt\n"
        "from PySide6.QtCore import Qt\n"
        "feature = sys.modules['PySide6.support.feature']\n"
        "print(json.dumps({'read': read, 'default': feature.pyside_feature_dict.get('imported_after_qt'),\n"
        "                  'plain_api': imported_after_qt.ALIGN is Qt.AlignmentFlag.AlignLeft}))",
        XDG_CACHE_HOME=str(tmp_path / "cache"))
    assert result == {"read": [], "default": 0, "plain_api": True}


def test_pysides_support_patterns_are_compiled_when_first_used_and_work_the_same(tmp_path):
    result = run_probe(
        "import json, re, sys, agent_desktop.gui\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from PySide6.QtCore import QObject\n"
        "app = QApplication([])\n"
        "formatter = sys.modules['shibokensupport.signature.lib.pyi_generator'].Formatter\n"
        "lazy = [type(formatter.opt_uni_searcher).__name__, type(formatter.brace_searcher).__name__]\n"
        "text = 'def f(a: typing.Optional[typing.Union[int, str]] = None, b: Dict[str, int] = {}) -> None: ...'\n"
        "same = all(getattr(p, m)(*args) == getattr(re.compile(p.pattern, p.flags), m)(*args)\n"
        "           for p in (formatter.opt_uni_searcher, formatter.brace_searcher)\n"
        "           for m, args in (('findall', (text,)), ('sub', (r'<\\1>', text))))\n"
        "try:\n"
        "    QObject().setObjectName(5)\n"  # the error message parses the signature texts
        "except TypeError as error:\n"
        "    message = str(error)\n"
        "print(json.dumps({'lazy': lazy, 'same': same, 'message': message}))",
        XDG_CACHE_HOME=str(tmp_path))
    assert result["lazy"] == ["_CompiledOnFirstUse", "_CompiledOnFirstUse"]
    assert result["same"]
    assert "Supported signatures:" in result["message"] and "setObjectName(name: str, /)" in result["message"]


def test_the_demo_simulator_loads_no_ca_certificates_and_the_app_keeps_them(monkeypatch):
    monkeypatch.setenv("SSL_CERT_FILE", "/etc/somewhere/ca.pem")
    monkeypatch.setenv("AGENT_DESKTOP_PROBE", "1")
    env = demo.simulator_environment()
    assert env["SSL_CERT_FILE"] == os.devnull
    assert env["AGENT_DESKTOP_PROBE"] == "1"  # the rest of the environment is passed on
    assert os.environ["SSL_CERT_FILE"] == "/etc/somewhere/ca.pem"  # this process's is untouched


def test_the_demo_simulator_still_starts_and_serves(tmp_path):
    with demo.DemoSimulator() as simulator:
        server = simulator.ready()
        assert server.url.startswith("http://127.0.0.1:")


TLS_PROBE = ("import json, ssl, agent_desktop.gui, aiohttp.connector as c\n"
             "ca = lambda context: context.cert_store_stats()['x509_ca']\n"
             "v = c._SSL_CONTEXT_VERIFIED\n"
             "print(json.dumps({'aiohttp_verified': ca(v), 'aiohttp_unverified': ca(c._SSL_CONTEXT_UNVERIFIED),\n"
             "                  'fails_closed': v.verify_mode == ssl.CERT_REQUIRED and v.check_hostname,\n"
             "                  'made_after': ca(ssl.create_default_context())}))")


def test_aiohttps_unused_default_tls_contexts_trust_nothing_and_later_contexts_load_the_cas():
    import certifi

    # The system's CA store, whatever this machine has: certifi's bundle, so the count is known.
    seen = run_probe(TLS_PROBE, SSL_CERT_FILE=certifi.where())
    assert seen["aiohttp_verified"] == 0 and seen["aiohttp_unverified"] == 0
    assert seen["fails_closed"]  # used by mistake, the verified one refuses every certificate
    assert seen["made_after"] > 50  # the session's own context, made later, trusts the system's CAs


THREAD_PROBE = ("import json, ssl, threading, agent_desktop.startup_imports as startup\n"
                "ca = lambda: ssl.create_default_context().cert_store_stats()['x509_ca']\n"
                "seen = {}\n"
                "with startup.without_ca_loading():\n"
                "    seen['this_thread'] = ca()\n"
                "    other = threading.Thread(target=lambda: seen.update(other_thread=ca()))\n"
                "    other.start()\n"
                "    other.join()\n"
                "seen['after'] = ca()\n"
                "print(json.dumps(seen))")


def test_only_the_importing_thread_goes_without_ca_certificates():
    import certifi

    seen = run_probe(THREAD_PROBE, SSL_CERT_FILE=certifi.where())
    assert seen["this_thread"] == 0
    assert seen["other_thread"] > 50 and seen["after"] > 50
