"""Line roles from evidence: invented transcripts of every family → each line's role.

``tests/data/roles/NAME.txt`` is encoded and the role of each line (what
``teikit encode --explain`` prints) is compared with ``NAME.roles``, one ``LINE ROLE`` a
row: role sequences are easier to review than TEI. Regenerate them on purpose with
``TEIKIT_REGEN=1 pytest tests/test_roles.py`` and read the diff; a missing file fails.
The facts a reader cares about (family, title, date, signers) are checked per file too.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

import teikit
from teikit.encoder.dates import DateOptions
from teikit.encoder.roles.evidence.heads import is_kind
from teikit.encoder.roles.features import Line
from teikit.encoder.roles.names import name_likeness, person_lead
from teikit.exporter.text import to_bytes

from conftest import DATA

CASES = sorted((DATA / "roles").glob("*.txt"))
REGEN = os.environ.get("TEIKIT_REGEN") == "1"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def roles_of(path: Path) -> str:
    result = teikit.encode(path)
    return "".join(f"{row.line} {row.role}\n" for row in result.explained)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_roles_match_the_golden_sequence(path: Path) -> None:
    golden = path.with_suffix(".roles")
    found = roles_of(path)
    if REGEN:
        golden.write_text(found, encoding="utf-8")
    assert golden.exists(), f"{golden.name} is missing: run with TEIKIT_REGEN=1 and review it"
    assert found == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_every_family_reads_back_and_validates(path: Path) -> None:
    result = teikit.encode(path)
    assert to_bytes(result.tree, "transcript") == path.read_bytes()
    assert teikit.is_valid(result.tree)


FACTS = {
    # file: (layout, title, principal date, signers)
    "letter_name_office_pp_firm_caps": (
        "letter", None, "1927-05-04", ["Tomás Barros Quispe, Gerente"]),
    "letter_conventions_then_letterhead": (
        "letter", "Letter of the shipping agency Ravnik & Sons, Koper, to a timber merchant in "
        "Alexandria", "1926-03-09", ["per procura Anton Ravnik"]),
    "report_handling_line_please_instruct": (
        "report", "Information on the cocoa marketing board and the new purchase prices",
        "1961-05-04", ["V. KRASNOPOLSKY"]),
    "letter_firm_per_procura_copy_mark": (
        "letter", None, "1934-03-14", ["per procura Bruno Vascotto"]),
    "protocol_done_at_in_last_article": (
        "protocol", "Protocol on the exchange of fishery experts between the Faroe Islands and "
        "Iceland", "1961-04-14", ["Jógvan Hansen-Dahl", "Sigurður Einarsson"]),
    "despatch_addressee_foot_chain": (
        "despatch", "GHANA: THE VOLTA RIVER PROJECT AND THE SMELTER", "1961-11-22",
        ["J. R. MACKINNON-HALE"]),
    "letter_aerogramme_family_address_foot": (
        "letter", "Aerogramme of Milena Kovač from Rijeka to her brother in Western Australia",
        "1952-09-04", ["your Milena"]),
    "letter_firm_pp_signer": (
        "letter", None, "1966-03-14", ["p.p. Zbigniew Orłowski-Kamień"]),
    "letter_spanish_address_secretaria": (
        "letter", "Letter from the Association of Peruvian Students in Hungary to the Peruvian "
        "Legation in Budapest", "1966-03-03",
        ["illegible signature", "Ana María Huamán de Quispe"]),
    "note_polish_slash_mark_chargé": (
        "note", "Note on the wool purchases of the Polish foreign trade enterprises in Uruguay",
        "1965-06-12", ["/–/ Tadeusz Wierzbicki-Malec"]),
    "telegram_caps_distributed_subject_foot_class": (
        "telegram", "COTTON PRICES FOR THE NEW SEASON", "1962-05-09", ["OKWARE-HALLIDAY"]),
    "diary_weekday_day_headings": (
        "diary", "Diary kept by Ruth Okello-Harding, teacher at the girls' school in Soroti, "
        "1952", "1952-03-28", []),
    "letter_firm_seat_branches_concerne": (
        "letter", "Freight of sawn timber for the March sailing", "1956-02-03", ["P. Mbaikoua"]),
    "despatch_rank_reserved_addressed": (
        "letter", "THE NORWEGIAN WHALING FLEET AND THE ANTARCTIC QUOTA", "1958-03-14",
        ["signature Colonel R. M. TAVARES-DEAN"]),
    "report_lettered_sections_references": (
        "document", "Silt in the approach channel to the inner harbour", "1971-10", []),
    "letter_running_classification_object": (
        "letter", "Storage of cotton bales for the spring sailings", "1958-03-04", ["P. Daher"]),
    "minutes_recorded_by_desk_unit": (
        "minutes", "Minutes of the committee meeting held on 3/10/1961 at the parish hall",
        "1961-10-03", ["Mrs. A. Dunmore", "H. Ostrowska"]),
    "note_addressee_for_the_regards_verb": ("letter", None, "1957-04-03", ["G. Lindquist"]),
    "record_compact_ownership_rights": (
        "record", "Note of the Polish Embassy in Accra on a Railway Survey", "1961-05-02",
        ["J. Nowicki"]),
    "note_greek_vice_consul": ("letter", None, "1956-04-04", ["Ν. Καραγιάννης"]),
    "letter_name_office_one_line_encl": (
        "letter", None, "1958-08-12", ["R. K. Hollings, Secretary"]),
    "telegram_us_routing_numbered": ("telegram", "COCOA PRICES", "1966-03-04", ["WILLIAMS"]),
    "minutes_lines_to_sign_on": (
        "minutes", "MINUTES OF THE ANNUAL MEETING OF THE LAGOS CHAMBER OF COMMERCE", "1961-03-14",
        ["______________________ A. Adebayo", "______________________ E. Williams"]),
    "memo_us_fields_typist_line": ("memorandum", "Austrian State Treaty", "1955-05-04", []),
    "letter_russian_dative_addressee": ("letter", None, "1962-03-12", ["Г. М. Родионов"]),
    "diary_finnish_weekdays": (
        "diary", "Päiväkirja – notes of a schoolteacher evacuated to Savonlinna, February 1940 "
        "(translated from the Finnish)", "1940-02-12", []),
    "despatch_long_closing": (
        "letter", "PARAGUAY: THE CHACO DISPUTE", "1932-06-09", ["Henry R. Whitfield"]),
    "letter_spanish_business_pp": (
        "letter", None, "1931-03-14", ["Julio Morales Vidal, Gerente"]),
    "protocol_behalf_colon_office": (
        "protocol", "PROTOCOL of the talks on fisheries held in Conakry from 3 to 6 May 1966",
        "1966-05-03",
        ["For the Ministry of Shipping of the Polish People's Republic: Zbigniew Lasota, "
         "Deputy Minister", "For the Ministry of Economic Development of the Republic of "
         "Guinea: Alpha Oumar Bah, Director-General"]),
    "memo_finnish_labels": (
        "memorandum", "Timber exports to the United Kingdom in 1951", "1951-04-03",
        ["Lauri Mäkelä"]),
    "report_works_consulted": (
        "document", "Silting of the inner harbour, 1958 to 1960", "1961-02-04", []),
    "letter_italian_fto": ("letter", None, "1963-06-12", ["f.to Guido Ranieri"]),
    "minutes_dash_offices_marks": (
        "minutes", "Acta da terceira reunião da Comissão Mista Luso-Cabo-Verdiana", "1976-03-04",
        ["O Presidente, (a) Rui Valadares", "O Secretário, (a) Aristides Lopes"]),
    "protocol_name_dash_office": (
        "protocol", "Protocol on the Delivery of Rice Mills", "1959-04-02",
        ["Imre Szalontai – Head of the Trade Delegation", "Chairman – U Tin Maung"]),
    "note_verbale_addressee_foot": ("note", "NOTE VERBALE", "1965-04-02", []),
    "despatch_file_number_top": (
        "letter", "MONGOLIA: THE WINTER LOSSES OF LIVESTOCK", "1961-03-03", ["R. H. Ashworth"]),
    "memo_polish_labels_drafter": (
        "memorandum", "Deliveries of Polish Coal to the Port of Alexandria", "1957-04-03",
        ["Sporządził: J. Mazur"]),
    "telegram_fields_on_one_line": (
        "memorandum", "VISIT OF THE ETHIOPIAN TRADE MISSION", "1961-04-03", ["SEGNI"]),
    "foot_marks_central_europe": (
        "memorandum", "Memorandum for the Minister", "1958-05-07", ["v z. Ing. Karel Dvořák"]),
    "report_name_mark_after": ("letter", "Feljegyzés", "1961-03-14", ["Szalai Gábor s.k."]),
    "report_office_over_marked_name": (
        "letter", None, "1962-02-09", ["(—) Stefan Wiśniewski"]),
    "letter_ia_title_office": ("letter", None, "1966-10-06", ["i.A. Dr. Werner Pohl"]),
    "letter_wrapped_blank_lines": (
        "letter", "Deliveries of Finnish sawn timber to the port of Trieste and the question "
        "of storage", "1951-03-03", ["Eero Paasilinna"]),
    "record_wrapped": (
        "record", "Report of the Polish Legation in Montevideo on the Sale of Uruguayan Wool to "
        "the Countries of the Eastern Bloc", "1958-05-14", ["Tadeusz Wróblewski"]),
    "minutes_wrapped_single_spaced": (
        "minutes", "Minutes of the meeting of the Harbour Users' Committee held at the Customs "
        "House, Suva, on 9 September 1962", "1962-09-09", ["L. Tuilagi"]),
    "record_authors_related": (
        "record", "Letter from the Finnish Legation in Cairo on the Suez Canal Pilots",
        "1957-08-12", ["T. Rautavaara"]),
    "record_compact_corporate": (
        "record", "Note from the Embassy of Chile in Stockholm on Copper Prices", "1971-06-03",
        ["Chilean Embassy in Sweden"]),
    "memcon_labels_below": (
        "memorandum", "New Zealand Dairy Quotas in the Common Market", "1966-03-03", []),
    "minutes_points": (
        "minutes", "Minutes of the general meeting held on the 4th of September, 1958, at the "
        "Union Hall", "1958-09-04", ["Chairman: D. Kerr", "Secretary: P. Lowe"]),
    "note_letterhead": (
        "note", "Note on the Italian colonial question at the United Nations", "1949-11-04",
        ["E. Skaug"]),
    "despatch_courtesy": ("letter", None, "1881-03-02", ["H. Fenwick"]),
    "diary_headings": (
        "diary", "Pages from the diary of Ingrid Halvorsen, nurse at the mission hospital in "
        "Mwanza", "1961-05-02", []),
    "report_sections_references": (
        "report", "Sand transport at the mouth of the Haringvliet", "1972-05", []),
    "letter_declared_conventions": (
        "letter", "Letter of Jan Vos to his brother, Leiden, 3 April 1921 – draft", "1921-04-03",
        ["Jan"]),
    "protocol_signatories": (
        "protocol", "Protocol on the Exchange of Teachers between Mongolia and Czechoslovakia "
        "for 1965", "1964-12-12", ["Д. Цэрэнжав", "J. Kolář"]),
    "plain_prose": ("plain", None, None, []),
    "minutes_agenda_recorded_by": (
        "minutes", "MINUTES of the 12th meeting of the Presidium of the Writers' Union, held on "
        "3 May 1958", "1958-05-03", ["Recorded by: J. Pavlík", "Approved: L. Novotný"]),
    "letter_semiofficial_addressee": ("letter", None, None, ["Duncan"]),
    "memo_sections_sgd": (
        "memorandum", "Indonesian confrontation – proposal for talks in Bangkok", "1966-02-14",
        ["(sgd.) P. H. Gardiner"]),
    "journal_yearless_dates": (
        "diary", "Journal of the surveyor J. T. Baines on the Okavango expedition, 1889",
        "1889-06-03", []),
    "note_verbale_foot_address": ("note", "NOTE VERBALE", "1964-08-03", []),
    "record_cipher_telegram": (
        "record", "Ciphered Telegram from the Chinese Embassy in Pyongyang on the Armistice "
        "Talks", "1953-07-09", ["LI KENONG"]),
    "record_letter_attachment": (
        "record", "Letter from Kim Il Sung to Zhou Enlai on the Exchange of Students",
        "1964-12-02", ["Central Committee of the Korean Workers' Party"]),
    "letter_firm_letterhead_re": (
        "letter", "Two centrifugal pumps for the Ta' Qali pumping station", "1958-10-14",
        ["signature G. Borsetti"]),  # the mark [signature] stays inside signed
    "minutes_present_offices": (
        "minutes", "Minutes of the quarterly meeting of the committee held in the Court House, "
        "Harbour Grace, on Tuesday, the 14th of June 1938, at half past seven.", "1938-06-14",
        ["R. Moores, President", "L. Snow, Hon. Secretary-Treasurer"]),
    "protocol_columns_glossed": (
        "protocol", "PROTOCOL on the delivery of two fishing trawlers by the Osaka Marine Works "
        "to the Fisheries Board of Ghana", "1961-05-19",
        ["森 健一 (Mori Ken'ichi)", "Kwame Owusu-Ansah"]),
    "telegram_en_clair_reference": (
        "telegram", "COFFEE QUOTA FOR THE NEXT CROP YEAR", "1962-08-09", ["PEMBERTON-HALE"]),
    "record_made_by_initials": (
        "memorandum", "RECORD OF A CONVERSATION BETWEEN THE COUNSELLOR AND THE DIRECTOR OF THE "
        "PORT OF DJIBOUTI", None, ["Record made by P. Vasquez-Oyelaran", "R. T. M."]),
    "letter_copies_enclosure": (
        "letter", "Samoan constitutional talks", "1957-08-14", ["(sgd.) R. T. Falconer"]),
    "minutes_german_columns": (
        "minutes", "Protokoll der Sitzung des Ausschusses für Kulturbeziehungen am 3. März "
        "1958", "1958-03-03", ["Dr. H. Leitner", "E. Braun"]),
    "minutes_minute_numbers": (
        "minutes", "Minutes of the committee meeting held in the Mission Hall, Leith, on Tuesday "
        "7th February 1961 at 7.30 p.m.", "1961-02-07", ["(s) W. Dunlop", "(s) E. Rintoul"]),
    "letter_dutch_firm_labels": (
        "letter", "Repairs to the tug “Sheba”", "1959-03-03", ["signature J. Verhulst"]),
    "despatch_mp_annotations": (
        "telegram", "Visit of the trade delegation", "1963-05-04", ["Pammer m.p."]),
    "letter_heading_over_letterhead": (
        "letter", "Letter from the Friendship House in Tbilisi to a school in Marseille "
        "(translated from the Georgian)", "1964-05-14", ["N. Kiknadze", "T. Abashidze"]),
    "despatch_signed_suffix_typist": (
        "despatch", "Despatch of the Acting High Commissioner on the rice shipment", None,
        ["John Mallory (signed)"]),
    "protocol_for_government_colon": (
        "protocol", "Protocol of the negotiations on the exchange of goods for 1960", "1959-12-14",
        ["For the Government of the Republic of India: K. P. S. Menon",
         "For the Government of the Hungarian People's Republic: J. Tausz"]),
    "letter_typed_name_again": (
        "letter", "Letter of the trade enterprise to the Minister", None,
        ["Prof. Dr. H. Kessler-Wendt"]),
    "diary_weekday_headings_year_in_title": (
        "diary", "Diary of a district officer in Sumatra, 1938", "1938-01-03", []),
    "minutes_french_labels_columns": (
        "minutes", "Procès-verbal de la séance du Comité franco-tunisien du 3 mars 1958",
        "1958-03-03", ["R. Dufour", "J. Lenoir"]),
    "telegram_cipher_illegible_signer": (
        "telegram", "Cipher telegram No. 4471", "1968-08-11", ["illegible Petrescu"]),
    "letter_notes_above_addressee": (
        "letter", "Fisheries in the Gilbert Islands", "1962-03-12",
        ["Arthur A. D. Fenwick-Lowe"]),
    "memo_german_vermerk_betr": (
        "memorandum", "Besuch des Handelsministers von Ghana", "1962-05-14",
        ["gez. Dr. Wendland"]),
    "memo_spanish_fields": (
        "memorandum", "Exportación de café a Polonia", "1964-10-09", ["J. M. Restrepo"]),
    "despatch_marked_name_unit_addressee": (
        "despatch", "Despatch No. 41 on the sugar quota", None, ["(Signed) Harold V. Quennell"]),
    "memo_conventions_over_letterhead_initials": (
        "memorandum", "Herring exports to Poland", "1958-11-09",
        ["Recorded by: Kari Holmsen, Secretary", "K.H. 10/11/58"]),
    "minutes_parenthesised_offices_pp_firm": (
        "minutes", "Minutes of the meeting of the Rotterdam Grain Importers held on 2 February "
        "1961", "1961-02-02", ["P. van Leeuwen (chairman)", "M. de Graaf-Smits (secretary)",
                               "H. Kamphuis"]),
    "letter_devanagari_glossed_signer": (
        "memorandum", "चाय निर्यात", "1965-09-02", ["सुरेश वर्मा Suresh Verma"]),
    "letter_pd_firm_pp": ("letter", None, "1931-06-14", ["Lucía"]),
    "report_offprint_received": (
        "document", "The drainage cooperatives of the Ems peat bogs after the currency reform",
        "1958-03-11", []),
    "minute_routing_fields_letterhead": ("memorandum", "MINUTE", None, ["K. R. Appadoo"]),
    "diary_underlined_headings": (
        "diary", "Journal kept at the lighthouse on Inishvale, autumn 1931", "1931-10-06", []),
    "report_roman_sections_articles": (
        "report", "REPORT ON THE FERRY SERVICE TO THE OUTER ISLANDS", None, ["R. Moothoosamy"]),
    "letter_street_letterhead_town_address": ("letter", None, "1952-05-04", ["P. Castellane"]),
    "protocol_signed_for_harbour_master": (
        "protocol", "PROTOCOL on the loan of a pilot launch to the port of Toamasina",
        "1962-04-12", ["J. K. Mwangi", "R. Andriamasy"]),
    "minutes_long_institute_letterhead": (
        "minutes", "Minutes of the meeting of the department held on 4/11/1968", "1968-11-04",
        ["H. Kask", "M. Saar"]),
    "notice_heading_association": (
        "letter", "Notice of the Rowing Association of Lake Bled on its autumn regatta, 1934",
        "1934-09-03", ["F. Zupan"]),
    "report_office_copy_mark": (
        "report", "Report on the sardine landings at Mkokotoni, 1957", None, ["A. S. Mbarouk"]),
    "letter_copy_draft_marks": ("letter", None, None, ["J. Fonseca"]),
    "note_ss_mark_drafter_copies": ("letter", None, "1958-07-04", ["ss. D. Ionescu-Dragă"]),
    "report_running_head_tab_table": (
        "report", "Report on the rice harvest in the Kilombero valley, 1963", None,
        ["P. M. Ngowi"]),
    "despatch_foot_address_draft_label": (
        "letter", None, None, ["(Signed) L. Ashworth-Pym"]),
    "petition_copy_remark_place_chain": ("letter", None, "1950-03-03", ["O. Petrauskienė"]),
    "despatch_addressee_minister_of_state": ("letter", None, None, ["H. J. Tremayne"]),
    "minutes_signed_label_closed_pm": (
        "minutes", "Minutes of the meeting of the Harbour Board, 4 April 1960", "1960-04-04",
        ["A. OKONJO, Chairman", "B. ADE, Secretary"]),
    "memo_conformed_signature_typed_again": (
        "memorandum", "Visit of the Harbour Commissioners of Port Alvar", None,
        ["/s/ R. K. Penhallow R. K. Penhallow"]),
    "telegram_for_the_ambassador_counsellor": (
        "telegram", "Cipher telegram No. 514", "1961-05-02", ["Counsellor Wierzbicki"]),
    "record_note_compiled_checked": (
        "report", "Information on the stay of the Mongolian cooperative delegation", None,
        ["Compiled by: instructor of the foreign relations section N. Dauletova",
         "Checked: head of section K. Yermekov"]),
    "minutes_signed_label_copies_sentence": (
        "minutes", "Minutes of the Committee Meeting held on 14 June 1956 at the Church Hall",
        "1956-06-14", ["Minutes taken by: S. Kettle", "Signed: W. Daintree (Chairman)"]),
    "telegram_caps_surname_office_repeated": (
        "telegram", "CODE TELEGRAM NO 41", "1966-03-09", ["VIRTANEN COUNSELLOR"]),
    "despatch_our_file_reference": (
        "despatch", "MADEIRA WINE AND THE AUSTRALIAN TARIFF", "1959-06-09", ["P. R. Hallam"]),
    "report_imprint_decision": (
        "document", "Seepage losses in the irrigation canals of the Ararat plain", "1964-04-12",
        []),
    "protocol_remark_long_title": (
        "protocol", "Protocol on the Exchange of Goods Wagons between the Frontier Stations of "
        "the Mongolian People's Republic and of the Inner Mongolia Autonomous Region of the "
        "People's Republic of China for the Second Half of 1963", "1963-05-20", []),
    "diary_copy_remark_first_line": (
        "diary", "Diary of Hendrik Vos, lock keeper at Lith, spring 1946", "1946-03-04", []),
    "letter_edition_heading_over_re": (
        "letter", "Letter of the Jadran shipping agency at Split to the harbour office at "
        "Šibenik, 4 May 1950", "1950-05-04", ["A. Bralić"]),
    "letter_given_name_under_closing_ps": ("letter", None, "1957-02-02", ["Erzsébet"]),
    "diary_signer_office_under_name": (
        "diary", "Field book of the Rufiji survey party, 1962", "1962-08-02",
        ["H. M. Ollerenshaw"]),
    "letter_struck_name_sender_address": (
        "letter", None, "1949-01-03", ["~~Halina~~ H. Wróbel (Mrs.)"]),
    "despatch_addressee_form_top": (
        "despatch", "CANADA: THE WHEAT SALES TO CHINA", "1961-03-02", ["J. R. Marsden"]),
    "despatch_caps_country_subject": (
        "letter", "ECUADOR: THE BANANA TRADE AND THE PROPOSED GOVERNMENT EXPORT BOARD",
        "1938-05-02", ["R. H. Lyall"]),
    "report_on_the_title_byline": (
        "document", "On the travertine terraces of the upper Drina valley as a source of "
        "building stone: results of the 1968 survey", "1969-03-12", []),
    "memo_name_branch_division": (
        "memorandum", "Zambian Copper Quotas", None, ["signature D. F. Wrenfield"]),
    "information_for_official_use": (
        "report", "Information on the visit of the delegation of the city of Bergen",
        "1964-06-10", ["K. P. Volkov"]),
    "telegram_re_from_to_subject": (
        "telegram", "SEAMEN FROM NORWAY WISHING TO SIGN ON FINNISH SHIPS", "1966-05-04",
        ["AARNIO"]),
    "despatch_stamp_first_short_dateline": (
        "letter", "URUGUAY: THE MEAT PACKING PLANTS AND THE NEW EXCHANGE RATES", "1961-03-17",
        ["G. H. Pellingham"]),
    "information_offices_between_signers": (
        "report", "Information on the talks with the Finnish timber delegation", None,
        ["P. S. Kuzmin", "L. V. Orlova"]),
    "report_academic_offices_over_name": (
        "letter", "Salinity of the ground water in the lower Chu valley", "1961-03-03",
        ["K. S. Omarov"]),
    "letter_surname_comma_office": (
        "letter", None, "1957-11-19", ["Chargé d'affaires a.i., Szalontai"]),
    "note_surname_then_office": (
        "memorandum", "Tobacco buyers at the Izmir fair", "1966-04-08",
        ["Petkanov, Consul General"]),
    "note_protocol_number_subject_matter": (
        "memorandum", "Seasonal workers from the Veneto on the Swiss building sites",
        "1958-10-14", ["P. Zanardelli"]),
    "record_long_body_signs": (
        "record", "Report by the Czechoslovak Legation in Libya on the Oil Concessions",
        "1962-05-09",
        ["Legation of the Czechoslovak Socialist Republic in the United Kingdom of Libya"]),
    "minutes_proces_verbal_taking_part": (
        "minutes", "Proces-verbal of the session of the Institute Council of 3/3/1967",
        "1967-03-03", ["J. Wiśniewski", "T. Szwed"]),
    "record_wrapped_body_long_metadata": (
        "record", "Report of the Polish Fisheries Delegation on the Talks in Reykjavik about "
        "the Licences of the Polish Trawlers in Icelandic Waters", "1960-03-28", ["S. Gruszka"]),
    "minutes_hanging_indent_wrapped": (
        "minutes", "Minutes of the 12th committee meeting held on 9/10/1957 in the net loft",
        "1957-10-09", ["A. Liavaag, chairman", "E. Solheim, secretary"]),
    "diary_indented_entries_no_blanks": (
        "diary", "Survey journal of Tomas Ekdahl, lake soundings on the Kallsjön, summer 1949",
        "1949-07-04", []),
    "memo_subject_ending_with_dates": (
        "memorandum", "Norwegian fishing delegation, 10–11 May 1971", "1971-05-10",
        ["K. J. Lindqvist"]),
    "letter_unit_over_name_foot": ("letter", None, "1966-03-03", ["Nguyen Van Thao"]),
    "despatch_security_label_cc": (
        "letter", "NORWAY: THE WHALING SEASON AND THE ANTARCTIC QUOTAS", None,
        ["R. T. Hollingworth"]),
    "memo_internal_series_recorded_by": (
        "memorandum", "Bearing capacity of peat under road embankments", "1971-05",
        ["Recorded by: Halvorsen"]),
    "information_offices_cyrillic": (
        "report", "INFORMATION on the talks with the Ghanaian timber buyers", "1962-06-12",
        ["Б. Н. Кравцов", "Е. А. Лужина"]),
    "letter_widow_devoted_respect": (
        "letter", None, "1951-03-09", ["Assunta Ferraro, widow Bellini"]),
    "minutes_distributed_to_foot": (
        "minutes", "Minutes of the meeting of the Editorial Board of the Dialect Atlas held on "
        "3 October 1968", "1968-10-03", ["A. Lindström", "K. Nyberg"]),
    "letter_return_address_label": ("letter", None, "1957-05-02", ["M. Ozoliņa"]),
    "report_tab_columns_endash_hyphen": (
        "report", "Report on the rice purchases in Burma", "1963-11-14",
        ["Commercial Counsellor J. Novák–STRNAD", "Second Secretary E. Dvořáková"]),
    "letter_spanish_letterhead_cable_address": (
        "letter", "Exchange of drill cores from the Atacama copper belt", "1963-06-14",
        ["Ing. Raúl Cárdenas Vega"]),
    "letter_kin_after_name_slogan": (
        "letter", None, "1962-03-02", ["Rosa Díaz Mena (wife of Pedro Mena Ruiz)"]),
    "letter_unit_with_region_foot": (
        "letter", None, "1964-04-11", ["signature Jerzy Malinowski"]),
    "letter_signs_off_in_closing": (
        "letter", None, "1956-10-12",
        ["Best wishes to you and Sigrid, from all of us here, your Ingvild"]),
    "telegram_office_colon_surname": (
        "telegram", "CIPHERED TELEGRAM No. 214", "1962-06-03", ["Ambassador: KOWALEWSKI"]),
    "letter_postcard_heading": (
        "letter", "Postcard from Ewa Lis, Grohn DP camp near Bremen, to the search office of "
        "the Polish Red Cross, 3/IV/1947", "1947-04-03", ["Ewa Lis"]),
    "letter_swedish_closing_compound_office": (
        "letter", None, "1961-03-03", ["signature Lars-Göran Wennberg"]),
    "despatch_dutch_wg_signature": ("letter", None, "1963-04-04", ["w.g. D. Popescu"]),
    "minutes_nordic_offices_attestation": (
        "minutes", "Minutes of the annual meeting held on 12 March 1955", "1955-03-12",
        ["K. Aasen, formann", "R. Lunde, sekretær"]),
    "memo_swedish_place_den_dateline": (
        "memorandum", "Polish coal for the Göteborg gasworks", "1958-05-09", ["B. Sandström"]),
    "report_compound_body_letterhead": (
        "report", "Survey of the glacier tongues of the Hohe Tauern in 1965", "1966-03",
        ["F. Höllwarth"]),
    "despatch_table_in_columns": (
        "letter", "PORTUGAL: THE CORK TRADE IN 1959", None, ["H. G. Ellerby"]),
    "telegram_stop_sentences": (
        "telegram", "SWEDISH SHIPS IN LISBON HARBOUR", "1941-03-04", ["LINDQVIST"]),
    "diary_weekday_heading_with_remark": (
        "diary", "Diary of Marta Kovač, teacher at the village school of Lipnik, spring 1958",
        "1958-03-03", []),
    "diary_year_first_headings_glossed": (
        "diary", "From the notebook of Ilona Vértes, geologist with the bauxite survey at "
        "Halimba (translated from Hungarian; her headings kept, with the translator's glosses)",
        "1962-03-03", []),
    "memo_unit_over_signature_mark": (
        "memorandum", "Wool auction prices at Timaru", None, ["signature P. L. Whitcombe"]),
    "memcon_participants_unlabelled": (
        "memorandum", "Dredging of the Bissau Channel", "1966-03-03", []),
    "telegram_distribution_after_signature": (
        "telegram", "EN CLAIR TELEGRAM", "1959-09-22", ["MARCHBANK"]),
    "note_dateline_dash_signer_ref_foot": (
        "memorandum", "Maltese dockyard labour for Tripoli", "1963-06-02",
        ["Edgar P. Camilleri, Consul"]),
    "despatch_formula_with_name_office_addressed": (
        "letter", None, "1957-04-09", ["I have the honour to be, with the highest respect, "
                                       "Sir, your obedient Servant, R. K. Ashdown"]),
    "letter_closing_your_name_plain_words": (
        "letter", None, "1956-03-14",
        ["Thinking of you all in the long dark evenings, your Ingeborg"]),
    "information_office_then_name_other_script": (
        "report", "Information on the talks with the Austrian timber buyers", "1965-04-15",
        ["Н. П. Сорокин", "Л. А. Гусева"]),
    "report_body_then_date_signs": (
        "letter", "Cocoa buying in the main crop season", "1965-05-04",
        ["Trade Mission of Poland in Ghana"]),
    "report_month_in_title_dateline_at_foot": (
        "document", "Ice thickness on the northern bays: measurements of February 1958",
        "1958-04", []),
    "minutes_signers_with_copyist_remarks": (
        "minutes", "Minutes of the Quarterly Meeting of the Ashburton Bowling Club, held in the "
        "Pavilion on 6th June 1951.", "1951-06-06",
        ["R. Tolley (initial doubtful)", "S. Burke (signature faint), Secretary"]),
    "letter_doubtful_signer_restoration": ("letter", None, "1958-02-04", ["J. Krejčí"]),
    "minutes_registry_receipt_line_top": (
        "minutes", "MINUTES of the Annual Meeting of the Board, held at the Council Chambers, "
        "Otaki, on Friday, 2nd June 1950, at 7.30 p.m.", "1950-06-02",
        ["A. Hemi, Chairman", "J. Pratt, Secretary"]),
    "letter_spanish_adverb_closing_slogan": (
        "letter", None, "1966-05-12", ["illegible signature Marta Ochoa Ruiz"]),
    "report_sentence_case_title_over_author": (
        "document", "The water regime of peat soils in the lower Biebrza valley and its "
        "meadows: results of a survey in 1964", "1965-12-14", []),
    "note_file_number_under_classification": (
        "note", "Note for the Secretary, Department of External Affairs", "1963-02-06", []),
    "memcon_small_capital_labels": (
        "memorandum", "Ghanaian Request for Help with the Volta Lake Fisheries",
        "1966-06-08T11:00:00", []),
    "telegram_sentence_case_service_line": ("telegram", "Telegram", "1973-04-09", ["Rasmussen"]),
    "minutes_signers_in_small_letters": (
        "minutes", "Minutes of the meeting of the editorial board of the Baltic Studies "
        "Yearbook held on 12 October 1967", "1967-10-12", ["a. kalniņa", "m. liepa"]),
    "letter_signer_with_editors_note": (
        "letter", None, "1952-05-03",
        ["Hilde Editor's note: The signature is followed by a small drawing of a sailing boat."]),
    "programme_title_names_body_later": (
        "letter", "Draft programme of the Dunedin Choral Society for the spring concerts of 1961",
        "1961-02-14", ["M. Colquhoun"]),
    "memcon_participants_withheld_name": (
        "memorandum", "Ceylonese Request for Help with the Gal Oya Irrigation Scheme",
        "1963-05-04T10:00:00", []),
    "note_footnote_in_two_paragraphs": (
        "note", "Note for the Secretary of External Affairs", "1962-02-08", ["R. J. Tennant"]),
    "report_footnotes_after_references": (
        "document", "Drainage of the Ellesmere lowland farms: a report for 1964", None, []),
    "memo_sign_mark_note_then_name": (
        "memorandum", "Timber exports to Fiji", None,
        ["signature Editor's note: The signature is in green ink across the typed name. "
         "A. K. Rushbrooke"]),
    "minutes_signer_office_note_call": (
        "minutes", "Minutes of the Annual General Meeting of the Gisborne Watersiders' Social "
        "Club, held on 4th March 1957.", "1957-03-04", ["H. Ngata, President",
                                                          "K. Ferrier, Secretary²"]),
    "telegram_caps_with_editors_notes": (
        "telegram", None, "1969-04-12T09:30:00Z", ["HALVORSEN"]),
    "letter_caps_office_lines_under_names": ("letter", None, "1952-05-14", ["MARKO VIDAS"]),
    "note_greek_consul_in_capitals": ("letter", None, "1959-03-09", ["Κ. ΠΑΠΑΔΑΚΗΣ"]),
    "report_small_letters_heads": (
        "report", "information on the talks with the norwegian delegation on cod fishing in the "
        "barents sea", "1966-06-10", []),
    "memcon_edition_source_line": (
        "memorandum", "British Views on the Ghana Loan", "1961-05-12", []),
    "report_reprint_line_over_letterhead": (
        "note", "Erosion of the tussock grasslands above the Manuherikia after the fires of "
        "1960", "1962-06", []),
    "letter_postscript_then_edition_source": ("letter", None, None, ["A. Berglund"]),
    "report_unheaded_reference_list": (
        "document", "Glaciers of the upper Inguri basin in 1962", "1963-03-12", []),
    "letter_french_typography_glued_initials": (
        "letter", None, "1961-05-03", ["J.K.Vandenberghe"]),
    "letter_translated_subject_hyphen_initials": (
        "letter", "Delivery of tinplate for the spring season", "1952-02-12",
        ["R.Le Goff-Kerbrat"]),
    "minutes_own_language_name_over_translation": (
        "minutes", "Minutes of a Committee Meeting held on 9/5/1955 at the Polish Club, "
        "Chapeltown Road", "1955-05-09", ["J. Malinowski"]),
    "letter_small_letters_first_name_under_your": ("letter", None, None, ["marta"]),
    "minutes_body_named_in_own_language": (
        "minutes", "Minutes of the meeting of the Commission held on 14 May 1964",
        "1964-05-14", ["D. Jovanović", "S. Pavlović"]),
}


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


@pytest.mark.parametrize("name", sorted(FACTS))
def test_family_title_date_and_signers(name: str) -> None:
    layout, title, date, signers = FACTS[name]
    result = teikit.encode(DATA / "roles" / f"{name}.txt")
    root = result.tree.getroot()
    assert result.layout == layout
    found_title = root.xpath("//t:titleStmt/t:title[@type='main']", namespaces=NS)[0]
    assert _text(found_title) == (title or f"{name}.txt")
    when = root.xpath("//t:profileDesc/t:creation/t:date/@when | "
                      "//t:profileDesc/t:creation/t:date/@from", namespaces=NS)
    assert (when[0][: len(date)] if when else None) == date
    assert [_text(s) for s in root.xpath("//t:body//t:signed", namespaces=NS)] == signers


@pytest.mark.parametrize(("name", "dates"), [
    ("diary_weekday_heading_with_remark", ["1958-03-03", "1958-03-04", "1958-03-06"]),
    ("diary_year_first_headings_glossed", ["1962-03-03/1962-03-05", "1962-03-06",
                                           "1962-03-08"]),
])
def test_every_entry_heading_is_dated_whatever_follows_its_date(
        name: str, dates: list[str]) -> None:
    """A remark after a dash or a translation in brackets after the date leaves the line
    an entry's heading, and the weekday or the year-first range inside its date."""
    root = teikit.encode(DATA / "roles" / f"{name}.txt").tree.getroot()
    heads = root.xpath("//t:div[@type='entry']/t:head", namespaces=NS)
    found = [h.xpath("string(t:date/@when)", namespaces=NS)
             or "/".join(h.xpath("t:date/@from | t:date/@to", namespaces=NS)) for h in heads]
    assert found == dates
    assert not root.xpath("//t:placeName", namespaces=NS)  # "Thursday" is no place


