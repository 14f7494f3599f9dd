"""The SQLite database: amounts in exact cents and in euros, keys, types and links."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.support.curated_files import HYPERLINK


def test_sqlite_tables_hold_the_numbers(written: Path) -> None:
    with sqlite3.connect(written / "hammplan.sqlite") as db:
        # amounts in exact cents to compute with, and shown in euros
        (aufwand_2023,) = db.execute("SELECT SUM(aufwand_2023_cent) FROM budget").fetchone()
        assert aufwand_2023 == 4582154 + 100046
        (ertrag_2023,) = db.execute("SELECT SUM(ertrag_2023_cent) FROM budget").fetchone()
        assert ertrag_2023 == -150000
        shown = db.execute("SELECT aufwand_2023 FROM budget ORDER BY id").fetchall()
        assert shown[0] == ("45.821,54\u00a0€",)
        joined = db.execute(
            "SELECT m.id, SUM(b.aufwand_2024_cent) FROM budget b JOIN measures m"
            " ON m.id = b.measure_id GROUP BY m.id ORDER BY m.id"
        ).fetchall()
        assert joined == [("m-01", 5000000), ("m-02", None)]
        assert db.execute(
            "SELECT SUM(auslaender), COUNT(*) FROM districts WHERE NOT ist_gesamt"
        ).fetchone() == (150, 2)
        assert db.execute("SELECT auslaender FROM districts WHERE ist_gesamt").fetchone() == (150,)
        assert db.execute("SELECT titel FROM measures WHERE id = 'm-01'").fetchone() == (HYPERLINK,)
        assert db.execute("SELECT kosten_stand FROM measures WHERE id = 'm-01'").fetchone() == (
            "2024-10-01",
        )
        assert db.execute(
            "SELECT severity, COUNT(*) FROM findings GROUP BY 1 ORDER BY 1"
        ).fetchall() == [("error", 1), ("info", 1), ("warning", 1)]
        pks = {
            table: [r[1] for r in db.execute(f"PRAGMA table_info({table})") if r[5]]
            for table in ("measures", "budget", "districts", "findings")
        }
        assert pks == {"measures": ["id"], "budget": ["id"], "districts": [], "findings": ["id"]}
        types = {r[1]: r[2] for r in db.execute("PRAGMA table_info(budget)")}
        assert (types["aufwand_2023"], types["aufwand_2023_cent"], types["page"], types["sta"]) == (
            "TEXT",
            "INTEGER",
            "INTEGER",
            "TEXT",
        )
        fks = db.execute("PRAGMA foreign_key_list(budget)").fetchall()
        assert {(r[2], r[3], r[4]) for r in fks} == {
            ("measures", "measure_id", "id"),
            ("organisations", "sta", "code"),
        }
