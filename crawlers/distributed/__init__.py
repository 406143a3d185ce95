"""The distributed crawl: a Redis frontier shared by `sci worker` processes on any machines."""
