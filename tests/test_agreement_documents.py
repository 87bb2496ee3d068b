"""The cooperation agreement (PKS) and the joint agreement before it (Kesepakatan Bersama), read back
with python-docx: the clauses PP 28/2018 and Permendagri 22/2020 ask for, defined terms written as
defined, and annex tasks given to the parties only."""

from __future__ import annotations

import re

import pytest
from docx import Document as open_docx

from pedoman import load_corpus
from pedoman.documents import kit as documents
from pedoman.documents.agreements import REGIONAL_BODIES
from pedoman.documents.texts import catalogue

from conftest import ROOT
from test_documents import texts

COOPERATION = ["kerja-sama-antarwilayah", "ntb-kaltara", "ntt-kepri", "pemetaan-kerentanan"]


@pytest.fixture(scope="module")
def shipped():
    return load_corpus(ROOT / "guidelines")


@pytest.fixture(scope="module")
def written(shipped, tmp_path_factory):
    site = tmp_path_factory.mktemp("agreements")
    documents.write_documents(shipped, site, slides=False)
    return site


def articles(lines: list[str], word: str = "Pasal") -> dict[str, str]:
    """Each article's title → its text (the lines up to the next article)."""
    out, title = {}, None
    for i, line in enumerate(lines):
        if re.fullmatch(rf"{word} \d+", line):
            title = lines[i + 1]
            out[title] = ""
        elif title and line != title:
            out[title] += line + "\n"
    return out


@pytest.mark.parametrize("gid", COOPERATION)
def test_the_agreement_has_every_clause_a_regional_cooperation_needs(written, gid):
    doc = open_docx(written / f"documents/{gid}/pks.id.docx")
    lines = texts(doc)
    body = articles(lines[:next(i for i, line in enumerate(lines) if line.startswith("LAMPIRAN I\n"))])
    titles = list(body)
    assert titles[0] == "Ketentuan Umum"
    for title in ("Hak dan Kewajiban", "Jangka Waktu dan Perubahan", "Keadaan Kahar", "Pengakhiran",
                  "Penyelesaian Perselisihan"):
        assert titles.count(title) == 1, (gid, title, titles)
    assert titles[-1] == "Penutup" and titles.count("Penutup") == 1
    assert not any(t.casefold().startswith("jangka waktu,") for t in titles)  # the guideline's own term clause left out
    # Per party, its rights and its duties, with the list's punctuation.
    g = next(g for g in load_corpus(ROOT / "guidelines").guidelines if g.id == gid)
    ordinals = ["PIHAK KESATU", "PIHAK KEDUA", "PIHAK KETIGA", "PIHAK KEEMPAT"][:len(g.documents.agreement.signatories)]
    duties = body["Hak dan Kewajiban"]
    for ordinal in ordinals:
        assert re.search(rf"\(\d+\)\t{ordinal} berhak:", duties) and re.search(rf"\(\d+\)\t{ordinal}, sebagai daerah \w+, berkewajiban:", duties)
    assert re.search(r"a\.\t.*;\nb\.\t.*; dan\nc\.\t.*\.\n", duties)
    # The term with blanks for its years; the termination grounds of PP 28/2018 Pasal 9 ayat (1), ending
    # "; atau", and its ayat (2): a change of head of region does not end it; disputes between regions go
    # the way Pasal 8 sends them, not to a forum the parties pick.
    assert "[jumlah tahun] ([jumlah tahun dalam huruf]) tahun" in body["Jangka Waktu dan Perubahan"]
    ending = body["Pengakhiran"]
    assert "; atau\n" in ending
    assert "objek kerja sama hilang atau musnah" in ending and "tidak berakhir karena pergantian kepala daerah" in ending
    assert "melanggar" not in ending  # a breach is not a ground PP 28/2018 gives for ending a KSDD
    dispute = body["Penyelesaian Perselisihan"]
    assert dispute.index("musyawarah untuk mufakat") < dispute.index("tata cara penyelesaian perselisihan antardaerah")
    assert "[forum" not in dispute


@pytest.mark.parametrize("gid", COOPERATION)
def test_defined_terms_and_abbreviations(written, gid):
    lines = texts(open_docx(written / f"documents/{gid}/pks.id.docx"))
    end = next(i for i, line in enumerate(lines) if line.startswith("LAMPIRAN I\n"))
    operative = "\n".join(lines[lines.index("Pasal 1"):end])
    assert not re.search(r"\b(UU|PP|Perpres) \d+/\d{4}\b", operative)  # citations written out
    assert not re.search(r"\b[Pp]ara pihak\b|\bPara pihak\b|\bpara Pihak\b", operative)
    assert not re.search(r"(?<!dahulu )\bBP2MI\b(?! adalah singkatan)|KP2MI/BP2MI", operative)
    body = articles(lines[:end])
    definitions = body["Ketentuan Umum"]
    defined = re.findall(r"\t(\S+(?: \S+)?) adalah singkatan dari", definitions)
    assert len(defined) == len(set(defined))
    rest = "\n".join(text for title, text in body.items() if title != "Ketentuan Umum")
    for abbr in ("TPPO", "APBD", "LTSA", "PIC", "KP2MI", "BP3MI"):
        if re.search(rf"(?<![\w/-]){abbr}(?![\w-])", rest):
            assert abbr in defined, (gid, abbr)
    for abbr in defined:
        assert re.search(rf"(?<![\w/-]){re.escape(abbr)}(?![\w-])", rest), (gid, abbr)  # defined only if used


