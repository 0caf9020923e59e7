"""The bench's travel blog: Wagtail (an open-source Django CMS) with a few page types.

Only configuration, page models, templates and seed data live here; the application under
test is Wagtail's own admin (and the public pages it serves).
"""
