"""Population shares and counts in any profile's running text, against the district table.

The introduction's claims ("ca. 39 %") are checked by :mod:`claims`; a profile repeats such
figures in passing ("angesichts eines Migrationsanteil von ca. 38 %") and is read by the same
rules, sentence by sentence, with the finding pointing at the profile's field and page.
"""

from __future__ import annotations

from hammplan.curate.checks.claims import check_claims
from hammplan.curate.checks.running import profile_sentences, sentence_ref
from hammplan.curate.findings import Finding
from hammplan.records.plan import District, Measure, StatsClaim
from hammplan.vocabulary import ClaimsVocabulary, RunningTextVocabulary


def check_profile_claims(
    measures: list[Measure],
    districts: list[District],
    vocab: ClaimsVocabulary,
    words: RunningTextVocabulary,
) -> list[Finding]:
    """Each profile sentence that states a population share or count, as a claim (sentences
    cut with the running-text vocabulary's abbreviations)."""
    findings: list[Finding] = []
    for measure in measures:
        for sentence in profile_sentences(measure, words):
            claim = StatsClaim(id=measure.id, text=sentence.text, page=sentence.page)
            for finding in check_claims([claim], districts, vocab, words):
                finding.refs = [sentence_ref(measure, sentence)]
                finding.message = f"Steckbrief „{measure.titel}“: {finding.message}"
                findings.append(finding)
    return findings
