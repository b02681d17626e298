"""Benchmark harness: ``python -m benchmarks [--quick]`` from the repository root.

Every scenario runs against the real simulator on loopback, offscreen, and measures its own
floor in the same run where a target is a ratio, so results hold on a noisy shared machine.
"""
