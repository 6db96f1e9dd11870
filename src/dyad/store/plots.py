"""Two pictures analysts ask for first: a dyad's relationship over time, and who acts on
whom. Both are written as image files (PNG, SVG or PDF, by the file's suffix) and are
meant to be read as they come: titles, labelled axes and legends."""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError

_QUAD_COLUMNS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
_QUAD_LABELS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")
_QUAD_COLOURS = ("#8fd19e", "#2e8b57", "#f4a582", "#b2182b")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")  # files only: no display is needed, or wanted, on a server
    import matplotlib.pyplot as plt

    return plt


def _check_out(path: Path) -> None:
    if path.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise InputError(f"{path}: cannot tell the image format", "end the file name with .png, .svg or .pdf")
    if not path.parent.is_dir():
        raise InputError(f"{path}: the folder {path.parent} does not exist", "create it first or choose another path")


def plot_dyad(store, a: str, b: str, path: Path, period: str = "month", **filters) -> Path:
    """Goldstein (mean per period) and QuadClass counts over time, A->B and B->A."""
    _check_out(path)
    ab = store.dyads(period=period, **{**filters, "source": a, "target": b})
    ba = store.dyads(period=period, **{**filters, "source": b, "target": a})
    if ab.empty and ba.empty:
        raise InputError(f"no events between {a} and {b} in {store.path}",
                         "check the codes with `dyad actors`; a country code such as RUS covers all its sectors")
    ab, ba = _per_period(ab), _per_period(ba)
    plt = _pyplot()
    fig, (top, mid, low) = plt.subplots(3, 1, figsize=(11, 9), sharex=True,
                                        gridspec_kw={"height_ratios": [1.2, 1, 1]})
    for frame, label, style in ((ab, f"{a} → {b}", "-o"), (ba, f"{b} → {a}", "--s")):
        if not frame.empty:
            top.plot(frame.index, frame["goldstein_mean"], style, label=label, markersize=4)
    top.axhline(0, color="grey", linewidth=0.8)
    top.set_ylim(-10.5, 10.5)
    top.set_ylabel("mean Goldstein score\n(−10 conflict … +10 cooperation)")
    top.set_title(f"{a} and {b}: events per {period}, {store.path.name}")
    top.legend(title="direction", loc="upper left", bbox_to_anchor=(1.01, 1))
    from matplotlib.ticker import MaxNLocator

    for ax, frame, label in ((mid, ab, f"{a} → {b}"), (low, ba, f"{b} → {a}")):
        _stacked_quads(ax, frame, period)
        ax.set_ylabel(f"events {label}")
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    low.set_xlabel(period)
    mid.legend(title="QuadClass", loc="upper left", bbox_to_anchor=(1.01, 1), fontsize="small")
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path


def _per_period(frame):
    if frame.empty:
        return frame
    sums = frame.groupby("period")[["events", "goldstein_sum", *_QUAD_COLUMNS]].sum()
    sums["goldstein_mean"] = sums["goldstein_sum"] / sums["events"]
    return sums.sort_index()


def _stacked_quads(ax, frame, period: str) -> None:
    width = {"day": 0.8, "week": 5, "month": 25, "year": 300}[period]
    if frame.empty:
        ax.text(0.5, 0.5, "no events", ha="center", va="center", transform=ax.transAxes, color="grey")
        return
    bottom = None
    for col, label, colour in zip(_QUAD_COLUMNS, _QUAD_LABELS, _QUAD_COLOURS):
        ax.bar(frame.index, frame[col], width=width, bottom=bottom, label=label, color=colour, align="edge")
        bottom = frame[col] if bottom is None else bottom + frame[col]


def plot_network(store, path: Path, top: int = 40, by: str = "country", **filters) -> Path:
    """Who acts on whom: the ``top`` heaviest edges, width by events, colour by mean
    Goldstein score; actors grouped by country unless ``by="code"``."""
    import networkx as nx

    _check_out(path)
    edges = store.network(by=by, **filters).head(top)
    if edges.empty:
        raise InputError(f"no events with a target in {store.path} for these filters", "widen the filters")
    plt = _pyplot()
    from matplotlib import colormaps
    from matplotlib.colors import Normalize

    g = nx.DiGraph()
    for e in edges.itertuples():
        g.add_edge(e.source, e.target, events=e.events, goldstein=e.goldstein_mean)
    fig, ax = plt.subplots(figsize=(11, 9))
    pos = nx.spring_layout(g, k=1.6 / max(len(g), 1) ** 0.5, seed=7)  # seeded: the same picture every time
    weights = [d["events"] for _, _, d in g.edges(data=True)]
    most = max(weights)
    cmap, norm = colormaps["RdYlGn"], Normalize(-10, 10)
    sizes = [300 + 1200 * g.degree(n, weight="events") / (2 * most) for n in g]
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=sizes, node_color="#dde6f0", edgecolors="#445")
    nx.draw_networkx_labels(g, pos, ax=ax, font_size=8)
    nx.draw_networkx_edges(g, pos, ax=ax, width=[0.8 + 5 * w / most for w in weights],
                           edge_color=[cmap(norm(d["goldstein"])) for _, _, d in g.edges(data=True)],
                           arrows=True, arrowsize=14, connectionstyle="arc3,rad=0.12", node_size=sizes)
    bar = fig.colorbar(plt.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax, shrink=0.6)
    bar.set_label("mean Goldstein score of the edge's events")
    ax.plot([], [], color="grey", linewidth=1, label="1 event")
    ax.plot([], [], color="grey", linewidth=5.8, label=f"{most} events")
    ax.legend(title="edge width", loc="upper center", bbox_to_anchor=(0.5, 0.0), ncols=2)
    ax.margins(0.1)
    ax.set_title(f"Who acts on whom: the {len(edges)} busiest directed dyads, {store.path.name}")
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)
    return path
