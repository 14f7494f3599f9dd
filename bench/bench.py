"""Time hammplan against reading the PDF at all, in one sitting; print and keep the figures.

    make bench                      # or: .venv/bin/python bench/bench.py [--repeat N] [PDF]

Every measurement is a fresh child process (``.venv/bin/hammplan ...`` or a small Python
snippet), run ``--repeat`` times in rounds (each round runs everything once, so a noisy
neighbour slows all rows alike), reported as the median. Ratios are taken between figures of
this same run, so they compare across machines where seconds do not:

- baseline: plain pdfplumber, ``page.extract_tables()`` on every page;
- floor: every character with its box through pypdfium2 (and ``pdftotext`` if installed);
- ``hammplan extract``, ``validate``, ``render``; ``build`` cold (fresh data folder) and
  warm (nothing changed); subcommands this hammplan lacks are reported as not available;
- the size of what ``render`` wrote: the page, its evidence images and the PDF's copy;
- peak memory of each hammplan step: the largest process (``ru_maxrss``, exact) and the
  whole process tree (workers included: the sum of proportional set sizes, so memory shared
  after a fork counts once), sampled every 50 ms;
- a scan: ``extract`` on a printed-and-scanned copy with a real OCR text layer (``--scan``;
  by default ``../shared/data/scans/*.pdf`` beside the checkout, else the nine scanned pages
  in tests/fixtures), per page against ``extract`` on the plan per page;
- scaling: ``extract`` on the plan concatenated to 4x its pages (built here with pypdfium2),
  and the page stream alone (every page read and let go, :func:`iter_pages`) at 1x and 4x:
  its memory is what ``extract`` needs for pages, apart from the records it builds. Whether
  that grows is judged on the largest process: the tree's PSS also rises with run time alone,
  as forked workers write to objects they share with the parent (reference counts, garbage
  collection) and copy-on-write pages stop being shared, up to the processes' full size;
- hostile files (``tests/support/hostile_pdfs.py``): a 2 MB Flate bomb inflating to 2 GiB
  and form XObjects drawing each other ten times eight deep; ``extract`` refuses both in one
  line, and the peak memory of doing so is the figure (target: under 1 GB);
- ``hammplan compare`` on two built data folders and on two PDFs (the plan with itself).

The table goes to stdout and, with the machine it came from, to bench/latest.md. Nothing
here passes or fails: the targets are printed with what was measured.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HAMMPLAN = BIN / "hammplan"
PYTHON = sys.executable

BASELINE = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    for page in pdf.pages:
        page.extract_tables()
        page.close()
"""

FLOOR = """
import sys, pypdfium2 as pdfium
doc = pdfium.PdfDocument(sys.argv[1])
for index in range(len(doc)):
    page = doc[index]
    text = page.get_textpage()
    count = text.count_chars()
    chars = text.get_text_range(0, count)
    boxes = [text.get_charbox(i) for i in range(count)]
    text.close()
    page.close()
doc.close()
"""

# What extract holds for the pages themselves: every page read, furniture dropped, let go.
STREAM = """
import sys
from pathlib import Path
from hammplan.extract.reading import iter_pages
for page in iter_pages(Path(sys.argv[1])):
    pass
"""

# Runs one command and reports the peak RSS of its largest process (workers included, as
# RUSAGE_CHILDREN keeps the maximum over every waited-for descendant).
WRAPPER = """
import resource, subprocess, sys
code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL).returncode
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code)
"""


@dataclass
class Row:
    """One measured command: wall seconds and peak memory of every run."""

    name: str
    seconds: list[float] = field(default_factory=list)
    largest_kb: list[int] = field(default_factory=list)
    tree_kb: list[int] = field(default_factory=list)
    note: str = ""

    @property
    def median(self) -> float | None:
        return statistics.median(self.seconds) if self.seconds else None

    def memory_mb(self) -> tuple[float, float] | None:
        if not self.largest_kb:
            return None
        return max(self.largest_kb) / 1024, max(self.tree_kb) / 1024


