"""Ingest: read files, folders, archives, corpora and records into Articles (read,
decode), clean them (boilerplate out, offsets kept) and guard the parser from what
would stall it (guard)."""
