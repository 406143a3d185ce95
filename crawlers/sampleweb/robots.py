"""robots.txt and sitemap.xml, the same way on every sample host."""

from __future__ import annotations

from xml.sax.saxutils import escape

from crawlers.sampleweb.site import TEXT, XML, Response


def robots_txt(base_url: str, extra_disallow: tuple[str, ...] = ()) -> Response:
    # /intern/ is linked from every city (Impressum), so obeying it is testable.
    lines = ["User-agent: *", "Disallow: /intern/"]
    lines += [f"Disallow: {p}" for p in extra_disallow]
    lines += ["", f"Sitemap: {base_url}/sitemap.xml", ""]
    return Response("\n".join(lines).encode("utf-8"), TEXT)


def sitemap_xml(base_url: str, paths: list[str]) -> Response:
    urls = "".join(f"<url><loc>{escape(base_url + p)}</loc></url>\n"
                   for p in paths if not p.startswith("/intern/"))
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{urls}</urlset>\n")
    return Response(body.encode("utf-8"), XML)
