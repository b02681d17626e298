"""code_cache.py: code compiled from strings at start-up, kept between starts. What comes from
the cache must be exactly what compiling would have made."""

from __future__ import annotations

import dataclasses

from agent_desktop.code_cache import CodeCache, DataclassMethods


def make_classes():
    @dataclasses.dataclass(frozen=True, order=True)
    class Moment:
        handle: int
        label: str = "x"
        tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

    @dataclasses.dataclass(slots=True)
    class Slotted:
        value: float
        note: str | None = None

    return Moment, Slotted


def made_through_the_cache(path):
    methods = DataclassMethods(CodeCache(path))
    methods.start()
    try:
        classes = make_classes()
    finally:
        methods.stop()
    return classes, methods.cache


def test_dataclass_methods_from_the_cache_are_the_compiled_ones(tmp_path):
    plain = make_classes()
    first, cache = made_through_the_cache(tmp_path / "methods.bin")
    assert cache.made > 5 and cache.taken == 0
    second, cache = made_through_the_cache(tmp_path / "methods.bin")
    assert cache.made == 0 and cache.taken > 5
    for made in (first, second):
        for reference, cls in zip(plain, made):
            for name in ("__init__", "__repr__", "__eq__"):
                ours, theirs = getattr(cls, name).__code__, getattr(reference, name).__code__
                assert (ours.co_code, ours.co_consts, ours.co_names, ours.co_flags) == (
                    theirs.co_code, theirs.co_consts, theirs.co_names, theirs.co_flags)
        moment, slotted = made
        assert moment(2, "b") < moment(3) and moment(1) == moment(1, "x", ())
        assert repr(slotted(1.5)) == "make_classes.<locals>.Slotted(value=1.5, note=None)"
        try:
            moment(1).handle = 2
        except dataclasses.FrozenInstanceError:
            pass
        else:
            raise AssertionError("a frozen dataclass from the cache let an attribute change")


def test_the_dataclasses_module_is_left_as_it_was(tmp_path):
    made_through_the_cache(tmp_path / "methods.bin")
    assert "exec" not in vars(dataclasses)


def test_a_damaged_cache_is_compiled_again_and_replaced(tmp_path):
    path = tmp_path / "methods.bin"
    for content in (b"not a cache", b"", b"\x00" * 64):
        path.write_bytes(content)
        _, cache = made_through_the_cache(path)
        assert cache.made > 5 and cache.taken == 0
        assert path.read_bytes() != content
    assert made_through_the_cache(path)[1].made == 0


def test_an_unwritable_cache_folder_only_costs_the_compilation(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    classes, cache = made_through_the_cache(blocked / "methods.bin")
    assert cache.made > 5 and classes[0](1) == classes[0](1)


def test_a_dataclasses_module_with_its_own_exec_is_left_alone(tmp_path, monkeypatch):
    own = object()
    monkeypatch.setattr(dataclasses, "exec", own, raising=False)
    methods = DataclassMethods(CodeCache(tmp_path / "methods.bin"))
    methods.start()
    methods.stop()
    assert dataclasses.exec is own
