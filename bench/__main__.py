"""Run the benchmarks: `python -m bench [name ...]` (default: all)."""
from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    available = sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("bench_"))
    chosen = [n if n.startswith("bench_") else f"bench_{n}" for n in names] or available
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    for name in chosen:
        if name not in available:
            print(f"unknown benchmark {name}; available: {', '.join(available)}", file=sys.stderr)
            return 2
        print(f"== {name}")
        result = importlib.import_module(f"bench.{name}").main()
        (out / f"{name}.json").write_text(json.dumps(result, indent=1, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
