"""Hand-written pages join the checks: an institution that was renamed, merged, split or dissolved,
named in docs/ as if it still acted, is an error at its place, as in a guideline."""

from __future__ import annotations

import shutil

import pytest

from pedoman import ContentErrors, load_corpus
from pedoman.cli import main
from pedoman.content.institutions import mentions
from pedoman.site.staging import sync_folder

from conftest import FIXTURES, ROOT, VALID, build_site

PAGE = FIXTURES / "pages" / "tentang.md"
EXPECTED = ("docs/tentang.md:5:32: 'Dinas lama yang dipecah' names A former office that was split (dinas-lama), "
            "which was split on 2024-10-21; its successors are Provincial government (Pemprov) and Technical unit "
            "for the protection of women and children (UPTD PPA). Name the successor in the same sentence, or mark "
            "it as former (dahulu, sebelumnya, formerly, former) or say what changed (dipisah, split, dibubarkan, "
            "dissolved)")


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    shutil.copy(PAGE, folder / "tentang.md")
    return folder


def test_a_page_naming_a_split_institution_as_active_stops_the_build_at_its_place(tmp_path, docs):
    with pytest.raises(ContentErrors) as caught:
        sync_folder(tmp_path / "staging", docs, {}, agencies=load_corpus(VALID).agencies)
    assert [str(e) for e in caught.value.errors] == [EXPECTED]  # the other sentences name the successor,
    assert not (tmp_path / "staging").exists()                  # say 'sebelumnya', or quote it as code


def test_validate_reads_the_hand_written_pages_beside_the_content(tmp_path, docs, capsys):
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    assert main(["validate", str(content)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == EXPECTED
    (docs / "tentang.md").write_text("# Tentang\n\nRapat dipimpin Pemprov.\n", encoding="utf-8")
    assert main(["validate", str(content)]) == 0


def test_validate_takes_another_folder_of_pages(tmp_path, docs, capsys):
    assert main(["validate", str(VALID), "--docs", str(docs)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == EXPECTED
    assert main(["validate", str(VALID), "--docs", str(tmp_path / "nowhere")]) == 2


@pytest.mark.parametrize("text,flagged", [
    ("Kemenko Polhukam memimpin gugus tugas pusat.", ["Kemenko Polhukam"]),
    ("Kemenko Polhukam kini memimpin gugus tugas pusat.", ["Kemenko Polhukam"]),  # 'kini' speaks of today
    ("The Coordinating Ministry for Political, Legal and Security Affairs chairs it.",
     ["Coordinating Ministry for Political, Legal and Security Affairs"]),
    ("Kemendes PDTT melatih desa. Kemendes PDT kini melakukannya.", ["Kemendes PDTT"]),  # another sentence
    ("- Kemenko\n  Polhukam memimpin.\n- Kemenko Polkam juga.", ["Kemenko\n  Polhukam"]),  # another list item
    ("Kemenko Polhukam-nya memimpin.", ["Kemenko Polhukam"]),
    ("Kemenko Polhukam (kini Kemenko Polkam) memimpin rapat.", []),  # the successor is named
    ("Dahulu Kemenko Polhukam memimpin gugus tugas.", []),
    ("The former Coordinating Ministry for Political, Legal and Security Affairs chaired it.", []),
    ("Kemendes PDTT dipisah pada Oktober 2024.", []),
    ("Menurut Perpres No. 49 Tahun 2023, Kemenko Polhukam dipimpin Menko Polhukam; kini Kemenko Polkam.", []),
    ("Menko Polhukam menjadi Ketua I menurut Perpres 49/2023.", []),  # the minister's title, not the ministry
    ("Lihat `Kemenko Polhukam` dan [tautan](https://contoh.test/Kemenko Polhukam).", []),
    ("<!-- Kemenko Polhukam --> Teks.", []),
    ("---\ntitle: Kemenko Polhukam\n---\n# Judul\n", []),
])
def test_what_counts_as_naming_an_institution_as_active(text, flagged):
    agencies = load_corpus(ROOT / "guidelines").agencies
    assert [m.text for m in mentions(text, agencies)] == flagged


def test_the_shipped_pages_name_every_changed_institution_as_it_is_now(capsys):
    assert main(["validate", str(ROOT / "guidelines"), "--docs", str(ROOT / "docs")]) == 0
    assert "hand-written pages in" in capsys.readouterr().out


def test_the_site_build_applies_the_rule_to_the_hand_written_pages(tmp_path):
    """`mkdocs build` stops on such a page as `pedoman validate` does, and keeps the old site."""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs)
    shutil.copy(PAGE, docs / "tentang.md")
    content = tmp_path / "guidelines"
    shutil.copytree(VALID, content)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site")
    build = build_site(tmp_path, content, site, docs_dir=str(docs))
    assert build.returncode != 0 and "Traceback" not in build.output
    assert EXPECTED in " ".join(build.output.split())
    assert (site / "index.html").read_text() == "previous site"
