"""Scrapy item pipelines of the crawl stage."""