def _tree_pss_kb(root: int) -> int:
    """Memory of a process and all its descendants (kB): the sum of their proportional set
    sizes, so pages that forked workers share with their parent count once."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        # descendants started after the root; a wrapped-around PID is not worth the cost
        # of reading every process's stat ten times a second
        if not entry.isdigit() or int(entry) < root:
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(b")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    total = 0
    stack = [root]
    while stack:
        pid = stack.pop()
        stack.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/smaps_rollup") as handle:
                for line in handle:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
                        break
        except OSError:
            continue
    return total


def run(row: Row, argv: Sequence[str], cwd: Path, ok: Sequence[int] = (0,)) -> None:
    """Run ``argv`` once in a fresh wrapper process; add its time and memory to ``row``."""
    peak = [0]
    start = time.perf_counter()
    proc = subprocess.Popen(
        [PYTHON, "-c", WRAPPER, *argv], cwd=cwd, stdout=subprocess.PIPE, text=True
    )
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.05):
            peak[0] = max(peak[0], _tree_pss_kb(proc.pid))

    sampler = None
    if Path("/proc").is_dir():
        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    if sampler is not None:
        sampler.join()
    largest, code = (int(v) for v in out.split())
    if code not in ok:
        raise SystemExit(f"{' '.join(map(str, argv))}: exit code {code}")
    row.seconds.append(elapsed)
    row.largest_kb.append(largest)
    # the sample includes the wrapper (a bare interpreter, about 10 MB)
    row.tree_kb.append(peak[0])


# compare's own work on two data folders, after its imports: load both plans, compare, write
COMPARE_IN_PROCESS = """
import sys, time
from pathlib import Path
import hammplan.compare.run, hammplan.compare.report, hammplan.compare.outputs
import hammplan.io.loading, hammplan.render.html, hammplan.render.markdown
start = time.perf_counter()
hammplan.compare.run.run_compare(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]))
print(time.perf_counter() - start)
"""


def run_timed(row: Row, argv: Sequence[str], cwd: Path) -> None:
    """Run ``argv``, a snippet that prints the seconds it measured itself; add them to
    ``row`` (no memory: the process is the one of the full command's row)."""
    out = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, check=True).stdout
    row.seconds.append(float(out.split()[-1]))


def _subcommands() -> set[str]:
    """hammplan's subcommands, from its --help (others may be added while this runs)."""
    text = subprocess.run([str(HAMMPLAN), "--help"], capture_output=True, text=True).stdout
    names = {"extract", "validate", "render", "build", "compare"}
    return {
        name
        for name in names
        if any(line.strip(" │").startswith(name + " ") for line in text.splitlines())
    }


def _has_stream() -> bool:
    """Whether this hammplan reads pages as a stream (older ones have no ``iter_pages``)."""
    probe = "import hammplan.extract.reading as r; r.iter_pages"
    return subprocess.run([PYTHON, "-c", probe], capture_output=True).returncode == 0


def _concatenate(pdf: Path, target: Path, times: int) -> int:
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(pdf)
    out = pdfium.PdfDocument.new()
    for _ in range(times):
        out.import_pages(source)
    count = len(out)
    out.save(target)
    out.close()
    source.close()
    return count


def _hostile_pdfs(folder: Path) -> dict[str, Path]:
    """The inflation bomb and the fan-out of forms of the test corpus, made once."""
    sys.path.insert(0, str(ROOT))
    from tests.support import hostile_pdfs

    return {
        "bomb": hostile_pdfs.flate_bomb(2048)(folder / "bomb.pdf"),
        "fan-out": hostile_pdfs.form_fan_out(8, 10)(folder / "fan-out.pdf"),
    }


def _data_dir(parent: Path, name: str, pdf: Path) -> Path:
    folder = parent / name
    (folder / "raw").mkdir(parents=True)
    shutil.copy2(pdf, folder / "raw" / pdf.name)
    return folder


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    load = ", ".join(f"{v:.2f}" for v in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"{cpu}, {cores} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}; load average at start {load}"
    )


def _kb(size: int) -> str:
    return f"{size / 1024:,.0f} KB".replace(",", ".")


def _report_size(folder: Path) -> list[str]:
    """What render wrote, by kind: the page, the evidence images, the PDF copy, the rest."""
    if not (folder / "index.html").is_file():
        return []
    files = [p for p in folder.rglob("*") if p.is_file()]
    kinds = {
        "`index.html` (one page, charts inline)": [folder / "index.html"],
        "`evidence/*.png` (evidence images)": [p for p in files if p.parent.name == "evidence"],
        "`quelle.pdf` (the source, copied)": [p for p in files if p.name == "quelle.pdf"],
        "`report.md`, `charts/*.svg`": [
            p for p in files if p.name == "report.md" or p.parent.name == "charts"
        ],
    }
    lines = ["", "| what render wrote | files | size |", "|---|---:|---:|"]
    for label, paths in kinds.items():
        lines.append(f"| {label} | {len(paths)} | {_kb(sum(p.stat().st_size for p in paths))} |")
    images = kinds["`evidence/*.png` (evidence images)"]
    if images:
        sizes = sorted(p.stat().st_size for p in images)
        lines.append(
            f"| evidence image, median / largest | | {_kb(sizes[len(sizes) // 2])} / "
            f"{_kb(sizes[-1])} |"
        )
    lines.append(
        f"| all, the report with its evidence images | {len(files)} | "
        f"{_kb(sum(p.stat().st_size for p in files))} |"
    )
    return lines


