"""Two small models for the admin to manage (configuration, not the application)."""

from __future__ import annotations

from django.db import models

GENRES = [
    ("fiction", "Fiction"),
    ("history", "History"),
    ("science", "Science"),
    ("poetry", "Poetry"),
]


class Author(models.Model):
    name = models.CharField(max_length=100)
    country = models.CharField(max_length=60)

    def __str__(self) -> str:
        return str(self.name)


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="books")
    year = models.PositiveIntegerField()
    genre = models.CharField(max_length=20, choices=GENRES)
    available = models.BooleanField(default=True)

    def __str__(self) -> str:
        return str(self.title)
