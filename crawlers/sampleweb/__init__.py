"""The bundled sample web: simulated German city sites and partner hosts on loopback.

Stand-in for the internet in crawl tests, end-to-end extraction tests and the
offline demo. ``SampleWeb().start()`` returns a :class:`Manifest`.
"""

from crawlers.sampleweb.manifest import Manifest
from crawlers.sampleweb.server import SampleWeb

__all__ = ["Manifest", "SampleWeb"]
