"""Imported once by the fork server of the local engine, before it forks any worker:
loads the coder of the run (its options come in ``DYAD_WORKER_OPTIONS``), so every
worker starts with the model and lexicon already in memory, shared until written."""
import json
import os

_options = os.environ.get("DYAD_WORKER_OPTIONS")
if _options:
    try:
        from dyad.api import coder

        coder(**json.loads(_options))
    except Exception:  # noqa: BLE001 -- a worker loading it again reports the error properly
        pass
