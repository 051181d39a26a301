"""Time `specgen build` over sources/ and over synthetic corpora made from the real pages.

    python bench/bench_build.py [--sizes 100,250,500] [--repeat 3]

Prints, in one run:
- extraction of every page in sources/ (ms, best of --repeat);
- build (extract + generate every target) over synthetic corpora of N operations, made by
  copying the real pages with the operation renamed, as operations per second, so growth can
  be read off (linear growth = a flat ops/s column);
- openapi-python-client generating a client from the OpenAPI document of the largest corpus,
  in the same run, and the ratio.
Nothing here asserts a time; tests never do.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import config, extract, render, writer  # noqa: E402


def synthetic_corpus(dest: Path, size: int) -> int:
    """Copy the real pages, renaming each copy's operation, until `size` operations exist."""
    pages = sorted(p for p in (ROOT / "sources").rglob("*") if p.is_file() and p.suffix in {".rst", ".md", ".txt"} and p.name != "README.md")
    made = 0
    i = 0
    while made < size:
        for page in pages:
            if made >= size:
                break
            text = page.read_text(encoding="utf-8")
            tag = f"X{i}"
            if page.suffix == ".rst":
                # Huawei names come from the title: give each copy its own title word.
                lines = text.split("\n")
                title_at = next(n for n, ln in enumerate(lines) if re.fullmatch(r"=+", ln)) - 1
                lines[title_at] = f"{lines[title_at]} {tag}"
                lines[title_at + 1] = "=" * len(lines[title_at])
                text = "\n".join(lines)
                # and its own path: OpenAPI keys operations by method and path
                text = text.replace("/autoscaling-api/v1/", f"/autoscaling-api/v1/{tag.lower()}/")
            else:
                for name in re.findall(r"\b((?:Create|Put|Describe|Delete|Complete|Record)Lifecycle\w+)", text):
                    text = re.sub(rf"\b{name}\b", f"{name}{tag}", text)
                text = re.sub(
                    r"\b(putLifecycleHook|describeLifecycleHooks|deleteLifecycleHook|completeLifecycleAction|recordLifecycleActionHeartbeat)\b",
                    rf"\g<1>{tag}",
                    text,
                )
            out = dest / page.parent.name / f"{i:04d}_{page.name}"
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(text, encoding="utf-8")
            made += 1
        i += 1
    return made


def best(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100,250,500")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cfg = config.load(ROOT)

    t = best(lambda: extract.extract([ROOT / "sources"], ROOT, select=cfg.select), args.repeat)
    ops = extract.extract([ROOT / "sources"], ROOT, select=cfg.select).operations
    print(f"extract sources/: {len(ops)} operations in {t * 1000:.1f} ms ({len(ops) / t:.0f} ops/s)")

    rows = []
    last_ops: list = []  # type: ignore[type-arg]
    largest_openapi: Path | None = None
    with tempfile.TemporaryDirectory() as tmp:
        for size in [int(s) for s in args.sizes.split(",")]:
            corpus = Path(tmp) / f"corpus{size}"
            synthetic_corpus(corpus, size)

            def build(corpus: Path = corpus, size: int = size) -> int:
                result = extract.extract([corpus], Path(tmp))
                last_ops[:] = result.operations
                files = render.render_all(result.operations, config.TARGETS)
                out = Path(tmp) / f"out{size}"
                writer.apply(writer.plan(out, files))
                return len(result.operations)

            n = build()
            if (Path(tmp) / f"out{size}").exists():
                shutil.rmtree(Path(tmp) / f"out{size}")
            t = best(build, args.repeat)
            rows.append((size, n, t))
            largest_openapi = Path(tmp) / f"out{size}" / "openapi"
        print(f"{'operations':>10} {'build s':>8} {'ops/s':>8}")
        for _size, n, t in rows:
            print(f"{n:>10} {t:>8.2f} {n / t:>8.0f}")
        first, last = rows[0], rows[-1]
        print(f"growth: {last[1] / first[1]:.1f}x operations took {last[2] / first[2]:.1f}x time")

        opc = shutil.which("openapi-python-client") or str(Path(sys.executable).parent / "openapi-python-client")
        if largest_openapi and Path(opc).exists():
            doc = sorted(largest_openapi.glob("*.yaml"))[0]
            start = time.perf_counter()
            done = subprocess.run(
                [opc, "generate", "--path", str(doc), "--output-path", str(Path(tmp) / "opc"), "--overwrite"],
                capture_output=True,
                text=True,
            )
            opc_t = time.perf_counter() - start
            import yaml

            count = sum(len(v) for v in yaml.safe_load(doc.read_text())["paths"].values())
            provider = doc.stem
            same = [op for op in last_ops if op.provider == provider]
            ours = last[2] * count / last[1]
            start = time.perf_counter()
            render.render_all(same, ["clients"])
            client_t = time.perf_counter() - start
            print(f"openapi-python-client, a client from {doc.name} ({count} operations): {opc_t:.2f} s (exit {done.returncode})")
            print(f"specgen, the typed client for the same {len(same)} operations: {client_t:.2f} s: {opc_t / client_t:.2f}x openapi-python-client's speed")
            print(f"specgen, every target for them (~share of the full build): {ours:.2f} s: {opc_t / ours:.2f}x")
        else:
            print("openapi-python-client not installed: pip install -e '.[bench]'")


if __name__ == "__main__":
    main()
