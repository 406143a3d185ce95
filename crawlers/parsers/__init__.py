"""Parsers of third-party answers: app-store APIs, social feeds and profiles, open-data portal APIs,
the charging-station register. Pure functions (text in, figures out), tested like detectors on real
samples; they live in the crawl stage beside the fetchers that call them (crawlers/external,
crawlers/imports), because a crawl stage must not call into the extract stage. The page detectors
that read captured city pages are extractors/.
"""