def test_people_listed_with_their_functions_under_the_date_are_the_participants() -> None:
    """No ``PARTICIPANTS:`` label: a block of names with offices, grouped under their
    countries, above the text; the subject line under it is no heading there."""
    root = teikit.encode(DATA / "roles" / "memcon_participants_unlabelled.txt").tree.getroot()
    items = root.xpath("//t:list[@type='participants']/t:item", namespaces=NS)
    assert [_text(i).split(",")[0] for i in items] == [
        "Portugal", "Dr. Rui Sampaio", "Commander Jorge Leal", "Netherlands",
        "Mr. Hendrik de Graaf", "Mr. Willem Boon"]
    assert root.xpath("//t:ab[@type='subject']", namespaces=NS)
    assert teikit.is_valid(root.getroottree())


@pytest.mark.parametrize(("name", "foot"), [
    ("note_dateline_dash_signer_ref_foot", ["dateline", "signed", "seg"]),
    ("despatch_formula_with_name_office_addressed", ["signed", "address", "dateline", "seg"]),
    ("information_office_then_name_other_script",
     ["roleName", "signed", "roleName", "signed", "dateline"]),
    ("report_body_then_date_signs", ["signed", "dateline", "address"]),
    ("report_month_in_title_dateline_at_foot", ["dateline", "seg"]),
])
def test_a_foot_that_puts_two_parts_on_a_line_or_ends_with_a_number_stays_one_closer(
        name: str, foot: list[str]) -> None:
    """A date and a name, an office and a name, a body and its date on one line are told
    apart inside the closer; a file number or the address under them opens no enclosure."""
    root = teikit.encode(DATA / "roles" / f"{name}.txt").tree.getroot()
    [closer] = root.xpath("//t:body//t:closer", namespaces=NS)
    assert [etree.QName(child).localname for child in closer] == foot
    assert len(root.xpath("//t:body/t:div", namespaces=NS)) == 1
    assert teikit.is_valid(root.getroottree())


