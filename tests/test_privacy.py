"""The personal-data guard reads a text as a person would: a NIK, a phone number or an e-mail address is found
however it is written (separators of every kind, full-width forms, invisible characters inside, links,
spelled-out "at" and "dot"), and what the corpus legitimately holds (years, citations, amounts, dates,
hotlines, government addresses) is not. Pure functions only: no corpus, no files."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pedoman.content import privacy
from pedoman.content.privacy import Finding, find_personal_data

ZWSP, ZWJ, WJ, LRM, RLM, SHY, BOM = "\u200b", "\u200d", "\u2060", "\u200e", "\u200f", "\u00ad", "\ufeff"
NBSP, THIN, NNBSP = "\u00a0", "\u2009", "\u202f"
RLI, PDI, RLO, PDF = "\u2067", "\u2069", "\u202e", "\u202c"

HOSTILE = [
    # NIK: 16 digits, whatever stands between them
    ("NIK 3201 2345 6789 0001", "nik", "3201 2345 6789 0001"),
    ("NIK 3201-2345-6789-0001", "nik", "3201-2345-6789-0001"),
    ("NIK 32.01.23.456789.0001", "nik", "32.01.23.456789.0001"),
    ("NIK 320123 456789 0001", "nik", "320123 456789 0001"),
    ("NIK 3201–2345–6789–0001", "nik", "3201–2345–6789–0001"),
    ("NIK 3201—2345—6789—0001", "nik", "3201—2345—6789—0001"),
    (f"NIK 3201{NBSP}2345{THIN}6789{NNBSP}0001", "nik", f"3201{NBSP}2345{THIN}6789{NNBSP}0001"),
    ("NIK ３２０１２３４５６７８９０００１", "nik", "３２０１２３４５６７８９０００１"),
    (f"NIK 3201{ZWSP}2345{ZWSP}6789{ZWSP}0001", "nik", f"3201{ZWSP}2345{ZWSP}6789{ZWSP}0001"),
    (f"NIK 32012345{RLM}67890001", "nik", f"32012345{RLM}67890001"),
    (f"NIK {RLI}3201234567890001{PDI}", "nik", "3201234567890001"),
    ("NIK3201234567890001", "nik", "3201234567890001"),
    # mobile numbers
    ("hubungi 0812-3456-7890", "phone", "0812-3456-7890"),
    ("hubungi 0812 3456 7890", "phone", "0812 3456 7890"),
    ("hubungi 0812.3456.7890", "phone", "0812.3456.7890"),
    ("hubungi 0812–3456–7890", "phone", "0812–3456–7890"),
    ("hubungi 0812—3456—7890", "phone", "0812—3456—7890"),
    ("hubungi 0812\u22123456\u22127890", "phone", "0812\u22123456\u22127890"),
    ("hubungi 0812\u20113456\u20117890", "phone", "0812\u20113456\u20117890"),
    ("hubungi 0812 - 3456 - 7890", "phone", "0812 - 3456 - 7890"),
    (f"hubungi 0812{NBSP}3456{NBSP}7890", "phone", f"0812{NBSP}3456{NBSP}7890"),
    ("hubungi +62 812 3456 7890", "phone", "+62 812 3456 7890"),
    ("hubungi +62-812-3456-7890", "phone", "+62-812-3456-7890"),
    ("hubungi +6281234567890", "phone", "+6281234567890"),
    ("hubungi 62 812 3456 7890", "phone", "62 812 3456 7890"),
    ("hubungi (+62) 812-3456-7890", "phone", "(+62) 812-3456-7890"),
    ("hubungi +62 (0) 812 3456 7890", "phone", "+62 (0) 812 3456 7890"),
    ("hubungi ０８１２３４５６７８９０", "phone", "０８１２３４５６７８９０"),
    ("hubungi ０８１２－３４５６－７８９０", "phone", "０８１２－３４５６－７８９０"),
    (f"hubungi 0812{ZWSP}3456{ZWSP}7890", "phone", f"0812{ZWSP}3456{ZWSP}7890"),
    (f"hubungi 0812{RLM}3456{LRM}7890", "phone", f"0812{RLM}3456{LRM}7890"),
    (f"hubungi 08{SHY}12{WJ}3456{ZWJ}7890", "phone", f"08{SHY}12{WJ}3456{ZWJ}7890"),
    (f"hubungi {RLO}0987 6543 218{PDF}", "phone", "0987 6543 218"),
    ("hubungi 0\ufe0f\u20e38\ufe0f\u20e31\ufe0f\u20e32\ufe0f\u20e33\ufe0f\u20e34\ufe0f\u20e35\ufe0f\u20e3"
     "6\ufe0f\u20e37\ufe0f\u20e38\ufe0f\u20e39\ufe0f\u20e30\ufe0f\u20e3", "phone", None),
    ("HP081234567890", "phone", "081234567890"),
    ("hubungi 0812 3456 7890 24 jam", "phone", "0812 3456 7890"),
    # in links
    ("<a href='tel:+6281234567890'>telepon</a>", "phone", "+6281234567890"),
    ("tel:081234567890", "phone", "081234567890"),
    ("https://wa.me/6281234567890", "phone", "6281234567890"),
    ("https://wa.me/6221555123", "phone", "6221555123"),
    ("https://api.whatsapp.com/send?phone=6281234567890&text=halo", "phone", "6281234567890"),
    # landlines
    ("kantor (021) 555-1234", "phone", "(021) 555-1234"),
    ("kantor (021) 5551234", "phone", "(021) 5551234"),
    ("kantor 021-5551234", "phone", "021-5551234"),
    ("kantor +62 21 5551234", "phone", "+62 21 5551234"),
    ("kantor 0380 123456", "phone", "0380 123456"),
    ("kantor 0274–512345", "phone", "0274–512345"),
    # another country's number, written with + and its code
    ("majikan di Malaysia: +60 12-345 6789", "phone", "+60 12-345 6789"),
    # e-mail addresses
    ("budi.santoso@gmail.com", "email", "budi.santoso@gmail.com"),
    ("budi.santoso[at]gmail(dot)com", "email", "budi.santoso[at]gmail(dot)com"),
    ("budi.santoso (at) gmail . com", "email", "budi.santoso (at) gmail . com"),
    ("budi.santoso at gmail dot com", "email", "budi.santoso at gmail dot com"),
    ("budi at gmail.com", "email", "budi at gmail.com"),
    ("budi.santoso＠gmail.com", "email", "budi.santoso＠gmail.com"),
    ("ｂｕｄｉ＠ｇｍａｉｌ．ｃｏｍ", "email", "ｂｕｄｉ＠ｇｍａｉｌ．ｃｏｍ"),
    ("budi{at}gmail{dot}com", "email", "budi{at}gmail{dot}com"),
    ("budi[at]yahoo[dot]co[dot]id", "email", "budi[at]yahoo[dot]co[dot]id"),
    ("BUDI [AT] GMAIL [DOT] COM", "email", "BUDI [AT] GMAIL [DOT] COM"),
    ("budi [@] gmail.com", "email", "budi [@] gmail.com"),
    ("budi @ gmail.com", "email", "budi @ gmail.com"),
    (f"budi.santoso{ZWSP}@gmail{ZWSP}.com", "email", f"budi.santoso{ZWSP}@gmail{ZWSP}.com"),
    ("mailto:budi%40gmail.com", "email", "budi%40gmail.com"),
]


@pytest.mark.parametrize("text, kind, value", HOSTILE, ids=[repr(h[0])[1:40] for h in HOSTILE])
def test_personal_data_is_found_however_it_is_written(text, kind, value):
    findings = find_personal_data(text)
    assert [f.kind for f in findings] == [kind], findings
    if value is not None:
        assert findings[0].value == value  # as the editor wrote it
    assert findings[0].value in text


LEGITIMATE = [
    # citations and registers
    "UU 21/2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang",
    "bahwa Pasal 58 Undang-Undang Nomor 21 Tahun 2007 tentang Pemberantasan Tindak Pidana Perdagangan Orang",
    "Nomor 1 Tahun 2023",
    "Perpres 139/2024), Perpres 165/2024, Perpres 166/2024);",
    "perpres-139-2024",
    "permen-p2mi-17-2025",
    "Pasal 48–50, Pasal 51–54), Pasal 51–52).",
    "LN 2007/58, TLN 4720",
    "Lembaran Negara Republik Indonesia Tahun 2007 Nomor 58, Tambahan Lembaran Negara Nomor 4720",
    "17/4, 16 dan 55/25 (15",
    # years, dates, times, versions
    "Rencana Aksi Nasional 2020–2024",
    "periode (2015–2026) dan (2023–2025); RPJMN 2024–2029",
    "RAN 2015–2019 2020–2024",
    "(Kemenko PMK press release, Kupang, 16 October 2019)",
    "checked: 2026-11-30",
    "tanggal 01.01.2024–31.12.2024",
    "tanggal 12.01.2024 - 31.12.2024",
    "pukul 08.00–16.00 WIB, Sabtu 08.00–12.00",
    "versi 1.2.3, diperbarui 2024-05-01",
    # amounts and shares
    "Rp 1.500.000 per bulan; Rp 10.000.000–25.000.000",
    "restitusi Rp1.000.000.000.000.000 dan Rp 2.000.000.000.000.000",
    "sebesar 1.021.555.123 rupiah bagi 12.500 pekerja",
    "50% transit, 50% asal (usulan); 12,5% anak",
    # books
    "ISBN 978-602-8064-28-9",
    "ISBN 0-8124-1234-5",
    # hotlines and official contacts
    "SAPA 129, WhatsApp 08111-129-129, polisi 110, darurat 112",
    "Friends of Women and Children, the Kemen PPPA complaints line (telephone 129)",
    "hotline 1500-899 dan call centre 14045",
    "layanan bebas pulsa 0-800-1-929292",
    "pengaduan@kemenpppa.go.id",
    "pengaduan [at] kemenpppa [dot] go [dot] id",
    "https://peduliwni.kemlu.go.id",
    # fingerprints, addresses of pages
    "91aa04840573 008124c6f22c 0861215f3271",
    "https://batam.tribunnews.com/amp/2025/08/26/sekdaprov-kepri-ikuti-rakor?page=2",
    "https://news.detik.com/berita/d-7123456789/judul",
    # prose with "at"
    "Training takes place at the BP3MI office. Then workers leave.",
    "The report is available at www.ilo.org/jakarta and at ilo.org.",
    "We met at school.Then we went home.",
    "ikuti @ilo.jakarta di Instagram",
]


@pytest.mark.parametrize("text", LEGITIMATE, ids=[t[:40] for t in LEGITIMATE])
def test_what_the_corpus_holds_is_not_personal_data(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "08111129129", "08111-129-129", "0811 1129 129", "+62 811 1129 129", "+62-811-1129-129",
    "https://wa.me/628111129129", "tel:+628111129129", "０８１１１１２９１２９", f"0811{ZWSP}1129{ZWSP}129",
])
def test_the_built_in_hotline_is_allowed_in_every_writing(text):
    assert find_personal_data(text) == []


@pytest.mark.parametrize("text", [
    "0812-3456-7890", "0812 3456 7890", "+62 812 3456 7890", "(+62) 812-3456-7890", "https://wa.me/6281234567890",
    f"0812{ZWSP}3456{ZWSP}7890", "０８１２３４５６７８９０",
])
def test_a_reviewed_number_is_allowed_in_every_writing(text):
    reviewed = frozenset({"0812-3456-7890"})
    assert find_personal_data(text, reviewed) == []
    assert find_personal_data(text) != []


def test_a_reviewed_contact_allows_only_itself():
    reviewed = frozenset({"UPTD PPA NTT: (0380) 123456", "pengaduan@uptdppa-ntt.org", "3201234567890001"})
    assert find_personal_data("telepon 0380-123456, WA 0812-3456-7890", reviewed) == [
        Finding("phone", "0812-3456-7890")]
    assert find_personal_data("pengaduan [at] uptdppa-ntt [dot] org, budi@uptdppa-ntt.org", reviewed) == [
        Finding("email", "budi@uptdppa-ntt.org")]
    assert find_personal_data("NIK 3201 2345 6789 0001 dan 3201234567890002", reviewed) == [
        Finding("nik", "3201234567890002")]


@pytest.mark.parametrize("text, official", [
    ("pengaduan@kemenpppa.go.id", True),
    ("PENGADUAN (at) KEMENPPPA (dot) GO (dot) ID", True),
    ("humas[at]bp2mi[dot]go[dot]id", True),
    ("pengaduan＠kemenpppa．go．id", True),
    ("pengaduan@kemenpppa.go.id.example.com", False),
    ("pengaduan@kemenpppa-go.id", False),
    ("pengaduan@gov.id", False),
])
def test_government_addresses_are_allowed_after_reading_the_dots(text, official):
    assert (find_personal_data(text) == []) is official


def test_findings_come_in_the_order_of_the_text():
    text = "a.b@gmail.com, (021) 5551234, NIK 3201234567890001, +62 812 3456 7890"
    assert [f.kind for f in find_personal_data(text)] == ["email", "phone", "nik", "phone"]


def test_message_keeps_its_form_and_shows_hidden_characters():
    plain = Finding("phone", "0812-3456-7890").message()
    assert plain == ("a phone number '0812-3456-7890' looks like personal data; remove it, or if it is an "
                     "official contact add it to guidelines/reviewed.yaml")
    [hidden] = find_personal_data(f"hubungi 0812{ZWSP}3456{RLM}7890")
    assert "'0812\\u200b3456\\u200f7890' (with hidden characters" in hidden.message()


@pytest.mark.parametrize("text, reads", [
    ("０８１２＠ｘ", "0812@x"),
    (f"08{ZWSP}12{SHY}34{RLM}56{BOM}", "08123456"),
    ("٠٨١٢", "0812"),
    ("1\ufe0f\u20e32\ufe0f\u20e3", "12"),
    (f"{NBSP}{THIN}", "  "),
    ("Pasal 2–3, tahun 2024", "Pasal 2–3, tahun 2024"),
])
def test_normalise_reads_the_text_as_it_shows(text, reads):
    norm, origin = privacy.normalise(text)
    assert norm == reads
    if origin is not None:
        assert len(origin) == len(norm) and origin == sorted(origin)


def test_normalise_keeps_where_each_character_came_from():
    text = f"x ０８{ZWSP}1"
    norm, origin = privacy.normalise(text)
    assert norm == "x 081"
    assert [text[i] for i in origin] == ["x", " ", "０", "８", "1"]


# --- Property: a NIK or phone number is found however it is dressed ---------------------------------

SEPARATORS = ["", " ", NBSP, THIN, NNBSP, "\u3000", ".", "-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014",
              "\u2015", "\u2212", " - ", " – ", " (", ") "]
FORMAT = [ZWSP, "\u200c", ZWJ, LRM, RLM, WJ, SHY, BOM, "\u061c", "\u202a", "\u202b", PDF, "\u202d", RLO,
          "\u2066", RLI, "\u2068", PDI]
HARMLESS = "aeiouklmnw ,;!?"
"""Words of these letters can say neither Rp nor ISBN (the amounts and books the guard leaves alone)."""
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")

gaps = st.tuples(st.lists(st.sampled_from(FORMAT), max_size=2), st.sampled_from(SEPARATORS),
                 st.lists(st.sampled_from(FORMAT), max_size=2)).map(lambda t: "".join(t[0]) + t[1] + "".join(t[2]))
digits = st.sampled_from("0123456789")


@st.composite
def contacts(draw) -> tuple[str, str, str]:
    """(kind, prefix, digits): a NIK-shaped number, a mobile or a landline number in one of its written forms."""
    kind = draw(st.sampled_from(["nik", "mobile", "landline"]))
    if kind == "nik":
        number = draw(st.sampled_from("123456789")) + "".join(draw(st.lists(digits, min_size=15, max_size=15)))
        return "nik", "", number
    if kind == "mobile":
        national = "08" + draw(st.sampled_from("123456789")) + "".join(draw(st.lists(digits, min_size=7, max_size=10)))
        prefixes = ["", "+62 ", "62 ", "(+62) ", "+62 (0)", "tel:+62", "https://wa.me/62", "phone=62"]
    else:
        national = "0" + draw(st.sampled_from("2345679")) + "".join(draw(st.lists(digits, min_size=7, max_size=10)))
        prefixes = ["", "+62 ", "(+62) ", "tel:+62", "https://wa.me/62"]
    assume(national != "08111129129")  # the built-in hotline
    prefix = draw(st.sampled_from(prefixes))
    return "phone", prefix, national if prefix == "" else national[1:]


def _plain(written: str) -> str:
    """The written number as it shows: full-width digits in ASCII, invisible characters left out."""
    return "".join(unicodedata.normalize("NFKC", c) for c in written if unicodedata.category(c) != "Cf")


@settings(max_examples=300, deadline=None)
@given(contact=contacts(), data=st.data(), full_width=st.booleans(),
       before=st.text(alphabet=HARMLESS, max_size=30), after=st.text(alphabet=HARMLESS, max_size=30))
def test_a_contact_is_found_whatever_stands_between_its_digits(contact, data, full_width, before, after):
    kind, prefix, number = contact
    between = data.draw(st.lists(gaps, min_size=len(number) - 1, max_size=len(number) - 1))
    written = number[0] + "".join(g + d for g, d in zip(between, number[1:]))
    if full_width:
        written = written.translate(FULL_WIDTH)
    plain = _plain(written)
    # What a person too would read as something else, and the guard leaves alone on purpose:
    assume(not re.search(r"(?<![0-9])[0-9]{1,2}([-./])[0-9]{1,2}\1(?:19|20)[0-9]{2}(?![0-9])"
                         r"|(?<![0-9])(?:19|20)[0-9]{2}([-./])[0-9]{1,2}\2[0-9]{1,2}(?![0-9])", plain))  # a date
    groups = re.findall(r"[0-9]+", plain)
    if kind == "nik":
        assume(not all(len(g) == 4 and g[:2] in ("19", "20") for g in groups))  # a list of years
        assume(not re.fullmatch(r"[0-9]{1,3}(?:\.[0-9]{3})+", plain))  # an amount: 3.201.234.567.890.001
    text = f"{before} {prefix}{written} {after}"
    findings = find_personal_data(text)
    assert kind in [f.kind for f in findings], (text, findings)
    assert all(f.value in text for f in findings)
