#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Write a realistic candidate list as German job agencies export it (werkstatt profile `ba`).

    python3 bench/gen_ba.py ROWS OUT.csv [--seed N] [--max-radius KM]

Deterministic: the same ROWS and seed give the same bytes. UTF-8 without a byte order mark,
`;` as delimiter, CRLF line ends and quoting as Excel writes them (line breaks inside a quoted
field are LF, as Alt+Enter in a cell gives). Every row is valid for the `ba` profile, and
every Referenznummer is unique (`CP-0001234-B`, in scattered order, for up to 10,000,000 rows).
The references depend on the row number only: another --seed gives the same references with other
values, i.e. a file whose import updates every row of an earlier one.
"""

import argparse
import csv
import os
import random
import sys

HEADER = [
    "Referenznummer", "Geschlecht", "Vorname", "Nachname", "Geburtsdatum",
    "Staatsangehörigkeit", "PLZ", "Ort", "Zielberuf (KldB)", "Zielberuf", "Deutschkenntnisse",
    "Weitere Sprachen", "Aufenthaltsstatus", "Anerkennung", "Führerschein", "Verfügbar ab",
    "Umkreis km", "Einwilligung bis", "E-Mail", "Telefon", "Bemerkung",
]

HERE = os.path.dirname(os.path.abspath(__file__))
PLZ_FILE = os.path.join(HERE, "..", "config", "data", "plz_sachsen_anhalt.csv")

# --- names -----------------------------------------------------------------------------------

# (first names female, first names male, last names)
NAMES = {
    "de": (
        ["Anna", "Jana", "Sabine", "Katrin", "Jülide", "Marie", "Sophie", "Lea", "Jördis",
         "Bärbel", "Käthe", "Ute", "Heike", "Doreen", "Mandy", "Nicole", "Franziska", "Grit",
         "Susanne", "Anja", "Martina", "Romy", "Lena", "Hanna", "Björka", "Ines", "Yvonne"],
        ["Jürgen", "Björn", "Jörg", "Uwe", "Günter", "Sören", "Matthias", "Stefan", "Thomas",
         "Andreas", "René", "Maik", "Ronny", "Sven", "Tobias", "Lukas", "Jonas", "Felix",
         "Paul", "Tim", "Dirk", "Holger", "Frank", "Hans-Jürgen", "Ralf", "Kai", "Till"],
        ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Schäfer", "Köhler", "Krüger",
         "Böhm", "Meißner", "Günther", "Lehmann", "Schröder", "Hoffmann", "Wagner", "Becker",
         "Schulz", "Zimmermann", "Braun", "Hübner", "Jäger", "Vogt", "Kühn", "Fuß", "Weiß",
         "Groß", "Bräuer", "Möller", "Lößner", "Schütze", "Thäle", "Nöther", "Rößler",
         "von der Heide", "Müller-Lüdenscheidt", "Sauer", "Franke", "Pohl", "Richter"],
    ),
    "ar": (
        ["Fatima", "Aisha", "Rana", "Lama", "Nour", "Hiba", "Reem", "Yasmin", "Shaima",
         "Zeinab", "Rasha", "Amal", "Hanan", "Dalia", "Rim", "Layla", "Maryam", "Nisrin"],
        ["Mohammed", "Muhammad", "Ahmad", "Ahmed", "Mahmoud", "Omar", "Khaled", "Hussein",
         "Ali", "Yousef", "Abdulrahman", "Mustafa", "Ibrahim", "Hassan", "Bilal", "Anas",
         "Firas", "Rami", "Samer", "Walid", "Tarek", "Abd al-Karim"],
        ["Al-Hassan", "Al Ahmad", "Alhamad", "Khalil", "Haddad", "Nasser", "Saleh", "Darwish",
         "Al-Khatib", "Abdullah", "Ibrahim", "Mahmoud", "Othman", "Hamdan", "Al-Masri",
         "Sulaiman", "Jaber", "Kassem", "Al Zoubi", "Abou Chaker", "El-Sayed", "Mansour"],
    ),
    "ku": (
        ["Rojda", "Berivan", "Dilan", "Nazdar", "Hêvî", "Şilan", "Gulistan", "Zîlan"],
        ["Azad", "Rojhat", "Şêrko", "Baran", "Dilshad", "Hawar", "Kawa", "Rêber", "Serhat"],
        ["Ahmed", "Ibrahim", "Hussein", "Khalaf", "Mirza", "Şêxo", "Bakir", "Barzani"],
    ),
    "uk": (
        ["Olena", "Oksana", "Iryna", "Natalija", "Tetjana", "Julija", "Switlana", "Kateryna",
         "Anastasija", "Marija", "Halyna", "Ljudmyla", "Wiktorija", "Daryna", "Sofija"],
        ["Oleksandr", "Andrij", "Serhij", "Dmytro", "Mykola", "Wolodymyr", "Jurij", "Ihor",
         "Maksym", "Bohdan", "Taras", "Wassyl", "Artem", "Denys", "Oleh"],
        ["Kowalenko", "Schewtschenko", "Bondarenko", "Tkatschenko", "Krawtschenko", "Melnyk",
         "Olijnyk", "Schewtschuk", "Polischtschuk", "Kowaltschuk", "Boiko", "Lysenko",
         "Marchenko", "Rudenko", "Sawtschenko", "Pawlenko", "Hrytsenko"],
    ),
    "af": (
        ["Zahra", "Mariam", "Fereshta", "Habiba", "Shabnam", "Laila", "Madina", "Nilofar",
         "Parwana", "Soraya", "Gulalai"],
        ["Ahmad", "Mohammad", "Abdul", "Hamid", "Jawad", "Mirwais", "Nasir", "Rahim",
         "Sayed", "Shafiq", "Wahid", "Zabihullah", "Farid", "Habibullah", "Mustafa"],
        ["Ahmadi", "Hakimi", "Haidari", "Karimi", "Mohammadi", "Noori", "Rahimi", "Rezaei",
         "Sadat", "Safi", "Sultani", "Wardak", "Stanikzai", "Popal", "Nazari", "Amiri"],
    ),
    "er": (
        ["Senait", "Helen", "Freweini", "Yohana", "Selam", "Winta", "Saba", "Luwam", "Ruta"],
        ["Yonas", "Tesfay", "Kidane", "Mehari", "Habtom", "Berhane", "Filmon", "Samuel",
         "Dawit", "Mussie", "Robel"],
        ["Tesfamariam", "Ghebremedhin", "Habte", "Kahsay", "Berhe", "Haile", "Tekle",
         "Woldemichael", "Andemariam", "Yohannes", "Mebrahtu", "Gebreyesus"],
    ),
    "tr": (
        ["Ayşe", "Fatma", "Elif", "Zeynep", "Emine", "Gül", "Özlem", "Şeyma", "Büşra",
         "Hülya", "Derya"],
        ["Mehmet", "Mustafa", "Ahmet", "Ömer", "Hüseyin", "İbrahim", "Murat", "Yusuf",
         "Emre", "Gökhan", "Çağlar"],
        ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Öztürk", "Aydın", "Özdemir",
         "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç", "Kurt", "Özkan", "Şimşek"],
    ),
    "fa": (
        ["Maryam", "Fatemeh", "Zahra", "Narges", "Shirin", "Parisa", "Neda", "Leila",
         "Mahsa", "Roya"],
        ["Ali", "Reza", "Mohammad", "Hossein", "Mehdi", "Amir", "Saeed", "Hamid", "Behnam",
         "Arash", "Dariush"],
        ["Hosseini", "Ahmadi", "Mohammadi", "Rezaei", "Moradi", "Jafari", "Karimi",
         "Rahimi", "Sadeghi", "Ghorbani", "Tehrani", "Esfahani"],
    ),
    "eu": (
        ["Agnieszka", "Katarzyna", "Małgorzata", "Ioana", "Elena", "Andreea", "Maria",
         "Desislava", "Ivana", "Zsófia", "Lucie", "Ana"],
        ["Piotr", "Krzysztof", "Tomasz", "Łukasz", "Andrei", "Ionuț", "Mihai", "Georgi",
         "Dimitar", "Gábor", "László", "Jan", "Tomáš"],
        ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Popescu", "Ionescu", "Constantin",
         "Dumitru", "Ivanov", "Georgiev", "Nagy", "Kovács", "Novák", "Dvořák", "Horváth"],
    ),
    "xx": (
        ["Amina", "Hodan", "Faduma", "Mercy", "Blessing", "Grace", "Thi Lan", "Thu Trang",
         "Priya", "Aigerim", "Nino", "Elvira", "Mirela"],
        ["Abdi", "Mohamed", "Abdirahman", "Chinedu", "Emeka", "Oluwaseun", "Van Minh",
         "Duc Anh", "Rahul", "Arjun", "Giorgi", "Arben", "Driton", "Sergej", "Aleksandr"],
        ["Warsame", "Abdullahi", "Hassan", "Okafor", "Adeyemi", "Eze", "Nguyen", "Tran",
         "Pham", "Sharma", "Singh", "Beridze", "Krasniqi", "Berisha", "Hoxha", "Iwanow",
         "Petrow", "Schmidt-Iwanowa"],
    ),
}

# (weight, name group, nationality spellings, languages (code, weight), statuses)
EU_STATUS = ["EU-Bürger", "EU-Bürgerin", "EU-BÜRGER", ""]
REFUGEE_STATUS = [
    "Aufenthaltserlaubnis § 25 Abs. 2", "Aufenthaltserlaubnis § 25 Abs. 1",
    "Aufenthaltserlaubnis § 25 Abs. 3", "Aufenthaltsgestattung", "Duldung", "Duldung § 60b",
    "Ausbildungsduldung", "Beschäftigungsduldung", "Niederlassungserlaubnis",
    "Fiktionsbescheinigung", "",
]
GROUPS = [
    (14, "de", ["deutsch", "Deutsch", "deutsch", "Deutschland", "D"], [("en", 5), ("ru", 1)],
     [""]),
    (18, "ar", ["syrisch", "Syrisch", "Syrien", "syrische Staatsangehörigkeit", "SYR"],
     [("ar", 20), ("ku", 2), ("en", 4), ("tr", 1)], REFUGEE_STATUS),
    (5, "ku", ["syrisch", "irakisch", "türkisch", "staatenlos", "ungeklärt"],
     [("ku", 20), ("ar", 8), ("tr", 3)], REFUGEE_STATUS),
    (17, "uk", ["ukrainisch", "Ukrainisch", "Ukraine", "UKR", "ukrainische "
                "Staatsangehörigkeit"], [("uk", 20), ("ru", 12), ("en", 4), ("pl", 1)],
     ["§ 24 AufenthG", "Aufenthaltserlaubnis § 24", "Fiktionsbescheinigung", ""]),
    (10, "af", ["Afghanistan", "afghanisch", "Afghanisch", "AFG"],
     [("fa", 20), ("ps", 10), ("en", 3), ("ur", 1)], REFUGEE_STATUS),
    (5, "er", ["eritreisch", "Eritrea", "eritreisch"], [("ti", 20), ("ar", 4), ("en", 3),
                                                       ("am", 2)], REFUGEE_STATUS),
    (4, "ar", ["irakisch", "Irak", "irakisch"], [("ar", 20), ("ku", 6), ("en", 3)],
     REFUGEE_STATUS),
    (6, "tr", ["türkisch", "Türkisch", "Türkei", "TUR"], [("tr", 20), ("ku", 4), ("en", 3)],
     REFUGEE_STATUS + ["Niederlassungserlaubnis", "Blaue Karte EU"]),
    (4, "fa", ["iranisch", "Iran", "iranisch"], [("fa", 20), ("en", 8), ("az", 1)],
     REFUGEE_STATUS + ["Blaue Karte EU"]),
    (9, "eu", ["polnisch", "rumänisch", "bulgarisch", "ungarisch", "tschechisch", "kroatisch",
               "Rumänien", "Polen"], [("pl", 6), ("ro", 6), ("bg", 3), ("hu", 2), ("cs", 2),
                                      ("en", 5)], EU_STATUS),
    (8, "xx", ["somalisch", "nigerianisch", "vietnamesisch", "indisch", "georgisch",
               "kosovarisch", "albanisch", "russisch", "Russische Föderation", "Somalia",
               "kasachisch"], [("so", 4), ("en", 8), ("vi", 3), ("hi", 2), ("ka", 2),
                               ("sq", 3), ("ru", 4), ("fr", 2), ("yo", 1)],
     REFUGEE_STATUS + ["Blaue Karte EU", "Daueraufenthalt-EU"]),
]

# --- occupations: KldB 2010 groups (first four digits) with job titles -----------------------

OCCUPATIONS = [
    ("1110", "Landwirt/in"), ("1130", "Tierwirt/in"), ("1150", "Tierpfleger/in"),
    ("1210", "Gärtner/in Garten- und Landschaftsbau"), ("1220", "Florist/in"),
    ("1171", "Forstwirt/in"), ("2110", "Bergbautechnolog/in"),
    ("2210", "Verfahrensmechaniker/in Kunststoff"), ("2220", "Lacklaborant/in"),
    ("2231", "Holzmechaniker/in"), ("2232", "Tischler/in"),
    ("2310", "Packmitteltechnolog/in"), ("2320", "Mediengestalter/in Druck"),
    ("2410", "Hüttenfacharbeiter/in"), ("2420", "Zerspanungsmechaniker/in"),
    ("2421", "Dreher/in"), ("2422", "Fräser/in"), ("2430", "Oberflächenbeschichter/in"),
    ("2441", "Metallbauer/in"), ("2442", "Schweißer/in"), ("2450", "Feinwerkmechaniker/in"),
    ("2510", "Industriemechaniker/in"), ("2511", "Anlagenmechaniker/in"),
    ("2521", "Kfz-Mechatroniker/in"), ("2522", "Zweiradmechatroniker/in"),
    ("2525", "Land- und Baumaschinenmechatroniker/in"), ("2610", "Mechatroniker/in"),
    ("2621", "Elektroniker/in Energie- und Gebäudetechnik"), ("2622", "Elektroinstallateur/in"),
    ("2631", "Elektroniker/in Geräte und Systeme"), ("2632", "Informationselektroniker/in"),
    ("2730", "Technische/r Produktionsplaner/in"), ("2740", "Technische/r Zeichner/in"),
    ("2810", "Textilmaschinenführer/in"), ("2830", "Schneider/in"),
    ("2910", "Brauer/in und Mälzer/in"), ("2921", "Bäcker/in"), ("2922", "Konditor/in"),
    ("2923", "Fleischer/in"), ("2931", "Koch/Köchin"), ("2932", "Küchenhilfe"),
    ("3110", "Bauzeichner/in"), ("3211", "Maurer/in"), ("3212", "Beton- und Stahlbetonbauer/in"),
    ("3213", "Zimmerer/Zimmerin"), ("3214", "Dachdecker/in"), ("3221", "Straßenbauer/in"),
    ("3222", "Rohrleitungsbauer/in"), ("3310", "Fliesen-, Platten- und Mosaikleger/in"),
    ("3321", "Maler/in und Lackierer/in"), ("3331", "Trockenbaumonteur/in"),
    ("3341", "Stuckateur/in"), ("3410", "Gebäudereiniger/in"),
    ("3420", "Anlagenmechaniker/in Sanitär-, Heizungs- und Klimatechnik"),
    ("3430", "Fachkraft für Kreislauf- und Abfallwirtschaft"), ("4130", "Chemikant/in"),
    ("4310", "Fachinformatiker/in Systemintegration"),
    ("4341", "Fachinformatiker/in Anwendungsentwicklung"), ("5130", "Fachkraft für Lagerlogistik"),
    ("5131", "Fachlagerist/in"), ("5132", "Kommissionierer/in"),
    ("5134", "Gabelstaplerfahrer/in"), ("5135", "Postbote/Postbotin, Zusteller/in"),
    ("5210", "Kraftfahrer/in"), ("5212", "Berufskraftfahrer/in (Güterverkehr/LKW)"),
    ("5213", "Busfahrer/in"), ("5214", "Taxifahrer/in"), ("5250", "Baumaschinenführer/in"),
    ("5310", "Fachkraft für Schutz und Sicherheit"), ("5410", "Reinigungskraft"),
    ("6110", "Kaufmann/-frau im Groß- und Außenhandel"), ("6210", "Verkäufer/in"),
    ("6211", "Kassierer/in"), ("6230", "Fachverkäufer/in Lebensmittelhandwerk"),
    ("6240", "Drogist/in"), ("6310", "Reiseverkehrskaufmann/-frau"),
    ("6321", "Hotelfachmann/-frau"), ("6322", "Zimmermädchen/Roomboy"),
    ("6330", "Restaurantfachmann/-frau"), ("6331", "Servicekraft Gastronomie"),
    ("7130", "Kaufmann/-frau für Büromanagement"), ("7140", "Bürokraft"),
    ("7210", "Bankkaufmann/-frau"), ("7220", "Buchhalter/in"),
    ("7320", "Verwaltungsfachangestellte/r"), ("8110", "Medizinische/r Fachangestellte/r"),
    ("8130", "Pflegefachmann/-frau"), ("8131", "Gesundheits- und Krankenpflegehelfer/in"),
    ("8140", "Ärztin/Arzt"), ("8170", "Physiotherapeut/in"), ("8210", "Altenpfleger/in"),
    ("8211", "Altenpflegehelfer/in"), ("8230", "Friseur/in"), ("8231", "Kosmetiker/in"),
    ("8310", "Erzieher/in"), ("8311", "Kinderpfleger/in"), ("8312", "Sozialassistent/in"),
    ("8320", "Hauswirtschafter/in"), ("8410", "Lehrer/in"), ("9210", "Marketingfachkraft"),
    ("9330", "Goldschmied/in"),
]
LEVEL_PREFIX = {"1": "Helfer/in – ", "2": "", "3": "Meister/in oder Techniker/in – ",
                "4": "Leitung/Expert/in – "}

GERMAN = ["A1", "A2", "B1", "B2", "C1", "C2", "Muttersprache", "keine", "", "B1.1", "a2"]
GERMAN_W = [14, 20, 24, 14, 6, 2, 0, 4, 10, 2, 1]
GERMAN_DE = ["Muttersprache"]
RECOGNITION = ["nicht erforderlich", "nicht beantragt", "Beratung", "beantragt", "voll",
               "teilweise", "Ausgleichsmaßnahme", "abgelehnt", "", "Nicht erforderlich"]
RECOGNITION_W = [25, 18, 6, 8, 5, 4, 2, 1, 30, 1]
LICENCES = ["keiner", "", "B", "B", "B, BE", "B, C1", "B, C1, C, CE", "Klasse B", "AM",
            "B, C, CE", "kein", "B, C1, C1E", "A, B", "B/L", "B, D1, D"]
LICENCES_W = [30, 20, 25, 0, 4, 3, 2, 3, 1, 2, 2, 1, 2, 1, 1]
LEVELS = ["A1", "A2", "B1", "B2", "C1", "C2"]
MAIL_DOMAINS = ["web.de", "gmx.de", "gmail.com", "t-online.de", "outlook.de", "yahoo.com",
                "gmx.net", "icloud.com", "freenet.de", "mail.ru", "ukr.net"]

NOTES = [
    "", "", "", "", "", "", "", "",
    "Sucht Teilzeit",
    "Kinderbetreuung ab 08:00 Uhr gesichert",
    "Integrationskurs läuft bis {d}",
    "Berufssprachkurs B2 beantragt; Zusage steht aus",
    "Erfahrung als {job} im Herkunftsland (8 Jahre)",
    "Führerschein aus dem Herkunftsland, Umschreibung beantragt",
    "Kein Schichtdienst möglich; ÖPNV-abhängig",
    "Möchte \"in der Nähe\" arbeiten, max. 30 Minuten Fahrt",
    "Termin am {d} abgesagt;\nneuer Termin folgt",
    "Zeugnisse liegen vor (übersetzt)\nAnerkennung läuft über IQ Netzwerk",
    "Gesundheitliche Einschränkungen: kein schweres Heben",
    "Hat Praktikum bei \"Bäckerei Müller\" gemacht; Rückmeldung sehr gut",
    "Vermittlungsvorschlag: Helfertätigkeit im Lager; Staplerschein vorhanden",
    "Spricht sehr gut Englisch, sucht Stelle in der IT; Remote bevorzugt",
    "Nur Frühschicht (Kita)\nAb {d} Vollzeit möglich",
    "Maßnahme nach § 45 SGB III bis {d}",
    "Rückruf erbeten: \"nach 16 Uhr\"",
]


def load_places():
    places = []
    with open(PLZ_FILE, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["kind"] == "place":
                places.append((row["plz"], row["place"]))
    if not places:
        sys.exit(f"no place rows in {PLZ_FILE}")
    # Cities get more candidates than villages: repeat the big ones.
    weighted = []
    for plz, place in places:
        big = place in ("Halle", "Magdeburg", "Dessau-Roßlau", "Halle (Saale)", "Wittenberg",
                        "Lutherstadt Wittenberg", "Stendal", "Halberstadt", "Wernigerode",
                        "Bitterfeld-Wolfen", "Merseburg", "Naumburg", "Weißenfels", "Bernburg",
                        "Schönebeck", "Zeitz", "Sangerhausen", "Köthen")
        weighted.extend([(plz, place)] * (20 if big else 1))
    return weighted


def ascii_mail(s):
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe",
                           "Ü": "ue", "ş": "s", "Ş": "s", "ç": "c", "Ç": "c", "ğ": "g",
                           "ı": "i", "İ": "i", "ê": "e", "î": "i", "é": "e", "ł": "l",
                           "Ł": "l", "ą": "a", "ę": "e", "ś": "s", "ń": "n", "ó": "o",
                           "ż": "z", "ź": "z", "ț": "t", "ș": "s", "á": "a", "ř": "r",
                           "š": "s", "č": "c", "ě": "e", "ő": "o", " ": "", "'": ""})
    return s.translate(table).lower()


def german_date(rng, y0, y1):
    y = rng.randint(y0, y1)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28 if m == 2 else 30 if m in (4, 6, 9, 11) else 31)
    return f"{d:02d}.{m:02d}.{y:04d}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("rows", type=int)
    ap.add_argument("out")
    ap.add_argument("--seed", type=int, default=20261125)
    ap.add_argument("--max-radius", type=int, default=100,
                    help="largest Umkreis km a candidate gives (default 100)")
    args = ap.parse_args()
    if args.rows < 0 or args.rows > 10_000_000:
        sys.exit("ROWS must be 0 to 10000000")

    rng = random.Random(args.seed)
    places = load_places()
    kldb = []  # ~300 distinct codes: every group at 3 of its 4 levels (helper always)
    for code4, title in OCCUPATIONS:
        levels = ["1", "2"] + [rng.choice(["3", "4"])]
        for lv in levels:
            kldb.append((code4 + lv, LEVEL_PREFIX[lv] + title))
    groups = [g for g in GROUPS]
    group_w = [g[0] for g in groups]
    # A multiplicative permutation of 0..9,999,999: unique references in scattered order.
    mult, offset, modulus = 7_654_321, 1_234_567, 10_000_000
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"

    tmp = args.out + ".part"
    with open(tmp, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";", quotechar='"', lineterminator="\r\n",
                       quoting=csv.QUOTE_MINIMAL)
        w.writerow(HEADER)
        choice, choices, randint, random_ = rng.choice, rng.choices, rng.randint, rng.random
        batch = []
        for i in range(args.rows):
            n = (i * mult + offset) % modulus
            ref = f"CP-{n:07d}-{letters[n % 23]}"
            g = choices(groups, group_w)[0]
            _, names_key, nats, langs, statuses = g
            female, male, last = NAMES[names_key]
            r = random_()
            gender = "w" if r < 0.44 else "m" if r < 0.93 else "d" if r < 0.95 else ""
            first = choice(female if gender == "w" else male if gender == "m"
                           else female + male)
            last_name = choice(last)
            birth = german_date(rng, 1960, 2006)
            plz, place = choice(places)
            code, occupation = choice(kldb)
            if names_key == "de":
                german = "Muttersprache"
            else:
                german = choices(GERMAN, GERMAN_W)[0]
            # Other languages: the mother tongue first, then up to two more, each once.
            spoken = []
            if names_key != "de":
                spoken.append((choices(langs, [x[1] for x in langs])[0][0], "Muttersprache"))
            for _ in range(randint(0, 2)):
                lang = choices(langs, [x[1] for x in langs])[0][0]
                if all(lang != s[0] for s in spoken):
                    spoken.append((lang, choice(LEVELS)))
            if random_() < 0.08:
                spoken = []
            languages = ";".join(f"{c}:{lv}" for c, lv in spoken)
            status = choice(statuses)
            recognition = choices(RECOGNITION, RECOGNITION_W)[0]
            licences = choices(LICENCES, LICENCES_W)[0]
            available = german_date(rng, 2026, 2027) if random_() < 0.6 else ""
            radius = str(randint(0, args.max_radius)) if random_() < 0.85 else ""
            consent = german_date(rng, 2026, 2028) if random_() < 0.9 else ""
            if random_() < 0.75:
                sep = choice([".", "_", "", "-"])
                mail = (f"{ascii_mail(first)}{sep}{ascii_mail(last_name)}"
                        f"{randint(1, 99) if random_() < 0.5 else ''}@{choice(MAIL_DOMAINS)}")
            else:
                mail = ""
            p = random_()
            if p < 0.45:
                phone = f"0{choice(['151', '152', '157', '160', '170', '171', '176', '179'])} " \
                        f"{randint(1000000, 99999999)}"
            elif p < 0.75:
                phone = f"+49 {choice(['151', '160', '176', '345', '391'])} {randint(100000, 9999999)}"
            elif p < 0.9:
                phone = f"0{choice(['345', '391', '340', '3461', '3921', '3943'])}/" \
                        f"{randint(10000, 999999)}"
            else:
                phone = ""
            note = choice(NOTES)
            if note:
                note = note.format(d=german_date(rng, 2026, 2027), job=occupation)
            nat = choice(nats)
            batch.append([ref, gender, first, last_name, birth, nat, plz, place, code,
                          occupation, german, languages, status, recognition, licences,
                          available, radius, consent, mail, phone, note])
            if len(batch) >= 10000:
                w.writerows(batch)
                batch.clear()
        w.writerows(batch)
    os.replace(tmp, args.out)


if __name__ == "__main__":
    main()
