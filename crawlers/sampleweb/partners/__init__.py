"""Third-party hosts the city sites link to, one loopback address per role."""

from __future__ import annotations

from crawlers.sampleweb.site import Site
from crawlers.sampleweb.world import World


def build_partner(role: str, world: World) -> Site:
    from crawlers.sampleweb.partners import registry

    return registry.PARTNERS[role](world)
