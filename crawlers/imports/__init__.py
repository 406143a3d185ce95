"""Imports of official registers and analyst value files: a source of candidates like any crawl."""
