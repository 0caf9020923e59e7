"""Create the travel blog's database: Wagtail's tables, three users, pages, a snippet, media.

Run as `python -m bench.realapps.sites.wagtail_site.seed` with DJANGO_SETTINGS_MODULE,
WAGTAIL_SITE_DB and WAGTAIL_SITE_MEDIA set; the bench copies the database aside to restore
it before every goal. Some pages are live, some drafts, one live with unpublished changes,
so the explorer shows every status Wagtail has for them.
"""

from __future__ import annotations

import datetime
import io
from typing import Any

import django

# username: (first name, last name, password, superuser, group, active)
USERS = {
    "marta": ("Marta", "Lindqvist", "fjord-lights-7", True, None, True),
    "jonas": ("Jonas", "Weber", "night-train-3", False, "Editors", True),
    "priya": ("Priya", "Nair", "monsoon-road-5", False, "Moderators", False),
}
# name, continent, currency, visa required
COUNTRIES = [
    ("Argentina", "South America", "Argentine peso", False),
    ("Austria", "Europe", "Euro", False),
    ("Iceland", "Europe", "Icelandic króna", False),
    ("India", "Asia", "Indian rupee", True),
    ("Japan", "Asia", "Japanese yen", False),
    ("Peru", "South America", "Sol", False),
    ("Portugal", "Europe", "Euro", False),
    ("Sweden", "Europe", "Swedish krona", False),
    ("United Kingdom", "Europe", "Pound sterling", False),
    ("Vietnam", "Asia", "Vietnamese dong", True),
]
# title, slug, trip date, country, summary, state, owner
LIVE, DRAFT, CHANGED = "live", "draft", "live+draft"
ENTRIES = [
    (
        "Temples of Kyoto",
        "temples-of-kyoto",
        "2025-11-03",
        "Japan",
        "Early mornings at Fushimi Inari before the crowds.",
        LIVE,
        "marta",
    ),
    (
        "A Week on Skye",
        "a-week-on-skye",
        "2025-06-10",
        "United Kingdom",
        "Rain, ridges and the best fish supper of the year.",
        LIVE,
        "marta",
    ),
    (
        "Hiking the Kungsleden",
        "hiking-the-kungsleden",
        "2025-08-20",
        "Sweden",
        "110 km of Lapland trail between Abisko and Nikkaluokta.",
        CHANGED,
        "jonas",
    ),
    (
        "Night Train to Vienna",
        "night-train-to-vienna",
        "2026-02-02",
        "Austria",
        "A sleeper cabin, a paper map and a very early breakfast.",
        LIVE,
        "jonas",
    ),
    (
        "Three Days in Lisbon",
        "three-days-in-lisbon",
        "2026-03-14",
        "Portugal",
        "Trams, tiles and pastéis de nata on a long weekend.",
        LIVE,
        "marta",
    ),
    (
        "Street Food in Hanoi",
        "street-food-in-hanoi",
        "2026-04-01",
        "Vietnam",
        "Bún chả, egg coffee and plastic stools in the Old Quarter.",
        DRAFT,
        "jonas",
    ),
    (
        "Packing for Patagonia",
        "packing-for-patagonia",
        "2026-05-05",
        "Argentina",
        "Layers, more layers, and a stove that works in the wind.",
        DRAFT,
        "marta",
    ),
]
# title, country, best time to visit, state
DESTINATIONS = [
    ("Portugal", "Portugal", "March to May", LIVE),
    ("Japan", "Japan", "Late March to May", LIVE),
    ("Iceland", "Iceland", "June to August", DRAFT),
    ("Peru", "Peru", "May to September", LIVE),
]
IMAGES = [
    ("Tram 28 in Alfama", "tram-28.png", ["lisbon", "tram"], (200, 120, 40)),
    ("Skye coastline at dusk", "skye-coast.png", ["scotland"], (40, 80, 140)),
    ("Bamboo grove, Arashiyama", "bamboo-grove.png", ["kyoto"], (60, 140, 60)),
    ("Vienna Hauptbahnhof", "vienna-station.png", ["vienna", "rail"], (120, 120, 120)),
]
DOCUMENTS = [
    ("Rail pass terms 2026", "rail-pass-terms-2026.txt", "Valid for 15 travel days."),
    ("Patagonia packing checklist", "patagonia-checklist.txt", "Down jacket, gaiters, stove."),
]


