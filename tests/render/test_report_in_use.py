"""The report of the bundled plan as people use it: at 1280 and 390 px in Chromium, printed
to A4, back to the source PDF, with its evidence images and its filters.

The layout is measured inside the page: a copy of the report (without its CSP, with a
measuring script) is loaded in an iframe of the size under test (a headless window cannot be
narrower than 500 px; an iframe can), and the script posts its measurements to the outer
page, whose DOM Chromium dumps.
"""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image

from hammplan.build import render_stage, validate_stage
from hammplan.extract.output import write_extracted
from hammplan.records import ExtractedDocument
from hammplan.records.plan import CuratedPlan
from hammplan.render.cells import slug
from hammplan.render.evidence import SCALE, crop_box, evidence_key, locate
from hammplan.render.sources import SOURCE_NAME
from tests.conftest import PLAN_PDF
from tests.render.test_browser import run_chromium

NB = "\u00a0"

MEASURE = """
window.addEventListener("load", function () {
  function rect(e) { var r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }
  var doc = document.documentElement;
  var th = document.querySelector("table.budget tbody th[scope=row]");
  var probe = document.createElement("span");
  probe.textContent = "0";
  probe.style.font = getComputedStyle(th).font;
  document.body.appendChild(probe);
  var out = {
    scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth,
    bodyFont: parseFloat(getComputedStyle(document.body).fontSize),
    nameWidth: th.getBoundingClientRect().width, ch: probe.getBoundingClientRect().width,
    toc: Array.prototype.map.call(document.querySelectorAll("nav.toc li > a"), rect),
    charts: Array.prototype.map.call(document.querySelectorAll("figure.chart svg"), function (svg) {
      var scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      var sizes = Array.prototype.map.call(svg.querySelectorAll("text"), function (t) {
        return parseFloat(getComputedStyle(t).fontSize) * scale; });
      return Math.min.apply(null, sizes);
    })
  };
  var form = document.querySelector("form.filters[data-target=haushalt-zeilen]");
  form.elements.status.value = "mit Fehler";
  form.dispatchEvent(new Event("input"));
  out.filtered = form.querySelector("output").value;
  out.shownRows = Array.prototype.filter.call(
    document.querySelectorAll("#haushalt-zeilen tr"), function (r) { return !r.hidden; })
    .map(function (r) { return r.id; });
  parent.postMessage(JSON.stringify(out), "*");
});
"""


@dataclass(frozen=True)
class Built:
    """The bundled plan's data folder and its report folder."""

    data: Path
    out: Path
    plan: CuratedPlan
    document: ExtractedDocument
    html: str


@pytest.fixture(scope="module")
def built(plan: ExtractedDocument, tmp_path_factory: pytest.TempPathFactory) -> Built:
    data = tmp_path_factory.mktemp("data")
    (data / "raw").mkdir()
    shutil.copyfile(PLAN_PDF, data / "raw" / PLAN_PDF.name)
    write_extracted(plan, data / "interim" / "extracted.json")
    validate_stage(data, None)
    out = data / "reports"
    render_stage(data, out, None)
    from hammplan.render import load_curated_plan

    curated = load_curated_plan(data / "curated" / "plan.json")
    return Built(data, out, curated, plan, (out / "index.html").read_text(encoding="utf-8"))


def measured(built: Built, width: int, height: int, profile: Path) -> dict[str, object]:
    page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", built.html)
    page = page.replace("</body>", f"<script>{MEASURE}</script></body>")
    (built.out / "measure.html").write_text(page, encoding="utf-8")
    frame = built.out / f"frame-{width}.html"
    frame.write_text(
        f'<!DOCTYPE html><html><body style="margin:0"><iframe src="measure.html" '
        f'width="{width}" height="{height}" style="border:0"></iframe><pre id="m"></pre>'
        '<script>addEventListener("message", function (e) {'
        ' document.getElementById("m").textContent = e.data; });</script></body></html>',
        encoding="utf-8",
    )
    dom = run_chromium(
        frame, profile, "--window-size=1400,1000", "--virtual-time-budget=20000", "--dump-dom"
    ).stdout
    found = re.search(r'<pre id="m">(.+?)</pre>', dom)
    assert found, "the measuring script posted nothing"
    result: dict[str, object] = json.loads(html_lib.unescape(found.group(1)))
    return result


