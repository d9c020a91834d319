"""Build ``data/en/parts_of_speech.tsv``: which parts of speech each English word form can be.

The table is LemmInflect's lemma lookup (Bjascob, "LemmInflect", MIT licence; its data come from
Kevin Atkinson's AGID inflection database) written out once, one word form a line::

    word<TAB>codes          codes: n noun, v verb, a adjective, r adverb, x auxiliary, p proper noun

It is shipped so that reading it costs about 20 ms, where loading LemmInflect's own compressed
tables at run time costs about 150 ms of every cold start (issue: start-up under 1.5 x the baseline
imports). :func:`compare.lexicon.parts_of_speech` reads it; a word form the table lacks has no known
part of speech, exactly as ``lemminflect.getAllLemmas`` returns ``{}`` for it.

Rebuild (needs ``pip install lemminflect``, in the ``test`` extra)::

    python -m compare.pos_table --output compare/data/en/parts_of_speech.tsv
"""

from __future__ import annotations

import argparse
import gzip
import os
import sys

CODES = {"NOUN": "n", "VERB": "v", "ADJ": "a", "ADV": "r", "AUX": "x", "PROPN": "p"}
"""LemmInflect's universal POS tags -> the one-letter codes of the table."""


def rows() -> list[tuple[str, str]]:
    """(word form, codes) for every form of LemmInflect's lemma lookup with a part of speech,
    sorted by form. Raises ImportError without LemmInflect."""
    import lemminflect
    from lemminflect import getAllLemmas

    lookup = os.path.join(os.path.dirname(lemminflect.__file__), "resources", "lemma_lu.csv.gz")
    with gzip.open(lookup, "rt", encoding="utf-8") as fh:
        forms = sorted({line.split(",", 1)[0] for line in fh if line.strip()})
    out = []
    for form in forms:
        codes = "".join(sorted(CODES[tag] for tag in getAllLemmas(form) if tag in CODES))
        if codes and "\t" not in form:
            out.append((form, codes))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="write the parts-of-speech table from LemmInflect")
    parser.add_argument("--output", required=True, help="path of the table to write")
    args = parser.parse_args(argv)
    import lemminflect

    version = getattr(lemminflect, "__version__", "unknown")
    lines = [
        "# parts_of_speech.tsv: word form<TAB>parts of speech it can be (n noun, v verb, a adjective,",
        "# r adverb, x auxiliary, p proper noun). Written by `python -m compare.pos_table` from",
        f"# LemmInflect {version}'s lemma lookup (MIT licence; data from the AGID inflection database).",
    ]
    lines += [f"{form}\t{codes}" for form, codes in rows()]
    with open(args.output, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    print(f"{args.output}: {len(lines) - 3} word forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
