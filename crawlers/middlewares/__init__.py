"""Scrapy downloader middlewares of the crawl stage."""
