"""Create the library site's database: tables, two users and a dozen books.

Run as `python -m bench.realapps.sites.library_site.seed` with DJANGO_SETTINGS_MODULE and
LIBRARY_DB set; the bench copies the result aside to restore it before every goal.
"""

from __future__ import annotations

import django

AUTHORS = {
    "Ursula K. Le Guin": "USA",
    "Toni Morrison": "USA",
    "Barbara Tuchman": "USA",
    "Carl Sagan": "USA",
    "Richard Dawkins": "UK",
    "Sylvia Plath": "USA",
}
# title, author, year, genre, available
BOOKS = [
    ("The Left Hand of Darkness", "Ursula K. Le Guin", 1969, "fiction", True),
    ("A Wizard of Earthsea", "Ursula K. Le Guin", 1968, "fiction", True),
    ("The Dispossessed", "Ursula K. Le Guin", 1974, "fiction", False),
    ("Beloved", "Toni Morrison", 1987, "fiction", True),
    ("Song of Solomon", "Toni Morrison", 1977, "fiction", False),
    ("The Guns of August", "Barbara Tuchman", 1962, "history", True),
    ("A Distant Mirror", "Barbara Tuchman", 1978, "history", True),
    ("Cosmos", "Carl Sagan", 1980, "science", True),
    ("Pale Blue Dot", "Carl Sagan", 1994, "science", False),
    ("The Selfish Gene", "Richard Dawkins", 1976, "science", True),
    ("Ariel", "Sylvia Plath", 1965, "poetry", True),
    ("The Colossus", "Sylvia Plath", 1960, "poetry", False),
]
USERS = {
    # username: (password, superuser)
    "admin": ("correct-horse", True),
    "clerk": ("clerk-pass-1", False),
}


def seed() -> None:
    django.setup()
    from django.contrib.auth.models import Permission, User
    from django.core.management import call_command

    from bench.realapps.sites.library_site.catalog.models import Author, Book

    call_command("migrate", run_syncdb=True, verbosity=0)
    authors = {name: Author.objects.create(name=name, country=c) for name, c in AUTHORS.items()}
    for title, author, year, genre, available in BOOKS:
        Book.objects.create(
            title=title, author=authors[author], year=year, genre=genre, available=available
        )
    for username, (password, superuser) in USERS.items():
        user = User.objects.create_user(username, password=password, is_staff=True)
        user.is_superuser = superuser
        user.save()
        if not superuser:  # the clerk may look at books and nothing else
            user.user_permissions.add(Permission.objects.get(codename="view_book"))


if __name__ == "__main__":
    seed()
