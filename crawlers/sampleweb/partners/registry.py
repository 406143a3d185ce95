"""Role -> site class; a new partner is a module plus a line here."""

from __future__ import annotations

from collections.abc import Callable

from crawlers.sampleweb.partners.appstore import AppStoreSite
from crawlers.sampleweb.partners.opendata import OpenDataSite
from crawlers.sampleweb.partners.portals import (
    BookingSite,
    ChatbotSite,
    CouncilSite,
    GeodataSite,
    ParticipationSite,
    VideoSite,
)
from crawlers.sampleweb.partners.social import SocialSite
from crawlers.sampleweb.site import Site
from crawlers.sampleweb.world import World

PARTNERS: dict[str, Callable[[World], Site]] = {
    "booking": BookingSite,
    "participation": ParticipationSite,
    "opendata": OpenDataSite,
    "appstore": AppStoreSite,
    "social": SocialSite,
    "council": CouncilSite,
    "geodata": GeodataSite,
    "video": VideoSite,
    "chatbot": ChatbotSite,
}
