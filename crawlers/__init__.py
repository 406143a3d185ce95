"""Crawl stage: Scrapy project (spiders, middlewares, pipelines) and the sample web."""
