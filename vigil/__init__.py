"""Vigil: self-hosted synthetic monitoring driven by plain-language goals."""

__version__ = "0.1.0"
