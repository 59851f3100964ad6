"""Run the benchmarks: ``python -m bench [NAME ...]`` runs every ``bench/bench_*.py`` (or the
named ones, e.g. ``ask`` for ``bench_ask.py``), prints each module's figures and writes them all
to ``var/bench/results.json``. A module that fails is reported and the others still run.
"""

from __future__ import annotations

import importlib
import json
import sys
import time
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_FILE = BENCH_DIR.parent / "var" / "bench" / "results.json"
PREFIX = "bench_"


def discover(names: Sequence[str] = ()) -> list[str]:
    """Module names of the benchmarks present, or of the requested ones (``ask``)."""
    present = sorted(p.stem for p in BENCH_DIR.glob(f"{PREFIX}*.py"))
    if not names:
        return present
    wanted = [n if n.startswith(PREFIX) else PREFIX + n for n in names]
    unknown = [n for n in wanted if n not in present]
    if unknown:
        known = ", ".join(p.removeprefix(PREFIX) for p in present)
        raise SystemExit(f"unknown benchmark {', '.join(unknown)}; known: {known}")
    return wanted


def run_module(name: str) -> dict[str, object]:
    """Import ``bench.<name>`` and call its ``run()``; a failure becomes an ``error`` figure."""
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.{name}")
        figures = dict(module.run())
    except Exception as error:  # a broken benchmark must not stop the others
        figures = {
            "error": f"{type(error).__name__}: {error}",
            "traceback": traceback.format_exc(limit=-3).strip().splitlines(),
        }
    figures["bench_seconds"] = round(time.perf_counter() - started, 2)
    figures["finished_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    return figures


def render(value: object, indent: int = 0) -> list[str]:
    """Readable lines for nested figures: mappings indented, lists of mappings one per line."""
    pad = "  " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict | list) and item:
                lines.append(f"{pad}{key}:")
                lines += render(item, indent + 1)
            else:
                lines.append(f"{pad}{key}: {_scalar(item)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                lines.append(pad + "- " + "; ".join(f"{k}={_scalar(v)}" for k, v in item.items()))
            else:
                lines.append(f"{pad}- {_scalar(item)}")
    else:
        lines.append(pad + _scalar(value))
    return lines


def _scalar(value: object) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def save(results: dict[str, dict[str, object]], path: Path = RESULTS_FILE) -> None:
    """Merge into the results file, so running one benchmark keeps the others' figures."""
    merged: dict[str, object] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            merged = loaded if isinstance(loaded, dict) else {}
        except ValueError:
            print(f"{path}: unreadable, starting afresh", file=sys.stderr)
    merged.update(results)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(merged, indent=2, ensure_ascii=False, default=str), "utf-8")


def main(argv: Sequence[str]) -> int:
    results: dict[str, dict[str, object]] = {}
    for name in discover(argv):
        print(f"== {name}", flush=True)
        figures = run_module(name)
        results[name] = figures
        print("\n".join(render(figures, 1)), flush=True)
        print()
    save(results)
    print(f"figures written to {RESULTS_FILE}")
    failed = [name for name, figures in results.items() if "error" in figures]
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
