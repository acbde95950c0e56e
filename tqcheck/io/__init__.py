"""Readers: each turns files into Documents of Segments."""
from .text import parse_text, read_document, read_text
from .inputs import load_inputs

__all__ = ["parse_text", "read_document", "read_text", "load_inputs"]