def _users() -> dict[str, Any]:
    from django.contrib.auth.models import Group, User

    made: dict[str, Any] = {}
    for username, (first, last, password, superuser, group, active) in USERS.items():
        user = User.objects.create_user(
            username, f"{username}@farandnear.test", password, first_name=first, last_name=last
        )
        user.is_superuser = user.is_staff = superuser
        user.is_active = active
        user.save()
        if group:
            user.groups.add(Group.objects.get(name=group))
        made[username] = user
    return made


def _publish(parent: Any, page: Any, state: str, user: Any, changed: dict[str, str]) -> None:
    page.owner = user
    page.live = state != DRAFT
    parent.add_child(instance=page)
    revision = page.save_revision(user=user)
    if state == DRAFT:
        return
    revision.publish(user=user, skip_permission_checks=True)
    if state == CHANGED:
        page.refresh_from_db()
        for field, value in changed.items():
            setattr(page, field, value)
        page.save_revision(user=user)


def _pages(users: dict[str, Any], countries: dict[str, Any]) -> None:
    from wagtail.models import Page, Site

    from bench.realapps.sites.wagtail_site.travel import models as m

    root = Page.get_first_root_node()
    welcome = Page.objects.get(depth=2)
    marta = users["marta"]
    home = m.HomePage(
        title="Far & Near",
        slug="far-and-near",
        intro="<p>Slow travel stories from two friends who would rather take the train.</p>",
    )
    _publish(root, home, LIVE, marta, {})
    site = Site.objects.get(is_default_site=True)
    site.root_page, site.site_name = home, "Far & Near"
    site.save()
    welcome.delete()

    journal = m.JournalIndexPage(title="Journal", slug="journal", intro="<p>Trip reports.</p>")
    _publish(home, journal, LIVE, marta, {})
    for title, slug, date, country, summary, state, owner in ENTRIES:
        entry = m.JournalPage(
            title=title,
            slug=slug,
            date=datetime.date.fromisoformat(date),
            country=countries[country],
            summary=summary,
            body=f"<p>{summary} More notes to follow.</p>",
        )
        changed = {"summary": "Updated: 110 km of trail, now with a hut-by-hut guide."}
        _publish(journal, entry, state, users[owner], changed)

    places = m.DestinationIndexPage(
        title="Destinations", slug="destinations", intro="<p>Where we keep going back.</p>"
    )
    _publish(home, places, LIVE, marta, {})
    for title, country, best, state in DESTINATIONS:
        place = m.DestinationPage(
            title=title,
            slug=title.lower(),
            country=countries[country],
            best_time=best,
            body=f"<p>Our notes on {title}.</p>",
        )
        _publish(places, place, state, marta, {})

    about = m.StandardPage(
        title="About us",
        slug="about-us",
        body="<p>Far &amp; Near is written by Marta and Jonas. We have visited 23 countries "
        "together, most of them by train.</p>",
    )
    _publish(home, about, LIVE, marta, {})
    jobs = m.StandardPage(
        title="Write for us", slug="write-for-us", body="<p>We pay for guest trip reports.</p>"
    )
    _publish(home, jobs, DRAFT, users["jonas"], {})


def _media(users: dict[str, Any]) -> None:
    from django.core.files.base import ContentFile
    from django.core.files.images import ImageFile
    from PIL import Image as Picture
    from wagtail.documents.models import Document
    from wagtail.images.models import Image

    for title, name, tags, colour in IMAGES:
        buffer = io.BytesIO()
        Picture.new("RGB", (640, 400), colour).save(buffer, format="PNG")
        image = Image(title=title, uploaded_by_user=users["marta"])
        image.file = ImageFile(buffer, name=name)
        image.save()
        image.tags.add(*tags)
    for title, name, text in DOCUMENTS:
        document = Document(title=title, uploaded_by_user=users["jonas"])
        document.file = ContentFile(text.encode(), name=name)
        document.save()


def main() -> None:
    django.setup()
    from django.core.management import call_command

    from bench.realapps.sites.wagtail_site.travel.models import Country

    call_command("migrate", run_syncdb=True, verbosity=0)
    users = _users()
    countries = {
        name: Country.objects.create(
            name=name, continent=continent, currency=currency, visa_required=visa
        )
        for name, continent, currency, visa in COUNTRIES
    }
    _pages(users, countries)
    _media(users)
    call_command("update_index", verbosity=0)


if __name__ == "__main__":
    main()
