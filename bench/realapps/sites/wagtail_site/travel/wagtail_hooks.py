"""The Countries snippet's listing: which columns, filters and search the admin offers."""

from __future__ import annotations

from typing import ClassVar

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from bench.realapps.sites.wagtail_site.travel.models import Country


class CountryViewSet(SnippetViewSet):
    model = Country
    icon = "site"
    menu_label = "Countries"
    list_display: ClassVar[list[str]] = ["name", "continent", "currency", "visa_required"]
    list_filter: ClassVar[list[str]] = ["continent", "visa_required"]
    search_fields: ClassVar[list[str]] = ["name"]


register_snippet(CountryViewSet)