@pytest.mark.parametrize(("text", "date", "doubtful"), [
    ("Pula, 14/11/58 [?]\nDear Sir,\nThe cargo of the Vis has been landed at last and the "
     "customs have released it without further charges.\nYours faithfully,\nA. Matić\n",
     "1958-11-14", "14/11/58"),
    ("Field notes, spring 1962\nMontag, 2. April 1962\nWe walked up to the pass and counted "
     "the sheep of three villages on the way.\nDienstag, 3. April [?]\nSnow again, and the "
     "mules would not go on beyond the first hut.\n", "1962-04-03", "April"),
])
def test_a_query_after_a_date_makes_its_last_word_unclear_inside_the_date(
        text: str, date: str, doubtful: str) -> None:
    result = teikit.encode_text(text)
    root = result.tree.getroot()
    [unclear] = root.xpath("//t:body//t:unclear", namespaces=NS)
    assert unclear.text == doubtful
    assert etree.QName(unclear.getparent()).localname == "date"
    assert unclear.getparent().get("when") == date
    assert teikit.export(result.tree, to="text", view="transcript").decode() == text


def test_a_file_number_under_the_letterhead_and_classification_is_the_offices() -> None:
    root = teikit.encode(DATA / "roles" / "note_file_number_under_classification.txt"
                         ).tree.getroot()
    assert [n.get("type") for n in root.xpath("//t:note", namespaces=NS)] == ["footnote"]
    assert root.xpath("string(//t:seg[@type='reference'])", namespaces=NS) == "File No. 218/4/11"


