"""The HTML report opened in a real browser: headless Chromium (Debian package) dumps the DOM
and takes a screenshot. Chromium is required, not optional: without it these tests fail and
say how to install it (scripts/install-browser.sh)."""

from __future__ import annotations

import html as html_lib
import re
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.render.conftest import Rendered

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
NB = "\u00a0"


def chromium() -> Path:
    if not CHROMIUM.is_file():
        pytest.fail(
            f"{CHROMIUM} is missing: the report tests need headless Chromium. "
            "Install it with `bash scripts/install-browser.sh` (apt-get install chromium, "
            "needs root), then run the tests again.",
            pytrace=False,
        )
    return CHROMIUM


def run_chromium(page: Path, profile: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [
        str(chromium()),
        *FLAGS,
        f"--user-data-dir={profile}",
        *args,
        page.resolve().as_uri(),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert result.returncode == 0, f"chromium failed ({result.returncode}): {result.stderr[-2000:]}"
    return result


def dump_dom(page: Path, profile: Path) -> str:
    """The page's DOM after loading, with &nbsp; as the character it stands for."""
    dom = run_chromium(page, profile, "--dump-dom").stdout
    assert "</html>" in dom, "chromium printed no DOM"
    return dom.replace("&nbsp;", NB)


def element(dom: str, tag: str, element_id: str) -> str:
    """The markup of the element with ``element_id`` (up to its first closing tag)."""
    start = dom.index(f'id="{element_id}"')
    start = dom.rindex(f"<{tag}", 0, start)
    return dom[start : dom.index(f"</{tag}>", start)]


def text_of(markup: str) -> str:
    return html_lib.unescape(re.sub(r"<[^>]+>", "", markup))


@pytest.fixture(scope="module")
def dom(rendered: Rendered, tmp_path_factory: pytest.TempPathFactory) -> str:
    return dump_dom(rendered.out / "index.html", tmp_path_factory.mktemp("chromium-profile"))


def test_browser_shows_the_headline_figures(dom: str) -> None:
    aufwand = text_of(element(dom, "td", "summe-aufwand-2024"))
    assert f"1.057.821,54{NB}€" in aufwand
    assert f"aus 4 von 7 Zeilen; 2 o.{NB}A., 1 Text statt Zahl" in aufwand
    assert f"S.{NB}32–35" in aufwand
    ertrag = text_of(element(dom, "td", "summe-ertrag-2024"))
    assert f"50.209{NB}€" in ertrag and "1 fraglich" in ertrag
    assert f"1.032.311{NB}€" in text_of(element(dom, "td", "summe-aufwand-2025"))
    assert text_of(element(dom, "div", "kennzahl-massnahmen")).startswith("5Maßnahmen")


def test_browser_shows_a_chart_with_its_title_and_table(dom: str) -> None:
    figure = element(dom, "figure", "aufwand-nach-handlungsfeld")
    assert re.search(r'<svg [^>]*id="aufwand-nach-handlungsfeld-svg"[^>]*role="img"', figure)
    title = '<title id="aufwand-nach-handlungsfeld-title">Aufwand nach Handlungsfeld</title>'
    assert title in figure
    assert ">Erziehung und Bildung<" in figure
    assert f">Aufwand in Tsd.{NB}€<" in figure
    assert "<summary>Daten des Diagramms als Tabelle</summary>" in figure
    assert f"<td>1.112.253{NB}€ (1 Text statt Zahl)</td>" in figure


def test_browser_shows_a_finding_with_links(dom: str) -> None:
    group = element(dom, "section", "befund-budget-suspect-amount")
    text = text_of(group)
    assert "Fehler" in text and "budget.suspect_amount" in text
    assert "Ertrag 2024 „762.58“ ist keine eindeutige Zahl und wird nicht mitgezählt." in text
    assert '<a href="#haushalt-b02">' in group
    assert f"Feld Ertrag 2024, S.{NB}32" in text


def test_browser_shows_a_measure_section(dom: str) -> None:
    section = element(dom, "section", "massnahme-m05")
    text = text_of(section)
    assert "5. Elternschule Hamm e.V." in text
    assert f"45.821,54{NB}€ (Stand 30.06.2024) S.{NB}49" in text
    assert f"213.431,09{NB}€ S.{NB}35" in text
    assert f"ähnlich (87{NB}von 100)" in text
    assert "<details><summary>Text wie gedruckt</summary>" in section.replace("\n", "")


def test_browser_keeps_injected_markup_as_text(
    rendered_hostile: Rendered,
    tmp_path: Path,
) -> None:
    dom = dump_dom(rendered_hostile.out / "index.html", tmp_path / "profile")
    # the report's own filter script is the one script; no text of the plan became markup
    assert dom.count("<script") == 1 and "(function () {" in dom
    assert "<img" not in dom and "<b>" not in dom
    section = element(dom, "section", "massnahme-m01")
    heading = text_of(section[: section.index("</h3>")])
    assert "<script>alert(1)</script> {{ 7*7 }} | *fett* [Link](javascript:alert(1))" in heading
    assert "49" not in heading


def test_browser_screenshot(rendered: Rendered, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    run_chromium(
        rendered.out / "index.html",
        tmp_path / "profile",
        f"--screenshot={shot}",
        "--window-size=1280,2000",
    )
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 2000)
    assert len(data) > 50_000  # text, tables and a chart, not an empty page


def test_a_missing_browser_fails_and_says_how_to_install_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception, match=r"scripts/install-browser\.sh"):
        chromium()
