"""compare.background: reading and building term tables (small hand-made text, no real data)."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest

from compare import background
from compare.errors import BadOption, InputNotFound

PARAS = ["Tariffs on steel were raised.", "Tariffs on steel and aluminum.", "The ceasefire holds.",
         "Hostages and the ceasefire.", "Steel exports fell."]


def test_paragraphs_of_drop_front_matter_and_join_wrapped_lines() -> None:
    text = "---\ntitle: x\n---\n\nFirst line\nwrapped here.\n  \nSecond.\n"
    assert background.paragraphs_of(text) == ["First line wrapped here.", "Second."]


def test_build_counts_document_frequency_per_paragraph() -> None:
    built = background.build(PARAS, "toy", None, min_df=1)
    bg = background.parse(built.table)
    assert (bg.documents, bg.df["steel"], bg.df["tariff"], bg.name) == (5, 3, 2, "toy")


def test_min_df_drops_rare_terms() -> None:
    bg = background.parse(background.build(PARAS, "toy", None, min_df=2).table)
    assert ("aluminum" in bg.df, "steel" in bg.df) == (False, True)


def test_lsa_vectors_are_unit_rows_for_the_table_rows(tmp_path: Path) -> None:
    built = background.build(PARAS, "toy", "toy.lsa.npy", min_df=1, dims=2)
    (tmp_path / "toy.tsv").write_text(built.table, encoding="utf-8")
    (tmp_path / "toy.lsa.npy").write_bytes(background.npy_bytes(built.vectors))
    bg = background.load(str(tmp_path / "toy.tsv"))
    norms = np.linalg.norm(bg.vectors.astype(np.float32), axis=1)
    assert (len(bg.rows), bool(np.allclose(norms, 1.0, atol=1e-2))) == (built.vectors.shape[0], True)


def test_build_is_deterministic() -> None:
    one = background.build(PARAS, "toy", "t.lsa.npy", min_df=1, dims=2)
    two = background.build(PARAS, "toy", "t.lsa.npy", min_df=1, dims=2)
    assert (one.table, background.npy_bytes(one.vectors)) == (two.table, background.npy_bytes(two.vectors))


def test_build_without_text_is_refused() -> None:
    with pytest.raises(BadOption, match="no text"):
        background.build(["", "  "], "toy", None)


def test_load_records_the_digest(tmp_path: Path) -> None:
    import hashlib

    path = tmp_path / "t.tsv"
    path.write_text(background.build(PARAS, "toy", None, min_df=1).table, encoding="utf-8")
    assert background.load(str(path)).digest == hashlib.sha256(path.read_bytes()).hexdigest()


def test_load_missing_file_is_not_found(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="cannot read"):
        background.load(str(tmp_path / "none.tsv"))


def test_packaged_background_is_real_text() -> None:
    bg = background.load()
    assert (bg.documents > 10_000, bg.vectors is not None, len(bg.digest)) == (True, True, 64)


def test_packaged_background_weighs_boilerplate_below_subjects() -> None:
    bg = background.load()
    idf = {w: math.log((1 + bg.documents) / (1 + bg.df.get(w, 0))) + 1 for w in ("secur", "effort", "hostag", "tariff")}
    assert max(idf["secur"], idf["effort"]) < min(idf["hostag"], idf["tariff"])
