"""Sources beyond the city website: app stores, social-media activity, open-data portal APIs.

Each runner (``appstores``, ``social``, ``opendata``) fetches through
:class:`crawlers.external.fetch.Fetcher` (address guard, rate limit, WARC
archive, capture rows) and turns responses into candidates with the pure
parsers in ``extractors/``.
"""