@pytest.mark.parametrize(("name", "going_on"), [
    ("note_footnote_in_two_paragraphs", "Their letter of 6 February repeats it"),
    ("report_footnotes_after_references", "The record for August is missing."),
])
def test_footnotes_go_on_over_a_line_and_may_follow_the_reference_list(
        name: str, going_on: str) -> None:
    root = teikit.encode(DATA / "roles" / f"{name}.txt").tree.getroot()
    notes = root.xpath("//t:back//t:note[@type='footnote']", namespaces=NS)
    assert [n.get("n") for n in notes] == ["1", "2"]
    assert going_on in _text(notes[0])
    anchors = root.xpath("//t:body//t:ref[@type='noteAnchor']/@target", namespaces=NS)
    assert anchors == ["#note-1", "#note-2"]


def test_an_underline_is_a_rule_under_its_heading_not_a_line_of_text() -> None:
    result = teikit.encode(DATA / "roles" / "diary_underlined_headings.txt")
    root = result.tree.getroot()
    rules = root.xpath("//t:fw[@type='rule']", namespaces=NS)
    assert [r.text for r in rules] == ["=" * 23, "-" * 19, "=" * 22]
    assert all(etree.QName(r.getprevious()).localname == "head" for r in rules)
    assert not root.xpath("//t:p[contains(., '===') or contains(., '---')]", namespaces=NS)