def test_bp2mi_appears_only_beside_the_ministry(written):
    lines = texts(open_docx(written / "documents/ntb-kaltara/pks.id.docx"))
    whole = "\n".join(lines)
    assert "KP2MI (dahulu BP2MI)" in whole
    assert "KP2MI/BP2MI" not in whole
    assert not re.search(r"(?<!dahulu )\bBP2MI\b(?! adalah singkatan)", whole)
    english = "\n".join(texts(open_docx(written / "documents/ntb-kaltara/cooperation-agreement.en.docx")))
    assert "KP2MI (formerly BP2MI)" in english and "KP2MI/BP2MI" not in english


@pytest.mark.parametrize("gid", COOPERATION)
def test_annexes_give_tasks_to_parties_only(shipped, written, gid):
    g = next(g for g in shipped.guidelines if g.id == gid)
    doc = open_docx(written / f"documents/{gid}/pks.id.docx")
    workflow, tasks, _ = doc.tables[-3:]
    roles = {s.party for s in g.documents.agreement.signatories}
    for step, row in zip(g.workflow, workflow.rows[1:]):
        actor = row.cells[2].text
        agency = shipped.agencies[step.agency]
        if step.party in roles and step.agency in REGIONAL_BODIES:
            assert "berkoordinasi" not in actor
        else:
            assert " berkoordinasi dengan " in actor and agency.abbreviation in actor, actor
            assert actor.startswith("Gugus Tugas daerah" if step.party in roles else "Para Pihak")
    for role, cell in zip(("origin", "transit", "destination"), tasks.rows[0].cells[1:]):
        assert cell.text.endswith("(bukan pihak)") == (role not in roles), cell.text
    for numeral, header in zip(("I", "II", "III"), [t for t in texts(doc) if t.startswith("LAMPIRAN ")]):
        assert header.startswith(f"LAMPIRAN {numeral}\n")
        assert "NOMOR: [NOMOR PIHAK KESATU]; [NOMOR PIHAK KEDUA]" in header
        assert "TANGGAL: [TANGGAL PENANDATANGANAN]" in header


def test_a_coordinated_body_is_never_a_party_in_ntb_kaltara(written):
    """Imigrasi, Polres, BP3MI and the mission abroad each appear only as bodies the parties coordinate with."""
    doc = open_docx(written / "documents/ntb-kaltara/pks.id.docx")
    workflow = doc.tables[-3]
    for row in workflow.rows[1:]:
        actor = row.cells[2].text
        if any(name in actor for name in ("(Polres)", "(Ditjen Imigrasi)", "(BP3MI)", "(Perwakilan RI)")):
            assert "berkoordinasi dengan" in actor


@pytest.mark.parametrize("gid", COOPERATION)
def test_a_joint_agreement_comes_before_each_agreement(shipped, written, gid):
    g = next(g for g in shipped.guidelines if g.id == gid)
    a = g.documents.agreement
    names = [d.name for d in documents.for_guideline(shipped, g, "id")]
    assert names.index("kesepakatan-bersama") < names.index("pks")
    for lang, title, word, follow in (("id", "KESEPAKATAN BERSAMA", "Pasal", "Perjanjian Kerja Sama"),
                                      ("en", "JOINT AGREEMENT", "Article", "Cooperation Agreement")):
        name = {"id": "kesepakatan-bersama", "en": "joint-agreement"}[lang]  # each language's file name
        lines = texts(open_docx(written / f"documents/{gid}/{name}.{lang}.docx"))
        start = 1 if lang == "en" else 0  # the English text opens with its working-translation notice
        assert lines[start] == title
        whole = "\n".join(lines)
        for s in a.signatories:
            assert s.government.get(lang).upper() in lines
        assert a.subject.get(lang).upper() in lines
        body = articles(lines, word)
        X = catalogue()[lang]
        assert list(body) == [X.kb_purpose_title, X.kb_scope_title, X.kb_follow_up_title, X.kb_funding_title,
                              X.kb_term_title, X.pks_closing_title]
        assert follow in body[X.kb_follow_up_title]
        scope = body[X.kb_scope_title]
        assert scope.count("\n") == len(g.tasks) + 1 and scope.rstrip().endswith(".")
        assert "([jumlah tahun dalam huruf])" in whole if lang == "id" else "([number of years in words])" in whole
        # It refers to no joint agreement signed before it, and uses no abbreviation it does not write out.
        assert "[tanggal kesepakatan bersama]" not in whole and "[date of the joint agreement]" not in whole
        assert not re.search(r"\bmonev\b|\bTPPO\b", scope)
