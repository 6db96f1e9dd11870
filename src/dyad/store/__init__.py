"""Writing and storing events: file writers (JSON Lines, CSV, table)."""