def test_the_mark_of_a_copy_is_an_fw_not_the_title() -> None:
    root = teikit.encode(DATA / "roles" / "letter_copy_draft_marks.txt").tree.getroot()
    marks = root.xpath("//t:fw[@type='copy']", namespaces=NS)
    assert [m.text for m in marks] == ["(Copy)", "Draft"]


def test_a_running_head_is_an_fw_and_a_tabbed_table_stays_in_the_text() -> None:
    root = teikit.encode(DATA / "roles" / "report_running_head_tab_table.txt").tree.getroot()
    [head] = root.xpath("//t:fw[@type='header']", namespaces=NS)
    assert head.text.endswith("(continued)")
    assert len(root.xpath("//t:body/t:div", namespaces=NS)) == 1
    assert len(root.xpath("//t:p[contains(., '\t')]", namespaces=NS)) == 3


def test_an_underline_in_a_transcript_with_crlf_line_ends_is_an_fw_too() -> None:
    text = ("Report on the ferry to the islands\r\n==================================\r\n\r\n"
            "The ferry has run twice a week since the new boat came.\r\n")
    result = teikit.encode_text(text)
    root = result.tree.getroot()
    assert [r.text for r in root.xpath("//t:fw[@type='rule']", namespaces=NS)] == ["=" * 34]
    assert teikit.is_valid(result.tree)
    assert to_bytes(result.tree, "transcript") == text.encode()


