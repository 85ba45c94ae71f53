"""Write data/sagas.csv from the shared development corpus: each statement with its summit.

    python scripts/bundle_sagas.py ../shared/corpus/dev.jsonl data/sagas.csv

The summits themselves, with their outcomes and sources, are data/summits.json (written by hand
from the corpus's dev_outcomes.json). A saga with several meetings is one summit per meeting;
each statement goes to the meeting it is about (SUMMIT_OF below, by the corpus's statement id).
Nothing of a statement is changed: date, speaker, role, side, text and kind as in the corpus,
its page's address as the source, the corpus id (and a vague date) in the note.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

# Sagas of one meeting: every statement belongs to it.
ONE_SUMMIT = {
    "trump-kim-singapore-2018": "trump-kim-singapore-2018",
    "biden-xi-woodside-2023": "biden-xi-woodside-2023",
    "putin-zelensky-2025": "putin-zelensky-2025",
    "xi-putin-moscow-2023": "xi-putin-moscow-2023",
    "modi-xi-kazan-2024": "modi-xi-kazan-2024",
}
# Sagas of several meetings: statement id ranges (inclusive, by number) per summit.
RANGES = {
    "tp18": [
        (1, 9, "trump-putin-helsinki-2018"),
        (10, 13, "trump-putin-washington-2018"),
        (14, 23, "trump-putin-buenos-aires-2018"),
    ],
    "kp19": [(1, 4, "kim-putin-eef-2018"), (5, 8, "kim-putin-vladivostok-2019")],
    "tz25": [
        (1, 4, "trump-zelensky-oval-office-2025"),
        (5, 9, "trump-zelensky-vatican-2025"),
        (10, 11, "trump-zelensky-g7-2025"),
        (12, 13, "trump-zelensky-nato-2025"),
        (14, 14, "trump-zelensky-white-house-aug-2025"),
        (15, 15, "trump-zelensky-unga-2025"),
        (16, 17, "trump-zelensky-white-house-oct-2025"),
        (18, 19, "trump-zelensky-thanksgiving-2025"),
        (20, 23, "trump-zelensky-mar-a-lago-2025"),
    ],
}
COLUMNS = ("date", "speaker", "role", "side", "text", "source", "kind", "note", "summit")


def summit_of(record: dict) -> str:
    if record["saga"] in ONE_SUMMIT:
        return ONE_SUMMIT[record["saga"]]
    prefix, _, number = record["id"].partition("-")
    for first, last, summit in RANGES[prefix]:
        if first <= int(number) <= last:
            return summit
    raise SystemExit(f"{record['id']}: no summit for it")


def main(corpus: str, output: str) -> None:
    records = [json.loads(line) for line in Path(corpus).read_text(encoding="utf-8").splitlines() if line]
    with open(output, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(COLUMNS)
        for record in records:
            note = f"dev corpus {record['id']} ({record['saga']})"
            if record["date_precision"] != "day":
                note += "; date approximate: the article was vague"
            writer.writerow(
                [
                    record["date"],
                    record["speaker"],
                    record["role"],
                    record["side"],
                    record["text"],
                    record["url"],
                    record["kind"],
                    note,
                    summit_of(record),
                ]
            )


if __name__ == "__main__":
    main(*sys.argv[1:3])