def overlapping(rects: list[list[float]]) -> list[tuple[int, int]]:
    return [
        (i, j)
        for i, a in enumerate(rects)
        for j, b in enumerate(rects)
        if i < j and a[0] < b[2] - 1 and b[0] < a[2] - 1 and a[1] < b[3] - 1 and b[1] < a[3] - 1
    ]


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_layout_holds(built: Built, tmp_path: Path, width: int, height: int) -> None:
    m = measured(built, width, height, tmp_path / "profile")
    assert m["clientWidth"] <= width and m["scrollWidth"] == m["clientWidth"]  # no sideways scroll
    name_chars = float(m["nameWidth"]) / float(m["ch"])  # type: ignore[arg-type]
    assert name_chars >= 12, f"budget name column {name_chars:.1f} characters wide"
    toc = m["toc"]
    assert isinstance(toc, list) and len(toc) > len(built.plan.measures)
    assert overlapping(toc) == []
    if width < 600:  # on a phone no chart text is smaller than the body text
        charts = m["charts"]
        assert isinstance(charts, list) and len(charts) == 8
        assert min(charts) >= float(m["bodyFont"]) - 0.01  # type: ignore[arg-type]


def test_status_filter_shows_only_rows_with_an_error(built: Built, tmp_path: Path) -> None:
    m = measured(built, 1280, 800, tmp_path / "profile")
    with_error = {
        ref.id
        for f in built.plan.findings
        if f.severity == "error"
        for ref in f.refs
        if ref.kind == "budget"
    }
    assert with_error and m["filtered"] == f"{len(with_error)} von {len(built.plan.budget)}"
    shown = m["shownRows"]
    assert isinstance(shown, list)
    assert sorted(shown) == sorted(f"haushalt-{slug(i)}" for i in with_error)


def test_without_scripts_everything_is_there(built: Built) -> None:
    assert len(re.findall(r'<form class="filters"[^>]* hidden ', built.html)) == 2
    rows = re.findall(r'<tr id="haushalt-[^"]+"[^>]*>', built.html)
    assert len(rows) == len(built.plan.budget) and not any(" hidden" in r for r in rows)
    assert built.html.count('<section class="measure"') == len(built.plan.measures)


def test_every_page_reference_links_to_its_pdf_page(built: Built) -> None:
    assert (built.out / SOURCE_NAME).read_bytes() == PLAN_PDF.read_bytes()
    links = re.findall(r'<a href="quelle\.pdf#page=(\d+)">([\d.]+)</a>', built.html)
    assert len(links) > 1000 and all(int(n) == int(t.replace(".", "")) for n, t in links)
    body = built.html[built.html.index("<body>") :]
    unlinked = re.sub(r'<a href="quelle\.pdf#page=\d+">[\d.]+</a>', "", body)
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", unlinked))
    assert re.findall(rf"S\.{NB}\d", text) == []


