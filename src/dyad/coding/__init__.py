"""Coding: parse a story, resolve its actors, match event patterns and decide which
events it states (parse -> actors -> events -> parties -> keep -> places, dates)."""
