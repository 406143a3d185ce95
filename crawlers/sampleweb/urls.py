"""URL schemes of the simulated CMS families.

Real city sites differ as much in their URLs as in their markup; crawlers and
extractors must not depend on one scheme, so each layout brings its own.
"""

from __future__ import annotations


def _camel(slug: str) -> str:
    return "".join(part.capitalize() for part in slug.split("-"))


class UrlScheme:
    """Maps (section, page slug) to a path for one CMS style."""

    def __init__(self, style: str) -> None:
        self.style = style

    def index(self, section: str) -> str:
        return {
            "typo3": f"/{section}/",
            "gsb": f"/DE/{_camel(section)}/{_camel(section)}_node.html",
            "modern": f"/{section}",
            "sitepark": f"/{section}/index.html",
            "wordpress": f"/{section}/",
            "legacy": f"/cms/{section}/index.htm",
        }[self.style]

    def page(self, section: str, slug: str) -> str:
        return {
            "typo3": f"/{section}/{slug}/",
            "gsb": f"/DE/{_camel(section)}/{_camel(slug)}.html",
            "modern": f"/{section}/{slug}",
            "sitepark": f"/{section}/{slug}.html",
            "wordpress": f"/{section}/{slug}/",
            "legacy": f"/cms/{section}/{slug}.htm",
        }[self.style]
