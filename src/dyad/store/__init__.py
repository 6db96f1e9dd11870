"""The write-or-store stage: file writers for coded events (``output``) and the event
store, one DuckDB file with stories, sentences, actors, mentions and merged events
(``Store``; open one with ``dyad.open(path)``)."""


def __getattr__(name):
    # The store needs DuckDB and pandas; writing JSON Lines does not, so they load on use.
    if name == "Store":
        from .store import Store

        return Store
    raise AttributeError(name)
