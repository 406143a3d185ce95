"""Scrapy project settings module for the `scrapy` command (see scrapy.cfg).

Everything comes from :func:`crawlers.scrapy_settings.scrapy_settings` over the
SCI_* environment, so `scrapy crawl city -a ags=…` and `sci crawl` behave alike.
"""

from crawlers.scrapy_settings import scrapy_settings
from sci.settings import Settings

_settings = Settings.from_env()
globals().update(scrapy_settings(_settings, SCI_VAR_DIR=str(_settings.var_dir)))