def test_a_missing_title_is_warned_about() -> None:
    result = teikit.encode(DATA / "roles" / "despatch_courtesy.txt")
    assert "TK005" in [d.code for d in result.diagnostics]


def test_no_structure_is_warned_about() -> None:
    result = teikit.encode(DATA / "roles" / "plain_prose.txt")
    assert [d.code for d in result.diagnostics] == ["TK002"]


@pytest.mark.parametrize(("text", "likeness"), [
    ("A. K. Tarrant", 1.0), ("Н. А. Смирнов", 1.0), ("H.-J. Vogel", 1.0),
    ("Halina Wąsowicz", 0.75), ("M. ZAHARIEVA", 1.0), ("Kowalczyk", 0.45),
    ("周恩来 (Zhou Enlai)", 0.9), ("ʿAlī al-Ḥasan", 0.75), ("P. Lowe and D. Kerr", 1.0),
    ("Ministry of Foreign Affairs", 0.0), ("the meeting closed", 0.0),
    ("płk dypl. Marian Kowalczyk", 0.75), ("Szalai Gábor s.k.", 0.75), ("Novák v.r.", 0.45),
    ("gen. the meeting", 0.0), ("Sayed Osman Ibrahim el-Tayeb Hamdan", 0.75),
    ("Osman Ibrahim Tayeb Hamdan Saleh", 0.3), ("Theresia Lechner, née Pichler", 0.75),
    ("Maria Weber geb. Lenz", 0.75), ("I. Brandt (née Koch)", 1.0), ("born in Graz", 0.0),
    ("I(vo) Dabinović", 0.75), ("G(iovanni) Scarpa", 0.75), ("Kuzne(tsov)", 0.45),
    ("Assunta Ferraro, widow Bellini", 0.75), ("K. Wiese–HOLLAND", 1.0),
    ("{H. Lindgren} <E. Sørensen>", 1.0),
])
def test_name_likeness(text: str, likeness: float) -> None:
    assert name_likeness(text) == likeness


def test_an_office_or_a_body_counts_half() -> None:
    assert name_likeness("Hon. Secretary") < 0.45
    assert name_likeness("Middle Eastern Division") < 0.45
    assert person_lead("Deputy Minister Jan Kowal, Ministry of Trade") == 0.75


def test_explain_prints_each_line_with_its_evidence() -> None:
    result = teikit.encode(DATA / "roles" / "note_letterhead.txt")
    text = teikit.explain(result)
    lines = text.splitlines()
    assert lines[0] == "layout: note"
    signer = next(line for line in lines if line.split()[:2] == ["14", "signer"])
    assert "E. Skaug" in signer and "name-like" in signer


def test_a_role_that_leads_is_never_left_hanging() -> None:
    """``For the delegation`` must be followed by its signer: alone at the end, it is
    something else."""
    result = teikit.encode("We agreed on the text.\nFor the delegation of Ruritania\n")
    assert [row.role for row in result.explained][-1] != "role-before"


def test_initials_before_a_surname_are_a_name_not_a_lettered_heading() -> None:
    """``G. W. Ormsby`` under a first-name signature signs, even with running text below:
    ``G.`` is an initial, not the letter of a section."""
    result = teikit.encode(
        "Dear Pemberton,\nThe Icelandic Government are likely to announce a twelve-mile "
        "limit before the summer, and our trawler owners want to know what the Navy will "
        "do.\nYours sincerely,\nRobert\nG. W. Ormsby\nCopies of this letter go to the "
        "Chanceries in Bonn and Paris and to the Ministry of Agriculture and Fisheries.\n")
    roles = {row.text: row.role for row in result.explained}
    assert roles["Robert"] == "signer"
    assert roles["G. W. Ormsby"] != "section-head"


