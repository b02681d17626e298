"""Shared helpers for the tests (importable as ``support``)."""