def _default_scan() -> Path:
    """A real scan of the plan in ``shared/data/scans`` beside the checkout or beside a folder
    above it (a worktree stands a level deeper than the main checkout), else the test excerpt.

    The excerpt's nine pages are too few for a fair time per page: the process start, paid
    once, is most of its time.
    """
    for folder in ROOT.parents:
        shared = sorted((folder / "shared" / "data" / "scans").glob("*.pdf"))
        if shared:
            return shared[0]
    return ROOT / "tests" / "fixtures" / "integrationsplan-hamm-2024-scan-excerpt.pdf"


def _page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    count = len(document)
    document.close()
    return count


def _fmt_s(value: float | None) -> str:
    return "not available" if value is None else f"{value:.2f} s"


def main() -> None:  # noqa: C901 - one flat script of timings
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "pdf", nargs="?", type=Path, default=next((ROOT / "data" / "raw").glob("*.pdf"))
    )
    parser.add_argument("--repeat", type=int, default=5, help="runs of each (median)")
    parser.add_argument(
        "--scan", type=Path, default=_default_scan(), help="a scanned copy with an OCR text layer"
    )
    parser.add_argument("--output", type=Path, default=ROOT / "bench" / "latest.md")
    args = parser.parse_args()
    pdf: Path = args.pdf.resolve()
    machine = _machine()
    started = dt.datetime.now().astimezone()
    available = _subcommands()
    streams = _has_stream()
    print(f"{pdf.name}, {args.repeat} runs each, on {machine}", flush=True)

    rows = {
        name: Row(name)
        for name in (
            "baseline",
            "floor",
            "pdftotext",
            "extract",
            "validate",
            "render",
            "build cold",
            "build warm",
            "extract 4x",
            "extract scan",
            "stream",
            "stream 4x",
            "compare dirs",
            "compare in process",
            "compare pdfs",
            "bomb",
            "fan-out",
        )
    }
    scan: Path = args.scan.resolve()
    scan_pages = _page_count(scan)
    with tempfile.TemporaryDirectory(prefix="hammplan-bench-") as tmp_name:
        tmp = Path(tmp_name)
        pages4 = _concatenate(pdf, tmp / f"4x-{pdf.name}", 4)
        pages1 = pages4 // 4
        steps = _data_dir(tmp, "steps", pdf)
        big = _data_dir(tmp, "big", tmp / f"4x-{pdf.name}")
        scanned = _data_dir(tmp, "scan", scan)
        pdftotext = shutil.which("pdftotext")

        def hammplan(*argv: str | Path) -> list[str]:
            return [str(HAMMPLAN), *map(str, argv)]

        plan: list[tuple[str, Callable[[int], None]]] = [
            ("baseline", lambda r: run(rows["baseline"], [PYTHON, "-c", BASELINE, str(pdf)], tmp)),
            ("floor", lambda r: run(rows["floor"], [PYTHON, "-c", FLOOR, str(pdf)], tmp)),
        ]
        if pdftotext:
            plan.append(
                (
                    "pdftotext",
                    lambda r: run(
                        rows["pdftotext"], [pdftotext, "-q", str(pdf), str(tmp / "out.txt")], tmp
                    ),
                )
            )
        if "extract" in available:
            plan.append(
                (
                    "extract",
                    lambda r: run(
                        rows["extract"], hammplan("extract", "--data-dir", steps, "-q"), tmp
                    ),
                )
            )
        if "validate" in available and "extract" in available:
            plan.append(
                (
                    "validate",
                    lambda r: run(
                        rows["validate"],
                        hammplan("validate", "--data-dir", steps, "-q"),
                        tmp,
                        ok=(0, 1),
                    ),
                )
            )
        if "render" in available and "validate" in available:
            plan.append(
                (
                    "render",
                    lambda r: run(
                        rows["render"],
                        hammplan("render", "--data-dir", steps, "--out", steps / "reports", "-q"),
                        tmp,
                    ),
                )
            )
        if "build" in available:

            def builds(r: int) -> None:
                folder = _data_dir(tmp, f"build{r}", pdf)
                argv = hammplan("build", "--data-dir", folder, "--out", folder / "reports", "-q")
                run(rows["build cold"], argv, tmp, ok=(0, 1))
                run(rows["build warm"], argv, tmp, ok=(0, 1))

            plan.append(("build", builds))
        if "compare" in available and "validate" in available:

            def compare_dirs(r: int) -> None:
                other = tmp / "steps-copy"  # a second built data folder (validate's output)
                if not other.exists():
                    shutil.copytree(steps / "curated", other / "curated")
                run(
                    rows["compare dirs"],
                    hammplan("compare", steps, other, "--out", tmp / "compare", "-q"),
                    tmp,
                )
                run_timed(
                    rows["compare in process"],
                    [
                        PYTHON,
                        "-c",
                        COMPARE_IN_PROCESS,
                        str(steps),
                        str(other),
                        str(tmp / "compare-in-process"),
                    ],
                    tmp,
                )

            plan.append(("compare dirs", compare_dirs))
        if "compare" in available:
            plan.append(
                (
                    "compare pdfs",
                    lambda r: run(
                        rows["compare pdfs"],
                        hammplan("compare", pdf, pdf, "--out", tmp / "compare-pdfs", "-q"),
                        tmp,
                    ),
                )
            )
        if "extract" in available:
            plan.append(
                (
                    "extract scan",
                    lambda r: run(
                        rows["extract scan"], hammplan("extract", "--data-dir", scanned, "-q"), tmp
                    ),
                )
            )
            plan.append(
                (
                    "extract 4x",
                    lambda r: run(
                        rows["extract 4x"], hammplan("extract", "--data-dir", big, "-q"), tmp
                    ),
                )
            )
        if "extract" in available:  # hostile files: refused in one line, in bounded memory
            hostile = _hostile_pdfs(tmp)
            for key, source in hostile.items():
                plan.append(
                    (
                        key,
                        lambda r, key=key, source=source: run(
                            rows[key],
                            hammplan("extract", source, "--data-dir", tmp / key, "-q"),
                            tmp,
                            ok=(2,),
                        ),
                    )
                )
        if streams:
            for key, source in (("stream", pdf), ("stream 4x", tmp / f"4x-{pdf.name}")):
                plan.append(
                    (
                        key,
                        lambda r, key=key, source=source: run(
                            rows[key], [PYTHON, "-c", STREAM, str(source)], tmp
                        ),
                    )
                )

        for r in range(args.repeat):
            for name, step in plan:
                print(f"  round {r + 1}/{args.repeat}: {name}", file=sys.stderr, flush=True)
                step(r)
        report_size = _report_size(steps / "reports")

    base = rows["baseline"].median
    extract = rows["extract"].median
    lines = [
        f"# Benchmark: {pdf.name} ({pages1} pages)",
        "",
        f"Measured {started:%Y-%m-%d %H:%M %Z} on {machine}.",
        f"Median of {args.repeat} runs, each a fresh process; `make bench` "
        "(bench/bench.py) writes this file.",
        "",
        "| step | median | baseline / step | step / extract | peak RSS, largest process | "
        "peak PSS, process tree |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    labels = {
        "baseline": "baseline: pdfplumber `extract_tables()`, every page",
        "floor": "floor: every character and box via pypdfium2",
        "pdftotext": "floor: `pdftotext`",
        "extract": "`hammplan extract`",
        "validate": "`hammplan validate`",
        "render": "`hammplan render`",
        "build cold": "`hammplan build`, cold (fresh data folder)",
        "build warm": "`hammplan build`, warm (nothing changed)",
        "extract 4x": f"`hammplan extract`, plan x4 ({pages4} pages)",
        "extract scan": f"`hammplan extract`, scan `{scan.name}` ({scan_pages} pages)",
        "stream": "pages only: every page read and let go (`iter_pages`)",
        "stream 4x": f"pages only, plan x4 ({pages4} pages)",
        "bomb": "`hammplan extract` of a Flate bomb (2 MB, inflates to 2 GiB): refused",
        "fan-out": "`hammplan extract` of forms drawing forms (10 x 8 deep, 7 KB): refused",
        "compare dirs": "`hammplan compare`, two built data folders",
        "compare in process": "the same, its own work after the imports (load, compare, write)",
        "compare pdfs": "`hammplan compare`, two PDFs (each extracted and validated first)",
    }
    for key, row in rows.items():
        med = row.median
        # the x4 rows read other pages than the baseline: only their ratio to extract counts
        vs_base = (
            f"{base / med:.2f}"
            if med
            and base
            and "4x" not in key
            and "scan" not in key
            and key not in ("bomb", "fan-out")
            else ""
        )
        vs_extract = f"{med / extract:.2f}" if med and extract else ""
        memory = row.memory_mb()
        mem = (f"{memory[0]:.0f} MB", f"{memory[1]:.0f} MB") if memory else ("", "")
        if med is None and (key.startswith("stream") and not streams or key in ("bomb", "fan-out")):
            continue
        shown = (
            _fmt_s(med)
            if med is not None
            else ("not available" if key != "pdftotext" else "not installed")
        )
        lines.append(
            f"| {labels[key]} | {shown} | {vs_base} | {vs_extract} | {mem[0]} | {mem[1]} |"
        )

    def target(text: str, value: str, met: bool | None) -> str:
        verdict = "n/a" if met is None else ("met" if met else "missed")
        return f"| {text} | {value} | {verdict} |"

    cold, warm, big4 = (
        rows["build cold"].median,
        rows["build warm"].median,
        rows["extract 4x"].median,
    )
    compared, compared_alone = rows["compare dirs"].median, rows["compare in process"].median
    step_memory = [rows[k].memory_mb() for k in ("extract", "validate", "render", "build cold")]
    peak = max((m[1] for m in step_memory if m), default=None)
    mem1, mem4 = rows["extract"].memory_mb(), rows["extract 4x"].memory_mb()
    pages_mem1, pages_mem4 = rows["stream"].memory_mb(), rows["stream 4x"].memory_mb()
    scanned_s = rows["extract scan"].median
    per_page = (scanned_s / scan_pages) / (extract / pages1) if scanned_s and extract else None
    lines += [
        "",
        "| target | measured | |",
        "|---|---:|---|",
        target(
            "`extract` at least 3x faster than the baseline",
            f"{base / extract:.1f}x" if base and extract else "n/a",
            base / extract >= 3 if base and extract else None,
        ),
        target(
            "cold `build` within 2x of `extract`",
            f"{cold / extract:.2f}x" if cold and extract else "n/a",
            cold / extract <= 2 if cold and extract else None,
        ),
        target("warm `build` under 0.5 s", _fmt_s(warm), warm < 0.5 if warm else None),
        target(
            "peak memory of every step under 400 MB (process tree)",
            f"{peak:.0f} MB" if peak else "n/a",
            peak < 400 if peak else None,
        ),
        target(
            "`compare` of two built data folders well under a second (load, compare, "
            "write; the imports take most of the rest)",
            _fmt_s(compared_alone),
            compared_alone < 1 if compared_alone else None,
        ),
        target(
            "`compare` of two built data folders, whole process (imports of matplotlib, "
            "pandas, jinja2 included)",
            _fmt_s(compared),
            None,
        ),
        target(
            "scan: `extract` time per page within 2x of the plan's",
            f"{per_page:.2f}x ({scanned_s / scan_pages * 1000:.0f} against "
            f"{extract / pages1 * 1000:.0f} ms per page)"
            if per_page and scanned_s and extract
            else "n/a",
            per_page <= 2 if per_page else None,
        ),
        target(
            "4x the pages: at most 4.4x the time of `extract`",
            f"{big4 / extract:.2f}x" if big4 and extract else "n/a",
            big4 / extract <= 4.4 if big4 and extract else None,
        ),
        target(
            "4x the pages: memory for pages does not grow (page stream, largest process; "
            "at most 10% more)",
            f"{pages_mem1[0]:.0f} -> {pages_mem4[0]:.0f} MB (tree: {pages_mem1[1]:.0f} -> "
            f"{pages_mem4[1]:.0f} MB)"
            if pages_mem1 and pages_mem4
            else "n/a",
            pages_mem4[0] <= 1.1 * pages_mem1[0] if pages_mem1 and pages_mem4 else None,
        ),
        *(
            target(
                f"{labels[key].split(' of ')[1].split(':')[0]}: peak memory under 1 GB "
                "(process tree)",
                f"{memory[1]:.0f} MB",
                memory[1] < 1024,
            )
            for key in ("bomb", "fan-out")
            if (memory := rows[key].memory_mb())
        ),
        target(
            "4x the pages: memory of `extract` (largest process, tree), which holds the "
            "records it builds",
            f"{mem1[0]:.0f} -> {mem4[0]:.0f} MB, {mem1[1]:.0f} -> {mem4[1]:.0f} MB"
            if mem1 and mem4
            else "n/a",
            None,
        ),
    ]
    lines += report_size
    text = "\n".join(lines) + "\n"
    print()
    print(text)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
