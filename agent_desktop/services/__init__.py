"""Service layer: talks to Genesys Web Services (REST over httpx, CometD over aiocometd-noloop).

asyncio, no Qt. Maps the wire to domain objects, so no raw dict reaches the UI.
"""
