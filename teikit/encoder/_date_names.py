"""Month and weekday names of the languages :mod:`teikit.encoder.dates` reads (data only).

Names are in lower case: nominative, and the genitive or other case forms dates are written
with (``21 сентября``, ``12 Μαΐου``, ``12 maja``, ``12. května``), then the usual
abbreviations. A name that ends in ``.`` matches only with its period (``ago.`` is Spanish
and Italian August, ``ago`` an English word). Greek names are also read without their
accents, as capitals are usually written (``ΜΑΪΟΥ``, ``ΜΑΙΟΥ``).

Every language in :data:`DEFAULT_LANGUAGES` agrees with every other on what each name means.
Croatian (``hr``) is known but not read by default: its ``listopad`` is October, where Czech
and Polish ``listopad`` is November; choose it with ``DateOptions(languages=("en", "hr"))``.
"""

# Dates are written in many scripts: Greek, Cyrillic and accented Latin letters are meant.

from __future__ import annotations

import unicodedata

Names = tuple[tuple[str, ...], ...]

MONTHS_EN = (
    ("january", "jan"),
    ("february", "feb", "febr"),
    ("march", "mar"),
    ("april", "apr"),
    ("may",),
    ("june", "jun"),
    ("july", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("october", "oct"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS_FR = (
    ("janvier", "janv"),
    ("février", "fevrier", "févr", "fevr", "fév", "fev"),
    ("mars",),
    ("avril", "avr"),
    ("mai",),
    ("juin",),
    ("juillet", "juil"),
    ("août", "aout"),
    ("septembre", "sept"),
    ("octobre", "oct"),
    ("novembre", "nov"),
    ("décembre", "decembre", "déc", "dec"),
)
MONTHS_DE = (
    ("januar", "jänner", "jaenner", "jan"),
    ("februar", "feber", "feb", "febr"),
    ("märz", "maerz", "mär"),
    ("april", "apr"),
    ("mai",),
    ("juni", "jun"),
    ("juli", "jul"),
    ("august", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("dezember", "dez"),
)
MONTHS_ES = (
    ("enero", "ene"),
    ("febrero", "feb"),
    ("marzo", "mar"),
    ("abril", "abr"),
    ("mayo", "may"),
    ("junio", "jun"),
    ("julio", "jul"),
    ("agosto", "ago."),
    ("septiembre", "setiembre", "sept", "sep", "set."),
    ("octubre", "oct"),
    ("noviembre", "nov"),
    ("diciembre", "dic"),
)
MONTHS_NL = (
    ("januari", "jan"),
    ("februari", "feb", "febr"),
    ("maart", "mrt", "mar"),
    ("april", "apr"),
    ("mei",),
    ("juni", "jun"),
    ("juli", "jul"),
    ("augustus", "aug"),
    ("september", "sep", "sept"),
    ("oktober", "okt"),
    ("november", "nov"),
    ("december", "dec"),
)

MONTHS_PT = (
    ("janeiro",),
    ("fevereiro", "fev"),
    ("março",),
    ("abril",),
    ("maio",),
    ("junho",),
    ("julho",),
    ("agosto",),
    ("setembro",),
    ("outubro",),
    ("novembro",),
    ("dezembro", "dez"),
)

MONTHS_IT = (
    ("gennaio", "genn", "gen"),
    ("febbraio", "febbr", "feb"),
    ("marzo", "mar"),
    ("aprile", "apr"),
    ("maggio", "magg", "mag"),
    ("giugno", "giu"),
    ("luglio", "lug"),
    ("agosto", "ago."),
    ("settembre", "sett", "set."),
    ("ottobre", "ott"),
    ("novembre", "nov"),
    ("dicembre", "dic"),
)
# Nominative, genitive ("21 сентября"), prepositional ("в сентябре"), abbreviations.
MONTHS_RU = (
    ("январь", "января", "январе", "янв"),
    ("февраль", "февраля", "феврале", "фев", "февр"),
    ("март", "марта", "марте", "мар"),
    ("апрель", "апреля", "апреле", "апр"),
    ("май", "мая", "мае"),
    ("июнь", "июня", "июне", "июн"),
    ("июль", "июля", "июле", "июл"),
    ("август", "августа", "августе", "авг"),
    ("сентябрь", "сентября", "сентябре", "сент", "сен"),
    ("октябрь", "октября", "октябре", "окт"),
    ("ноябрь", "ноября", "ноябре", "нояб", "ноя"),
    ("декабрь", "декабря", "декабре", "дек"),
)
# Genitive ("12 Μαΐου 1952") and nominative, then abbreviations.
_MONTHS_EL = (
    ("ιανουαρίου", "ιανουάριος", "ιαν"),
    ("φεβρουαρίου", "φεβρουάριος", "φεβρ", "φεβ"),
    ("μαρτίου", "μάρτιος", "μαρτ", "μαρ"),
    ("απριλίου", "απρίλιος", "απρ"),
    ("μαΐου", "μάιος", "μαΐ"),
    ("ιουνίου", "ιούνιος", "ιουν"),
    ("ιουλίου", "ιούλιος", "ιουλ"),
    ("αυγούστου", "αύγουστος", "αυγ"),
    ("σεπτεμβρίου", "σεπτέμβριος", "σεπτ", "σεπ"),
    ("οκτωβρίου", "οκτώβριος", "οκτ"),
    ("νοεμβρίου", "νοέμβριος", "νοεμ", "νοε"),
    ("δεκεμβρίου", "δεκέμβριος", "δεκ"),
)
MONTHS_PL = (
    ("styczeń", "stycznia", "sty"),
    ("luty", "lutego", "lut"),
    ("marzec", "marca"),
    ("kwiecień", "kwietnia", "kwi"),
    ("maj", "maja"),
    ("czerwiec", "czerwca"),
    ("lipiec", "lipca"),
    ("sierpień", "sierpnia"),
    ("wrzesień", "września", "wrz"),
    ("październik", "października", "paź"),
    ("listopad", "listopada"),
    ("grudzień", "grudnia", "gru"),
)
MONTHS_CS = (
    ("leden", "ledna"),
    ("únor", "února"),
    ("březen", "března"),
    ("duben", "dubna"),
    ("květen", "května"),
    ("červen", "června"),
    ("červenec", "července"),
    ("srpen", "srpna"),
    ("září",),
    ("říjen", "října"),
    ("listopad", "listopadu"),
    ("prosinec", "prosince"),
)
MONTHS_HU = (
    ("január", "jan"),
    ("február", "febr"),
    ("március", "márc"),
    ("április", "ápr"),
    ("május", "máj"),
    ("június", "jún"),
    ("július", "júl"),
    ("augusztus", "aug"),
    ("szeptember", "szept"),
    ("október", "okt"),
    ("november", "nov"),
    ("december", "dec"),
)
MONTHS_RO = (
    ("ianuarie", "ian"),
    ("februarie", "febr"),
    ("martie", "mart"),
    ("aprilie", "apr"),
    ("mai",),
    ("iunie", "iun"),
    ("iulie", "iul"),
    ("august", "aug"),
    ("septembrie", "sept"),
    ("octombrie", "oct"),
    ("noiembrie", "noiem", "nov"),
    ("decembrie", "dec"),
)
# Serbian in Latin and in Cyrillic letters: nominative and genitive.
MONTHS_SR = (
    ("januar", "januara", "јануар", "јануара"),
    ("februar", "februara", "фебруар", "фебруара"),
    ("mart", "marta", "март", "марта"),
    ("april", "aprila", "април", "априла"),
    ("maj", "maja", "мај", "маја"),
    ("juni", "jun", "juna", "јун", "јуна"),
    ("juli", "jul", "jula", "јул", "јула"),
    ("avgust", "avgusta", "august", "augusta", "август", "августа"),
    ("septembar", "septembra", "септембар", "септембра"),
    ("oktobar", "oktobra", "октобар", "октобра"),
    ("novembar", "novembra", "новембар", "новембра"),
    ("decembar", "decembra", "децембар", "децембра"),
)
MONTHS_BG = (
    ("януари",), ("февруари",), ("март",), ("април",), ("май",), ("юни",), ("юли",),
    ("август",), ("септември",), ("октомври",), ("ноември",), ("декември",),
)
MONTHS_HR = (
    ("siječanj", "siječnja"),
    ("veljača", "veljače"),
    ("ožujak", "ožujka"),
    ("travanj", "travnja"),
    ("svibanj", "svibnja"),
    ("lipanj", "lipnja"),
    ("srpanj", "srpnja"),
    ("kolovoz", "kolovoza"),
    ("rujan", "rujna"),
    ("listopad", "listopada"),
    ("studeni", "studenoga", "studenog"),
    ("prosinac", "prosinca"),
)


def _unaccented(table: Names) -> Names:
    """Each Greek name also without its tonos, and without any diacritic (capitals)."""
    def variants(name: str) -> tuple[str, ...]:
        decomposed = unicodedata.normalize("NFD", name)
        no_tonos = unicodedata.normalize("NFC", decomposed.replace("\u0301", ""))
        bare = unicodedata.normalize("NFC", no_tonos.replace("\u0308", ""))
        return tuple(dict.fromkeys((name, no_tonos, bare)))

    return tuple(tuple(v for name in names for v in variants(name)) for names in table)


MONTHS_EL = _unaccented(_MONTHS_EL)

# Finnish: nominative and partitive (``6. joulukuuta 1939``).
MONTHS_FI = (
    ("tammikuu", "tammikuuta", "tammik"),
    ("helmikuu", "helmikuuta", "helmik"),
    ("maaliskuu", "maaliskuuta", "maalisk"),
    ("huhtikuu", "huhtikuuta", "huhtik"),
    ("toukokuu", "toukokuuta", "toukok"),
    ("kesäkuu", "kesäkuuta", "kesäk"),
    ("heinäkuu", "heinäkuuta", "heinäk"),
    ("elokuu", "elokuuta", "elok"),
    ("syyskuu", "syyskuuta", "syysk"),
    ("lokakuu", "lokakuuta", "lokak"),
    ("marraskuu", "marraskuuta", "marrask"),
    ("joulukuu", "joulukuuta", "jouluk"),
)
# Swedish, and Danish with Norwegian (``den 4 april 1953``, ``5. oktober 1962``).
MONTHS_SV = (
    ("januari",), ("februari",), ("mars",), ("april",), ("maj",), ("juni",), ("juli",),
    ("augusti",), ("september",), ("oktober",), ("november",), ("december",),
)
MONTHS_DA = (
    ("januar",), ("februar",), ("marts", "mars"), ("april",), ("maj", "mai"), ("juni",),
    ("juli",), ("august",), ("september",), ("oktober",), ("november",),
    ("december", "desember"),
)

# Chinese dates are written with 年/月/日 and need no month names.
MONTHS: dict[str, Names] = {
    "en": MONTHS_EN,
    "fr": MONTHS_FR,
    "de": MONTHS_DE,
    "nl": MONTHS_NL,
    "es": MONTHS_ES,
    "pt": MONTHS_PT,
    "it": MONTHS_IT,
    "ru": MONTHS_RU,
    "el": MONTHS_EL,
    "pl": MONTHS_PL,
    "cs": MONTHS_CS,
    "hu": MONTHS_HU,
    "ro": MONTHS_RO,
    "sr": MONTHS_SR,
    "bg": MONTHS_BG,
    "hr": MONTHS_HR,
    "fi": MONTHS_FI,
    "sv": MONTHS_SV,
    "da": MONTHS_DA,
    "vi": (),
    "zh": (),
}

# Monday first, as in ``datetime.date.weekday()``; each name's usual abbreviations after it.
WEEKDAYS: dict[str, Names] = {
    "en": (
        ("monday", "mon"),
        ("tuesday", "tue", "tues"),
        ("wednesday", "wed"),
        ("thursday", "thu", "thur", "thurs"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    "fr": (("lundi", "lun"), ("mardi", "mar"), ("mercredi", "mer"), ("jeudi", "jeu"),
           ("vendredi", "ven"), ("samedi", "sam"), ("dimanche", "dim")),
    # two-letter abbreviations only with their full stop (``so`` and ``do`` are words)
    "de": (("montag", "mo."), ("dienstag", "di."), ("mittwoch", "mi."), ("donnerstag", "do."),
           ("freitag", "fr."), ("samstag", "sonnabend", "sa."), ("sonntag", "so.")),
    "nl": (("maandag", "ma."), ("dinsdag", "di."), ("woensdag", "wo."), ("donderdag", "do."),
           ("vrijdag", "vr."), ("zaterdag", "za."), ("zondag", "zo.")),
    "es": (("lunes", "lun"), ("martes", "mar"), ("miércoles", "miercoles", "mié", "mie"),
           ("jueves", "jue"), ("viernes", "vie"), ("sábado", "sabado", "sáb", "sab"),
           ("domingo", "dom")),
    "pt": (("segunda-feira",), ("terça-feira", "terca-feira"), ("quarta-feira",),
           ("quinta-feira",), ("sexta-feira",), ("sábado", "sabado"), ("domingo",)),
    "it": (("lunedì", "lunedi", "lun"), ("martedì", "martedi", "mar"),
           ("mercoledì", "mercoledi", "mer"), ("giovedì", "giovedi", "gio"),
           ("venerdì", "venerdi", "ven"), ("sabato", "sab"), ("domenica", "dom")),
    "ru": (("понедельник",), ("вторник",), ("среда",), ("четверг",), ("пятница",),
           ("суббота",), ("воскресенье",)),
    "el": _unaccented((("δευτέρα",), ("τρίτη",), ("τετάρτη",), ("πέμπτη",), ("παρασκευή",),
                       ("σάββατο",), ("κυριακή",))),
    "pl": (("poniedziałek",), ("wtorek",), ("środa",), ("czwartek",), ("piątek",),
           ("sobota",), ("niedziela",)),
    "cs": (("pondělí",), ("úterý",), ("středa",), ("čtvrtek",), ("pátek",), ("sobota",),
           ("neděle",)),
    "hu": (("hétfő",), ("kedd",), ("szerda",), ("csütörtök",), ("péntek",), ("szombat",),
           ("vasárnap",)),
    "ro": (("luni",), ("marți", "marţi"), ("miercuri",), ("joi",), ("vineri",),
           ("sâmbătă", "sîmbătă"), ("duminică",)),
    "sr": (("ponedeljak", "понедељак"), ("utorak", "уторак"), ("sreda", "среда"),
           ("četvrtak", "четвртак"), ("petak", "петак"), ("subota", "субота"),
           ("nedelja", "недеља")),
    "bg": (("понеделник",), ("вторник",), ("сряда",), ("четвъртък",), ("петък",),
           ("събота",), ("неделя",)),
    "hr": (("ponedjeljak",), ("utorak",), ("srijeda",), ("četvrtak",), ("petak",),
           ("subota",), ("nedjelja",)),
    # Finnish: the name, and the form that says "on Monday" (``Keskiviikkona 6.12.39``)
    "fi": (("maanantai", "maanantaina"), ("tiistai", "tiistaina"),
           ("keskiviikko", "keskiviikkona"), ("torstai", "torstaina"),
           ("perjantai", "perjantaina"), ("lauantai", "lauantaina"),
           ("sunnuntai", "sunnuntaina")),
    "sv": (("måndag", "måndagen"), ("tisdag", "tisdagen"), ("onsdag", "onsdagen"),
           ("torsdag", "torsdagen"), ("fredag", "fredagen"), ("lördag", "lördagen"),
           ("söndag", "söndagen")),
    "da": (("mandag",), ("tirsdag",), ("onsdag",), ("torsdag",), ("fredag",),
           ("lørdag", "laurdag"), ("søndag", "sundag")),
    # Vietnamese names the weekdays by number, Sunday by name (``Thứ Sáu`` is Friday).
    "vi": (("thứ hai",), ("thứ ba",), ("thứ tư",), ("thứ năm",), ("thứ sáu",), ("thứ bảy",),
           ("chủ nhật",)),
    "zh": (),
}

KNOWN_LANGUAGES = tuple(MONTHS)
DEFAULT_LANGUAGES = tuple(language for language in MONTHS if language != "hr")


