from __future__ import annotations

from django.apps import AppConfig


class TravelConfig(AppConfig):
    name = "bench.realapps.sites.wagtail_site.travel"
    label = "travel"
    default_auto_field = "django.db.models.AutoField"
