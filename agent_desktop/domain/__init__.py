"""Domain layer: records, reschedule rules and the record store.

Pure Python: no Qt, no asyncio I/O, no httpx. Everything above (services, ui, app) depends on
this package; it depends on nothing of ours.
"""