def test_the_cli_explains_without_writing_unless_asked(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from teikit.cli import app

    source = tmp_path / "note.txt"
    source.write_bytes((DATA / "roles" / "note_letterhead.txt").read_bytes())
    runner = CliRunner()
    shown = runner.invoke(app, ["encode", "--explain", str(source)])
    assert shown.exit_code == 0, shown.output
    assert "14  signer" in shown.output
    assert not source.with_suffix(".xml").exists()
    written = runner.invoke(app, ["encode", "--explain", str(source), "-o",
                                  str(tmp_path / "note.xml")])
    assert written.exit_code == 0
    assert (tmp_path / "note.xml").exists()
    refused = runner.invoke(app, ["encode", "--explain", str(source), "-o", "-"])
    assert refused.exit_code == 2


def _record(name: str) -> tuple[teikit.EncodeResult, etree._Element]:
    result = teikit.encode(DATA / "roles" / f"{name}.txt")
    return result, result.tree.getroot()


def test_a_signature_mark_with_an_office_and_no_name_is_one_signer() -> None:
    result, root = _record("record_mark_role_only")
    signed = root.xpath("//t:body//t:signed", namespaces=NS)
    assert len(signed) == 1 and signed[0].find("t:gap", NS).get("reason") == "signature"
    assert _text(root.xpath("//t:closer/t:roleName", namespaces=NS)[0]) == (
        "Head of the Consular Section")
    assert root.xpath("//t:abstract", namespaces=NS)  # the summary is found after the foot
    assert result.layout == "record"


def test_a_record_without_summary_gets_no_abstract() -> None:
    result, root = _record("record_surname_authors_no_summary")
    assert not root.xpath("//t:abstract", namespaces=NS)
    assert [_text(s) for s in root.xpath("//t:body//t:signed", namespaces=NS)] == ["Takács"]
    assert ("TK141", 12) in [(d.code, d.line) for d in result.diagnostics]
    authors = root.xpath("//t:titleStmt/t:author", namespaces=NS)
    assert [_text(a).startswith(("Takács", "Vörös")) for a in authors] == [True, True]


def test_the_compact_rendering_keeps_rights_and_the_site_email_as_text() -> None:
    _result, root = _record("record_compact_corporate")
    rights = _text(root.xpath("//t:availability", namespaces=NS)[0])
    assert rights.endswith("[email protected]")
    assert not root.xpath("//t:back//t:supplied", namespaces=NS)
    assert len(root.xpath("//t:body/t:div", namespaces=NS)) == 1  # the stamp starts nothing
    stamp = root.xpath("//t:stamp", namespaces=NS)[0]
    assert "Registry no. 441" in _text(stamp)


def test_a_short_rights_statement_ending_on_the_hidden_address_is_the_rights() -> None:
    source = (DATA / "roles" / "record_compact_corporate.txt").read_text(encoding="utf-8")
    rights = ("The Lindqvist Foundation looks after this version; for anything beyond reading "
              "please write to [email protected]")
    text = source.rstrip("\n").rsplit("\n", 1)[0] + "\n" + rights
    root = teikit.encode_text(text).tree.getroot()
    assert _text(root.xpath("//t:availability", namespaces=NS)[0]) == rights


def test_signatories_side_by_side_are_one_signed_each_and_the_line_reads_back() -> None:
    text = ("Both parties agreed to meet again in the spring.\n"
            "For the Ministry:      For the Union:\n"
            "A. Kowalczyk           B. Ferreira-Lund\n")
    result = teikit.encode_text(text)
    root = result.tree.getroot()
    assert [_text(s) for s in root.xpath("//t:closer/t:signed", namespaces=NS)] == [
        "A. Kowalczyk", "B. Ferreira-Lund"]
    assert len(root.xpath("//t:closer/t:orgName", namespaces=NS)) == 2
    assert teikit.export(result.tree, to="text", view="transcript").decode() == text


def test_a_stamp_alone_on_its_lines_is_a_stamp_in_any_layout() -> None:
    text = ("Sir,\nThe crates were opened on 2 May 1962.\n[Stamp: Customs House\nRegistry]\n"
            "Yours faithfully,\nK. Rahman\n")
    result = teikit.encode_text(text)
    stamps = result.tree.getroot().xpath("//t:stamp", namespaces=NS)
    assert [_text(s) for s in stamps] == ["Customs House Registry"]
    assert not [d for d in result.diagnostics if d.code == "TK101"]


def test_a_bracket_over_lines_of_a_double_spaced_transcript_stays_one_mark() -> None:
    lines = ["Letter of the Trade Office to the Ministry", "Sir,",
             "The samples of jute were received on 3 May 1962 and found sound.",
             "[Stamp: Trade Office", "Registry", "Received 9.V.1962]",
             "Yours faithfully,", "K. Rahman"]
    text = "\n\n".join(lines) + "\n"
    result = teikit.encode_text(text)
    stamps = result.tree.getroot().xpath("//t:stamp", namespaces=NS)
    assert [" ".join(_text(s).split()) for s in stamps] == [
        "Trade Office Registry Received 9.V.1962"]
    assert not [d for d in result.diagnostics if d.code == "TK101"]
    assert teikit.export(result.tree, to="text", view="transcript").decode() == text


def test_a_datelines_conventions_are_read_and_a_stamps_date_comes_last() -> None:
    text = ("[Stamp: Ministry for Foreign Affairs, received 2.III.1962]\n"
            "EMBASSY OF FINLAND\nNote No. 12/62\n"
            "The Embassy of Finland presents its compliments to the Ministry and has the honour "
            "to ask for the release of the timber consignment held at the port.\n"
            "The Embassy avails itself of this opportunity to renew to the Ministry the "
            "assurances of its highest consideration.\n"
            "[Legation office] Lappeenranta [?], 27 February 1962\n"
            "To the Ministry for Foreign Affairs\nStockholm\n")
    result = teikit.encode_text(text)
    root = result.tree.getroot()
    assert root.xpath("string(//t:creation/t:date/@when)", namespaces=NS) == "1962-02-27"
    dateline = root.xpath("//t:body//t:dateline", namespaces=NS)[0]
    assert [_text(s) for s in dateline.xpath("t:supplied", namespaces=NS)] == ["Legation office"]
    assert [_text(s) for s in dateline.xpath("t:unclear", namespaces=NS)] == ["Lappeenranta"]
    assert teikit.export(result.tree, to="text", view="transcript").decode() == text


def test_a_compact_records_closing_paragraph_of_use_and_ownership_is_its_rights() -> None:
    body = ("20 March 1962\nNote of the Consulate on the Timber Trade\n"
            "The consul reported that the timber trade had grown.\n"
            "The consul describes the growth of the timber trade.\n"
            "Document Information\n"
            "Regional Archive of Oulu, consular series 4, file 17.\n"
            "This English text belongs to the Northbrook Reading Room, which offers it for "
            "classroom and scholarly use; the original is owned by the archive in Oulu. For other "
            "uses, write to the reading room.")
    root = teikit.encode_text(body).tree.getroot()
    rights = root.xpath("//t:back/t:div[@type='rights']", namespaces=NS)
    assert [_text(r).startswith("This English text") for r in rights] == [True]


def test_headless_notes_above_the_addressee_are_notes_and_the_addressee_follows_them() -> None:
    result = teikit.encode(DATA / "roles" / "letter_notes_above_addressee.txt")
    root = result.tree.getroot()
    notes = root.xpath("//t:back/t:div[@type='notes']/t:note", namespaces=NS)
    assert [n.get("n") for n in notes] == ["1", "2"]
    foot = root.xpath("//t:back/t:div[@type='foot']/t:p", namespaces=NS)
    assert [_text(p) for p in foot] == [
        "R. K. Whitcombe, Esq., Office of the Resident Commissioner, Tarawa"]


_ROLE_LINES = sorted({line for path in CASES
                      for line in path.read_text(encoding="utf-8").splitlines() if line.strip()})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_ROLE_LINES), min_size=1, max_size=24))
def test_any_mixture_of_document_lines_gives_valid_tei(lines: list[str]) -> None:
    """Lines of every family in any order (a foot without a signature, a closer's lines
    after sections): the TEI is valid against teikit's schemas and reads back."""
    text = "\n".join(lines) + "\n"
    result = teikit.encode_text(text)
    assert teikit.export(result.tree, to="text", view="transcript").decode() == text


def test_citations_with_a_table_or_figure_point_to_the_works_consulted() -> None:
    result = teikit.encode(DATA / "roles" / "report_works_consulted.txt")
    root = result.tree.getroot()
    cited = root.xpath("//t:body//t:ref[@type='citation']", namespaces=NS)
    assert [ref.get("target") for ref in cited] == ["#bibl-1", "#bibl-2", "#bibl-3"]
    assert not root.xpath("//t:supplied | //t:body//t:note", namespaces=NS)
    assert len(root.xpath("//t:back//t:listBibl/t:bibl", namespaces=NS)) == 3


_SINGLE_SPACED = [path for path in CASES
                  if "\n\n" not in path.read_text(encoding="utf-8").rstrip("\n")
                  and "wrapped" not in path.stem]  # doubling a wrapped text unwraps it


@pytest.mark.parametrize("path", _SINGLE_SPACED, ids=[p.stem for p in _SINGLE_SPACED])
def test_a_blank_line_after_every_line_changes_no_role(path: Path) -> None:
    """The same transcript typed with a blank line after every line (double spacing)
    reads the same: each line keeps its role."""
    lines = path.read_text(encoding="utf-8").split("\n")
    doubled = "\n".join(line + ("\n" if line.strip() else "") for line in lines)
    found = teikit.encode_text(doubled, name=path.name).explained
    expected = teikit.encode(path).explained
    assert [(row.line, row.role) for row in found] == [
        (2 * row.line - 1, row.role) for row in expected]


def test_a_compact_record_names_its_funder_and_keeps_rights_in_other_words() -> None:
    result = teikit.encode(DATA / "roles" / "record_compact_ownership_rights.txt")
    root = result.tree.getroot()
    assert [f.text for f in root.xpath("//t:funder", namespaces=NS)] == ["the Halvard Osk Fund"]
    [rights] = root.xpath("//t:availability/t:p", namespaces=NS)
    assert "non-profit study and teaching" in rights.text


