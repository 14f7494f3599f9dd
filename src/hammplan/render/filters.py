"""Find and filter: a search box and filters by Handlungsfeld, Träger and status on the
measures and the budget table.

The report reads fully without scripts: every measure and row is in the page, and the filter
form is ``hidden`` until the script shows it. The script only hides what does not match; it is
inline and allowed by its hash in the page's Content-Security-Policy, so the page stays one
self-contained file that loads nothing.

Each filtered element carries what it is filtered by as ``data-`` attributes, values joined
with ``|``: ``data-hf`` (Handlungsfelder), ``data-traeger`` (StA and Träger, as the report
labels them) and ``data-status`` (the most severe finding about it).
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from hammplan.records.findings import Finding
from hammplan.records.plan import BudgetLine, CuratedPlan, Measure
from hammplan.render.text import plain

STATUS_LABELS = {
    "error": "mit Fehler",
    "warning": "mit Warnung",
    "info": "mit Hinweis",
    "": "ohne Befund",
}
"""Status of a measure or row: the most severe finding about it."""

SEPARATOR = "|"

SCRIPT = """\
(function () {
  "use strict";
  function norm(s) { return (s || "").toLocaleLowerCase("de"); }
  document.querySelectorAll("form.filters").forEach(function (form) {
    var scope = document.getElementById(form.dataset.target);
    if (!scope) { return; }
    var items = Array.prototype.slice.call(scope.querySelectorAll("[data-status]"));
    var count = form.querySelector("output");
    function has(item, name, wanted) {
      return !wanted || (item.dataset[name] || "").split("|").indexOf(wanted) >= 0;
    }
    function apply() {
      var text = norm(form.elements.q.value).trim();
      var shown = 0;
      items.forEach(function (item) {
        var match = has(item, "hf", form.elements.hf.value)
          && has(item, "traeger", form.elements.traeger.value)
          && has(item, "status", form.elements.status.value)
          && (!text || norm(item.textContent).indexOf(text) >= 0);
        item.hidden = !match;
        if (match) { shown += 1; }
      });
      count.value = shown + " von " + items.length;
    }
    form.addEventListener("input", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
}());
"""
"""The page's one script: filters what is there, and opens every <details> for printing."""


def script_hash() -> str:
    """The script's hash as a Content-Security-Policy source (``'sha256-...'``)."""
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@dataclass(frozen=True)
class Facets:
    """What one measure or budget row is filtered by."""

    handlungsfelder: tuple[str, ...]
    traeger: tuple[str, ...]
    status: str

    def attributes(self) -> Markup:
        """The ``data-`` attributes of the element (escaped)."""
        return Markup(' data-hf="{}" data-traeger="{}" data-status="{}"').format(
            plain(SEPARATOR.join(self.handlungsfelder)),
            plain(SEPARATOR.join(self.traeger)),
            self.status,
        )


@dataclass(frozen=True)
class FilterOptions:
    """The choices of the three filters, each as the report shows it."""

    handlungsfelder: list[str]
    traeger: list[str]
    status: list[str]


def _status(findings: Iterable[Finding]) -> str:
    severities = {f.severity for f in findings}
    worst = next((s for s in ("error", "warning", "info") if s in severities), "")
    return STATUS_LABELS[worst]


class Filters:
    """Facets of every measure and budget row of a plan, and the options they add up to."""

    def __init__(self, plan: CuratedPlan) -> None:
        self.plan = plan
        self.about: dict[tuple[str, str], list[Finding]] = {}
        for finding in plan.findings:
            for ref in finding.refs:
                self.about.setdefault((ref.kind, ref.id), []).append(finding)
        self.measures = {m.id: m for m in plan.measures}
        self.facets: dict[str, Facets] = {}
        for measure in plan.measures:
            self.facets[f"measure/{measure.id}"] = self._measure(measure)
        for line in plan.budget:
            self.facets[f"budget/{line.id}"] = self._budget(line)

    def _sta(self, line: BudgetLine) -> str:
        name = line.sta_name or self.plan.organisations.get(line.sta)
        return f"StA {line.sta} – {name}" if name else f"StA {line.sta}"

    def _codes(self, measure: Measure) -> list[str]:
        names = self.plan.organisations
        return [f"{c} – {names[c]}" if c in names else c for c in measure.traeger_codes]

    def _measure(self, measure: Measure) -> Facets:
        rows = [
            b
            for b in self.plan.budget
            if b.id in measure.budget_rows or b.link.measure_id == measure.id
        ]
        findings = [
            *self.about.get(("measure", measure.id), []),
            *(f for b in rows for f in self.about.get(("budget", b.id), [])),
        ]
        traeger = [*self._codes(measure), *(self._sta(b) for b in rows)]
        return Facets(
            tuple(measure.handlungsfelder), tuple(dict.fromkeys(traeger)), _status(findings)
        )

    def _budget(self, line: BudgetLine) -> Facets:
        measure = self.measures.get(line.link.measure_id or "")
        fields = tuple(measure.handlungsfelder) if measure else ()
        traeger = [self._sta(line), *(self._codes(measure) if measure else [])]
        return Facets(
            fields, tuple(dict.fromkeys(traeger)), _status(self.about.get(("budget", line.id), []))
        )

    def attributes(self, kind: str, record_id: str) -> Markup:
        """The ``data-`` attributes of a measure or budget row."""
        facets = self.facets.get(f"{kind}/{record_id}")
        return facets.attributes() if facets else Markup("")

    def options(self, kind: str) -> FilterOptions:
        """The choices for the measures (``kind`` "measure") or the budget table ("budget")."""
        chosen = [f for key, f in self.facets.items() if key.startswith(f"{kind}/")]
        fields = {h for f in chosen for h in f.handlungsfelder}
        return FilterOptions(
            handlungsfelder=[h for h in self.plan.handlungsfelder if h in fields]
            + sorted(fields - set(self.plan.handlungsfelder)),
            traeger=sorted({t for f in chosen for t in f.traeger}),
            status=[s for s in STATUS_LABELS.values() if any(f.status == s for f in chosen)],
        )
