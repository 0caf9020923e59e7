"""The travel blog's page types and its one snippet (countries the journal writes about)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index


class Country(index.Indexed, models.Model):
    name = models.CharField(max_length=80)
    continent = models.CharField(max_length=40)
    currency = models.CharField(max_length=40)
    visa_required = models.BooleanField("Visa required", default=False)

    search_fields: ClassVar[list[index.BaseField]] = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
    ]

    class Meta:
        ordering: ClassVar[list[str]] = ["name"]
        verbose_name_plural = "countries"

    def __str__(self) -> str:
        return str(self.name)


class HomePage(Page):
    intro = RichTextField(blank=True)

    content_panels: ClassVar[list[FieldPanel]] = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: ClassVar[list[str]] = [
        "travel.JournalIndexPage",
        "travel.DestinationIndexPage",
        "travel.StandardPage",
    ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context(request, *args, **kwargs)
        context["latest"] = JournalPage.objects.live().order_by("-date")[:3]
        return context


class JournalIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels: ClassVar[list[FieldPanel]] = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: ClassVar[list[str]] = ["travel.JournalPage"]

    class Meta:
        verbose_name = "journal index page"


class JournalPage(Page):
    date = models.DateField("Trip date")
    summary = models.CharField(max_length=250)
    body = RichTextField(blank=True)
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels: ClassVar[list[FieldPanel]] = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("country"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields: ClassVar[list[index.BaseField]] = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types: ClassVar[list[str]] = ["travel.JournalIndexPage"]

    class Meta:
        verbose_name = "journal entry"
        verbose_name_plural = "journal entries"


class DestinationIndexPage(Page):
    intro = RichTextField(blank=True)

    content_panels: ClassVar[list[FieldPanel]] = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: ClassVar[list[str]] = ["travel.DestinationPage"]


class DestinationPage(Page):
    country = models.ForeignKey(
        Country, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    best_time = models.CharField("Best time to visit", max_length=80, blank=True)
    body = RichTextField(blank=True)

    content_panels: ClassVar[list[FieldPanel]] = [
        *Page.content_panels,
        FieldPanel("country"),
        FieldPanel("best_time"),
        FieldPanel("body"),
    ]
    search_fields: ClassVar[list[index.BaseField]] = [
        *Page.search_fields,
        index.SearchField("body"),
    ]
    parent_page_types: ClassVar[list[str]] = ["travel.DestinationIndexPage"]


class StandardPage(Page):
    body = RichTextField(blank=True)

    content_panels: ClassVar[list[FieldPanel]] = [*Page.content_panels, FieldPanel("body")]