class _Findings(HTMLParser):
    """The images inside each ``<li class="finding sev-...">`` of a page, by severity."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, list[dict[str, str | None]]]] = []
        self.depth = 0  # of <li> inside the finding being read; 0: outside every finding

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        classes = (dict(attrs).get("class") or "").split()
        if tag == "li" and self.depth:
            self.depth += 1
        elif tag == "li" and "finding" in classes:
            self.depth = 1
            self.found.append((classes[1].removeprefix("sev-"), []))
        elif tag == "img" and self.depth:
            self.found[-1][1].append(dict(attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "li" and self.depth:
            self.depth -= 1


def test_every_error_and_warning_has_its_evidence(built: Built) -> None:
    parser = _Findings()
    parser.feed(built.html)
    serious = [images for severity, images in parser.found if severity in ("error", "warning")]
    expected = [f for f in built.plan.findings if f.severity in ("error", "warning")]
    assert len(serious) >= len(expected) > 0
    assert all(serious)  # each has at least one image
    for image in (i for images in serious for i in images):
        assert (built.out / str(image["src"])).stat().st_size < 40_000
        assert image["loading"] == "lazy" and str(image["alt"]).startswith(f"Gedruckt auf S.{NB}")
    measures = re.findall(r'<section class="measure".*?</section>', built.html, flags=re.S)
    assert len(measures) == len(built.plan.measures)
    assert all('<figcaption>Titel, <span class="pg">' in m for m in measures)


def _difference(one: Image.Image, other: Image.Image, slack: int = 3) -> float:
    """Mean grey difference of two renders of a box, at the best alignment within ``slack``
    pixels, both blurred by a pixel: two renderers place a box's edge up to a pixel or two
    apart and anti-alias differently, a different box differs everywhere."""
    from PIL import ImageChops, ImageFilter, ImageStat

    one, other = (i.convert("L").filter(ImageFilter.GaussianBlur(1)) for i in (one, other))
    width = min(one.width, other.width) - 2 * slack
    height = min(one.height, other.height) - 2 * slack
    inner = one.crop((slack, slack, slack + width, slack + height))
    return min(
        float(
            ImageStat.Stat(
                ImageChops.difference(
                    inner,
                    other.crop((slack + dx, slack + dy, slack + dx + width, slack + dy + height)),
                )
            ).mean[0]
        )
        for dx in range(-slack, slack + 1)
        for dy in range(-slack, slack + 1)
    )


def test_an_evidence_image_is_the_pdf_cut_at_the_recorded_box(built: Built) -> None:
    """The image of a suspect budget cell is the box extract recorded, rendered again here
    with pdfplumber; the same box moved by 8 points is not."""
    import pdfplumber
    from PIL import Image

    finding = next(f for f in built.plan.findings if f.code == "value_suspect")
    ref = finding.refs[0]
    box = locate(built.document, built.plan)[evidence_key(ref.kind, ref.id, ref.field)][0]
    src = re.search(rf'src="(evidence/{box.file_name})" alt="([^"]+)"', built.html)
    assert src is not None and html_lib.unescape(src.group(2)).endswith(f"„{box.text}“")
    stored = Image.open(built.out / src.group(1))

    def rendered(shift: float) -> Image.Image:
        with pdfplumber.open(PLAN_PDF) as pdf:
            page = pdf.pages[box.page - 1]
            left, bottom, right, top = crop_box(box, float(page.width), float(page.height))
            region = (
                left + shift,
                top,
                float(page.width) - right + shift,
                float(page.height) - bottom,
            )
            image: Image.Image = page.crop(region).to_image(resolution=72 * SCALE).original
        return image

    same = rendered(0.0)
    assert abs(same.width - stored.width) <= 1 and abs(same.height - stored.height) <= 1
    assert _difference(stored, same) < 6
    assert _difference(stored, rendered(8.0)) > 2 * max(_difference(stored, same), 4.0)


def test_print_shows_every_budget_column(built: Built, tmp_path: Path) -> None:
    import pypdfium2 as pdfium

    printed = tmp_path / "report.pdf"
    run_chromium(
        built.out / "index.html",
        tmp_path / "profile",
        "--no-pdf-header-footer",
        f"--print-to-pdf={printed}",
    )
    document = pdfium.PdfDocument(printed)
    texts = [document[i].get_textpage().get_text_range() for i in range(len(document))]
    sizes = [document[i].get_size() for i in range(len(document))]
    document.close()
    assert all(f"Seite {n} von {len(texts)}" in t for n, t in enumerate(texts, start=1))
    table = [i for i, t in enumerate(texts) if "Haushaltszeilen mit Aufwand und Ertrag" in t]
    assert len(table) == 1
    first = table[0]
    head = re.search(r"<table class=\"budget\">.*?</thead>", built.html, flags=re.S)
    assert head is not None
    columns = [
        html_lib.unescape(c) for c in re.findall(r'<th scope="col"[^>]*>([^<]+)</th>', head.group())
    ]
    assert len(columns) == 4 + 2 * 3
    flat = " ".join(texts[first].split())
    for column in columns:
        assert " ".join(column.split()) in flat, column
    width, height = sizes[first]
    assert width > height  # the budget table prints on landscape pages
    last_row = built.plan.budget[-1]
    pages_of_table = "".join(texts[first : first + 4])
    assert " ".join(last_row.massnahme.split()[:2]) in " ".join(pages_of_table.split())
    # chart data tables and the printed text (closed <details> on screen) are printed too
    printed = " ".join(" ".join(t.split()) for t in texts)
    for figure in re.findall(r'<figure class="chart".*?</figure>', built.html, flags=re.S):
        row = re.search(r"<tbody>\s*<tr>(.*?)</tr>", figure, flags=re.S)
        assert row is not None
        cells = [
            " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", c)).split())
            for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row.group(1))
        ]
        assert " ".join(cells[:2]) in printed, cells[:2]
    repaired = next(
        t
        for m in built.plan.measures
        for t in m.source.values()
        if t.repairs and t.raw != t.text and len(t.raw.split()) > 8
    )
    assert " ".join(repaired.raw.split()[:8]) in printed