def test_a_diary_heading_of_a_weekday_and_a_day_is_dated_in_the_entries_month() -> None:
    """``Monday 31st`` / ``Tuesday 1st`` under ``Friday 28th March 1952``: the month of the
    entry before it, or the next where the weekday falls on that day."""
    root = teikit.encode(DATA / "roles" / "diary_weekday_day_headings.txt").tree.getroot()
    heads = root.xpath("//t:div[@type='entry']/t:head/t:date/@when", namespaces=NS)
    assert heads == ["1952-03-28", "1952-03-31", "1952-04-01", "1952-04-03"]


@pytest.mark.parametrize(("text", "kind"), [
    ("Jegyzőkönyv – Minutes", True),  # the kind in two languages
    ("Protokoll / Minutes", True),
    ("Report 3/59", True),
    ("Minutes / of the committee of the harbour board", False),
    ("R E C O R D", True),  # typed letter-spaced for emphasis
    ("C R Y P T O G R A M   No. 2286", True),
    ("M e m o r a n d u m", True),
    ("a b c d", False),
])
def test_a_kind_named_in_two_languages_is_a_kind(text: str, kind: bool) -> None:
    assert is_kind(Line(0, 0, text, DateOptions())) is kind


def test_a_title_may_end_on_a_pronoun_but_not_on_a_preposition() -> None:
    body = ("About two hundred Finnish seamen now sign on in Rotterdam every month, most of "
            "them on Dutch tankers.\nThe consul has asked the shipping companies for lists.\n"
            "K. Virtanen\nConsul\n")
    top = "CONSULATE OF FINLAND IN ROTTERDAM\nRotterdam, 3 May 1960\n"
    title = "Finnish seamen in the port of Rotterdam and the unions recruiting among them"
    root = teikit.encode_text(top + title + "\n" + body).tree.getroot()
    found = root.xpath("//t:titleStmt/t:title[@type='main']", namespaces=NS)[0]
    assert _text(found) == title
    cut = "Finnish seamen in the port of Rotterdam and the unions recruiting in the"
    for line, penalised in ((title, False), (cut, True)):
        rows = teikit.encode_text(top + line + "\n" + body).explained
        reasons = " ".join(" ".join(row.reasons) for row in rows if row.text == line)
        assert ("a word that needs more" in reasons) is penalised


def test_a_title_that_reads_like_a_notes_heading_leaves_the_notes_under_the_text() -> None:
    """``NOTE`` over an embassy's note is its title, not the heading of its notes: the
    superscript notes under the signature are still footnotes."""
    text = ("EMBASSY OF NORWAY\nLisbon, 2 June 1958\nNOTE\non the cork harvest\n"
            "The exporters expect a smaller harvest than last year.¹ Prices have risen.²\n"
            "Ambassador\nO. Lunde-Berg\n¹ The harvest of 1957 was the largest since the war.\n"
            "² Cf. our note of 3 March.\n")
    root = teikit.encode_text(text).tree.getroot()
    assert len(root.xpath("//t:note[@type='footnote']", namespaces=NS)) == 2


def test_a_records_summary_follows_its_distribution_line() -> None:
    """The paragraph about the document after its foot is the summary even when a
    distribution line closes the foot and the summary speaks of "US dollars" (not "us")."""
    result = teikit.encode(DATA / "roles" / "record_distribution_then_summary_us.txt")
    abstract = result.tree.getroot().xpath("//t:teiHeader//t:abstract", namespaces=NS)
    assert abstract and _text(abstract[0]).startswith("A Czechoslovak machinery exporter reports")


@pytest.mark.parametrize(("line", "typist"), [
    ("JM/kt", True), ("JMT:ps", True), ("E:RAPenfold:lkt 3/15/62", True),
    ("EUR/WE:JDoe:ms", True), ("RE:SUBJ", False), ("Note: see above", False),
])
def test_the_initials_and_drafting_symbols_under_a_text(line: str, typist: bool) -> None:
    """Who wrote and who typed a text, in the forms offices use: ``JM/kt``, ``JMT:ps``,
    and a drafting symbol with the office, the drafter, the typist and the date."""
    from teikit.encoder.roles.evidence.foot import _TYPIST

    assert bool(_TYPIST.match(line)) is typist


def test_a_line_naming_a_body_in_the_text_is_no_signer() -> None:
    """``Present estimates of … Corporation … are:`` opens a list inside the text: it names
    a body, but not first and not as whole line, so it does not sign."""
    text = ("Embassy of Hungary\nSantiago, 4 March 1971\nTo the Ministry of Foreign Trade\n"
            "The copper mines will be nationalised in July.\n"
            "Present estimates of the Copper Corporation of Chile for 1971 are:\n"
            "Chuquicamata  250,000 tons\nEl Teniente  180,000 tons\n"
            "The Embassy will report again in April.\nL. Fehérváry\n")
    root = teikit.encode(text).tree.getroot()
    assert [_text(s) for s in root.xpath("//t:body//t:signed", namespaces=NS)] == [
        "L. Fehérváry"]


def test_a_table_row_counts_only_the_rows_right_under_one_another() -> None:
    """Lines in columns far apart (a gap wider than the page's spacing) are no table of
    three rows; the same lines one under the other are."""
    from teikit.encoder.dates import DateOptions
    from teikit.encoder.roles.evidence.base import Context
    from teikit.encoder.roles.features import Line
    from teikit.encoder.roles.page import Page

    texts = ["Year   North   South", "1955   61.2   38.4", "1956   54.9   47.0"]
    apart = [Line(n, number, text, DateOptions(), last=number)
             for n, (number, text) in enumerate(zip((0, 1, 6), texts, strict=True))]
    close = [Line(n, n, text, DateOptions(), last=n) for n, text in enumerate(texts)]
    assert not Context(Page(apart)).table_row(apart[0])
    assert Context(Page(close)).table_row(close[0])


def test_a_sentence_ends_before_a_notes_call_and_a_remark() -> None:
    """``… a mother's plea.¹ [2 lines illegible]``: the line ends a sentence, so it is a
    paragraph of the text, not an office over the name under it."""
    text = ("Citizen Minister,\nSince 1950 I have worked at the sawmill and my son goes to "
            "the school in the settlement.\nI appeal to you, Citizen Minister, to grant a "
            "mother's plea.¹ [2 lines illegible]\nA. Kalniņa\n"
            "¹ The words are underlined in the original.\n")
    root = teikit.encode_text(text).tree.getroot()
    paragraphs = [_text(p) for p in root.xpath("//t:body//t:p", namespaces=NS)]
    assert len(paragraphs) == 2 and paragraphs[1].startswith("I appeal to you")
    assert [_text(s) for s in root.xpath("//t:signed", namespaces=NS)] == ["A. Kalniņa"]


def test_a_list_of_works_with_no_heading_is_the_references_the_text_cites() -> None:
    root = teikit.encode(DATA / "roles" / "report_unheaded_reference_list.txt").tree.getroot()
    assert root.xpath("count(//t:back//t:listBibl/t:bibl)", namespaces=NS) == 4
    assert not root.xpath("//t:note", namespaces=NS)
    assert root.xpath("//t:ref[@type='citation']/@target", namespaces=NS) == [
        "#bibl-1", "#bibl-2", "#bibl-3 #bibl-4"]


def test_a_mark_after_a_no_break_space_covers_the_word_and_keeps_the_space() -> None:
    """``Matadi [?]``, ``comission [sic]`` typed with a no-break space before the mark."""
    path = DATA / "roles" / "letter_french_typography_glued_initials.txt"
    result = teikit.encode(path)
    root = result.tree.getroot()
    marked = root.xpath("//t:unclear | //t:sic", namespaces=NS)
    assert [(etree.QName(m).localname, m.text) for m in marked] == [
        ("unclear", "Matadi"), ("sic", "comission")]
    assert to_bytes(result.tree, "transcript") == path.read_bytes()


def test_other_countries_forms_of_glosses_locators_and_headings() -> None:
    """A name glossed in full-width brackets, a citation's Cyrillic page locator and a
    list of works headed in another language with its translation in brackets."""
    from teikit.encoder.inline.citations import cited
    from teikit.encoder.layout.notes import heading_kind
    from teikit.encoder.roles.features import glossed_name_likeness

    assert glossed_name_likeness("刘振邦（Liu Zhenbang）") >= 0.75
    assert cited("2, с. 57") == ["2"] and cited("4, str. 12–14") == ["4"]
    assert heading_kind("Literatura [Bibliography]") == "references"
