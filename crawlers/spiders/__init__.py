"""Scrapy spiders (the `city` spider of the crawl stage; external-source spiders beside it)."""
