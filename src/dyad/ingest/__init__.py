"""Ingest: read files, folders, corpora and records into Articles, and clean them
(boilerplate out, offsets kept) before parsing."""
