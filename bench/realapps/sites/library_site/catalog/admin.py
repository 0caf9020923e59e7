"""How the admin shows the models: columns, search, filters, default order."""

from __future__ import annotations

from django.contrib import admin

from bench.realapps.sites.library_site.catalog.models import Author, Book


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ("name", "country")
    search_fields = ("name",)
    ordering = ("name",)


@admin.register(Book)
class BookAdmin(admin.ModelAdmin):
    list_display = ("title", "author", "year", "genre", "available")
    list_filter = ("genre", "available")
    search_fields = ("title", "author__name")
    ordering = ("title",)
