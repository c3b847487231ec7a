#!/usr/bin/env python3
"""Generate the synthetic demo webcare log: a year (2025) of public and private messages between
customers and two organisations — a gemeente and a telecom company, both fictional — as a
webcare tool exports them, with the figures the log must give.

The messages are SYNTHETIC: every name, address, number and sentence is made up. They are built
to look like the real thing (the webcare booklet and the thesis on personal data in webcare
tweets, seeds 004 and 000): conversations with replies, customers writing outside office hours,
conversations moved to a DM, never answered or reopened, seasonal topics, and personal data of
every category the detector knows planted in realistic sentences, with the organisation asking
for a DM, advising to delete the tweet or (now and then) repeating the data in its own reply.

Usage:
    python3 scripts/generate-demo-webcare.py           # write Webcare/demo/berichten.csv and verwacht.json
    python3 scripts/generate-demo-webcare.py --check   # regenerate in memory, compare byte for byte

Requirements: Python 3.9 or later (zoneinfo with the system's tzdata), standard library only.
Everything random comes from one seed through xoshiro256** and integer arithmetic, so the output
is byte-identical on every machine.

Outputs:
- Webcare/demo/berichten.csv: the export (";"-separated, UTF-8 with a byte order mark, CRLF, date
  and time in two columns), read through Webcare/demo/mapping.yaml (written by hand).
- Webcare/demo/verwacht.json: the figures worked out here from the conversations as generated
  (not from the CSV), independently of meetlat: per organisation and month the volumes, response
  and resolution measures, and the personal data planted per category. The Swift tests
  (Tests/WebcareTests/DemoLogTests.swift) compare `meetlat webcare` with them.
"""

import argparse
import datetime
import io
import json
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

SEED = 20250415
ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "Webcare" / "demo"
ZONE = ZoneInfo("Europe/Amsterdam")
YEAR = 2025
TIMEOUT = 14 * 86400  # the mapping's conversations.timeout_days


# ---------------------------------------------------------------------------------------------
# Random numbers: xoshiro256** seeded by splitting the seed, integers only.

class Random:
    MASK = (1 << 64) - 1

    def __init__(self, seed):
        state = seed & self.MASK
        self.s = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & self.MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
            self.s.append(z ^ (z >> 31))

    @staticmethod
    def rotl(x, k):
        return ((x << k) | (x >> (64 - k))) & Random.MASK

    def next(self):
        s = self.s
        result = (self.rotl((s[1] * 5) & self.MASK, 7) * 9) & self.MASK
        t = (s[1] << 17) & self.MASK
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = self.rotl(s[3], 45)
        return result

    def below(self, n):
        """Uniform integer in [0, n)."""
        return self.next() % n

    def between(self, low, high):
        return low + self.below(high - low + 1)

    def percent(self, p):
        """True with probability p / 1000 (p in per mille)."""
        return self.below(1000) < p

    def pick(self, items):
        return items[self.below(len(items))]

    def weighted(self, pairs):
        """A key of (key, weight) pairs, in proportion to the integer weights."""
        total = sum(weight for _, weight in pairs)
        target = self.below(total)
        for key, weight in pairs:
            if target < weight:
                return key
            target -= weight
        return pairs[-1][0]

    def minutes(self, median):
        """A waiting time in minutes, skewed like real response times: median about `median`,
        a long tail (the product of three uniform factors)."""
        factor = (self.between(20, 180) * self.between(20, 180) * self.between(30, 170)) // 10000
        return max(1, median * factor // 100)


# ---------------------------------------------------------------------------------------------
# Calendar: office hours, Dutch public holidays, business time — the same rules as the mapping.

def easter(year):
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return datetime.date(year, month, day + 1)


def dutch_holidays(year):
    sunday = easter(year)
    days = {datetime.date(year, 1, 1), sunday, sunday + datetime.timedelta(1), sunday + datetime.timedelta(39),
            sunday + datetime.timedelta(49), sunday + datetime.timedelta(50), datetime.date(year, 12, 25),
            datetime.date(year, 12, 26)}
    kings = datetime.date(year, 4, 27)
    days.add(kings - datetime.timedelta(1) if kings.weekday() == 6 else kings)
    if year % 5 == 0:
        days.add(datetime.date(year, 5, 5))
    return days


HOLIDAYS = dutch_holidays(YEAR) | dutch_holidays(YEAR + 1)


def at(day, hh, mm):
    return datetime.datetime.combine(day, datetime.time(hh, mm))


def business_seconds(hours, start, end):
    """Office-hours seconds between two local (naive) datetimes."""
    if end <= start:
        return 0
    total = 0
    day = start.date()
    while day <= end.date():
        if day not in HOLIDAYS:
            for (h1, m1), (h2, m2) in hours.get(day.weekday(), []):
                lo, hi = max(start, at(day, h1, m1)), min(end, at(day, h2, m2))
                if hi > lo:
                    total += int((hi - lo).total_seconds())
        day += datetime.timedelta(1)
    return total


def next_open(hours, moment):
    """`moment` when it is within office hours, else the next opening."""
    day = moment.date()
    for _ in range(20):
        if day not in HOLIDAYS:
            for (h1, m1), (h2, m2) in hours.get(day.weekday(), []):
                if moment < at(day, h2, m2):
                    return max(moment, at(day, h1, m1))
        day += datetime.timedelta(1)
        moment = at(day, 0, 0)
    raise ValueError("no office hours within 20 days")


def utc_seconds(local):
    """Seconds since 1970 UTC of a local time (the first of two in the hour the clocks go back)."""
    return int(local.replace(tzinfo=ZONE, fold=0).timestamp())


# ---------------------------------------------------------------------------------------------
# The two organisations.

GEMEENTE_HOURS = {d: [((8, 30), (17, 0))] for d in range(5)}
TELECOM_HOURS = {**{d: [((8, 0), (22, 0))] for d in range(5)}, 5: [((9, 0), (17, 0))], 6: [((9, 0), (17, 0))]}


class Organisation:
    def __init__(self, name, prefix, handle, per_day, hours, median_reply, unanswered, channels, topics, plants, replies):
        self.name, self.prefix, self.handle = name, prefix, handle
        self.per_day, self.hours, self.median_reply, self.unanswered = per_day, hours, median_reply, unanswered
        self.channels, self.topics, self.plants, self.replies = channels, topics, plants, replies


# Topics: (name, weight per month (12 numbers), customer messages, organisation answers). Seasonal
# weights make topics rise and fall: paspoort before the summer, vuurwerk in December,
# wateroverlast after the October storm, a big outage in March, the price rise of July.
GEMEENTE_TOPICS = [
    ("afval", [30] * 12, [
        "Onze grijze container is vandaag weer niet geleegd, hele straat staat vol.",
        "Wanneer komt de vuilniswagen? De gft-bak staat al sinds vanochtend buiten.",
        "Is de afvalkalender veranderd? Plastic is vanochtend niet opgehaald.",
        "Hoe kan ik een extra container aanvragen voor ons gezin van vijf?"],
     ["Vervelend! We hebben het doorgegeven aan de inzamelaar, de container wordt morgen alsnog geleegd.",
      "Dank voor je melding. De wagen had pech, vandaag wordt alles nagereden."]),
    ("grofvuil", [10, 10, 14, 16, 14, 10, 8, 8, 10, 12, 10, 8], [
        "Hoe maak ik een afspraak voor het ophalen van grofvuil?",
        "Mijn grofvuil is niet opgehaald terwijl de afspraak vandaag was.",
        "Kan ik een oude bank ook naar de milieustraat brengen?"],
     ["Een afspraak voor grofvuil maak je op onze website onder Afval. Het ophalen is gratis.",
      "Dat is niet de bedoeling, we zorgen dat het deze week alsnog wordt opgehaald."]),
    ("paspoort", [8, 8, 12, 24, 40, 22, 8, 6, 6, 6, 6, 8], [
        "Hoe snel kan ik een nieuw paspoort krijgen? We gaan over een maand op vakantie.",
        "Er is geen afspraak meer vrij voor een paspoort, hoe kan dat?",
        "Moet mijn dochter ook een eigen paspoort hebben voor de vakantie?",
        "Kan ik mijn paspoort ook op zaterdag ophalen?"],
     ["Een paspoort is meestal binnen vijf werkdagen klaar. Maak snel een afspraak via de website.",
      "Het is druk voor de zomer. Er komen elke ochtend nieuwe plekken vrij in de agenda."]),
    ("parkeervergunning", [10] * 12, [
        "Mijn aanvraag voor een parkeervergunning is nog steeds niet verwerkt.",
        "Hoeveel kost een bezoekersvergunning voor parkeren?",
        "Geldt de parkeervergunning ook in de nieuwe wijk?"],
     ["Een aanvraag is binnen twee weken verwerkt. We kijken even waar die van jou blijft.",
      "De tarieven staan op onze website onder Parkeren."]),
    ("gladheid", [30, 22, 4, 0, 0, 0, 0, 0, 0, 0, 6, 18], [
        "Er is niet gestrooid op het fietspad naar school, spiegelglad!",
        "Wordt de gladheid vandaag nog bestreden in onze straat?",
        "Waarom worden de fietspaden niet gestrooid? Al twee mensen gevallen."],
     ["Dank voor de melding, de strooiwagens rijden nu hun tweede ronde.",
      "We strooien eerst de hoofdroutes en fietspaden naar scholen, je straat volgt vandaag."]),
    ("zwembad", [2, 2, 2, 4, 8, 24, 20, 12, 4, 2, 2, 2], [
        "Wanneer gaat het buitenzwembad open?",
        "Waarom is het zwembad dicht terwijl het zo warm is?",
        "Zijn er nog zwemlessen voor kinderen deze zomer?"],
     ["Het buitenbad is open van mei tot en met september, de tijden staan op de website.",
      "Door een storing aan de pomp is het bad vandaag dicht, morgen gaat het weer open."]),
    ("wateroverlast", [4, 4, 4, 2, 2, 2, 4, 4, 6, 40, 8, 4], [
        "Na de storm staat de straat helemaal blank, de putten lopen over.",
        "Er is een boom omgewaaid en de riolering is verstopt door de bladeren.",
        "Wateroverlast in de kelder, kan de gemeente helpen?"],
     ["We hebben een ploeg gestuurd om de putten te legen.",
      "Dank voor je melding, de buitendienst is onderweg."]),
    ("vuurwerk", [6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 40], [
        "Er wordt al dagen zwaar vuurwerk afgestoken in onze buurt.",
        "Waar zijn de vuurwerkvrije zones dit jaar?",
        "Mag er vuurwerk worden afgestoken bij het winkelcentrum?"],
     ["De vuurwerkvrije zones staan op de kaart op onze website.",
      "We geven je melding door aan de handhavers, zij gaan vanavond extra langs."]),
    ("belastingen", [20, 30, 14, 8, 6, 6, 6, 6, 6, 6, 6, 6], [
        "Ik begrijp de aanslag gemeentelijke belastingen niet, waarom is de WOZ-waarde zo hoog?",
        "Kan ik de afvalstoffenheffing in termijnen betalen?",
        "Hoe vraag ik kwijtschelding aan van de gemeentelijke belastingen?"],
     ["Je kunt online bezwaar maken tegen de WOZ-waarde, tot zes weken na de aanslag.",
      "Betalen in termijnen kan met een automatische incasso, dat regel je in het belastingloket."]),
]

TELECOM_TOPICS = [
    ("storing", [30, 30, 90, 30, 30, 30, 30, 30, 30, 30, 30, 30], [
        "Al de hele ochtend geen internet, is er een storing?",
        "Storing bij jullie? Tv en internet liggen allebei plat.",
        "Mijn glasvezel valt elke avond weg rond acht uur, heel irritant.",
        "Sinds vanochtend geen bereik in het hele dorp, wat is er aan de hand?"],
     ["Er is een storing in jouw regio, onze monteurs zijn ermee bezig. Excuses voor het ongemak!",
      "Vervelend! Heb je het modem al even helemaal uitgezet? Daarmee is het vaak opgelost.",
      "De storing is opgelost. Werkt alles weer bij je?"]),
    ("factuur", [24] * 12, [
        "Waarom is mijn factuur deze maand hoger dan normaal?",
        "Er is twee keer afgeschreven voor dezelfde maand.",
        "Ik zie kosten voor bellen naar het buitenland, maar ik heb niet gebeld."],
     ["Op je factuur staan ook de kosten van je nieuwe toestel, daarom is hij hoger.",
      "Dat klopt niet, het dubbele bedrag wordt binnen vijf werkdagen teruggestort."]),
    ("prijsverhoging", [30, 8, 4, 4, 4, 10, 70, 20, 6, 4, 4, 4], [
        "Wat een prijsverhoging weer, mag dat zomaar tijdens mijn contract?",
        "Kan ik opzeggen nu de prijs van mijn abonnement omhoog gaat?",
        "Waarom gaat de prijs alweer omhoog?"],
     ["De jaarlijkse prijsaanpassing staat in de voorwaarden van je abonnement.",
      "Bij een prijsverhoging mag je kosteloos opzeggen binnen dertig dagen."]),
    ("glasvezel", [12, 12, 14, 14, 16, 16, 14, 12, 14, 16, 14, 12], [
        "Wanneer wordt glasvezel aangelegd in onze wijk?",
        "De glasvezelmonteur is niet komen opdagen, ik had vrij genomen!",
        "Hoe lang duurt het overzetten naar glasvezel?"],
     ["In jouw wijk wordt glasvezel dit najaar aangelegd, je krijgt vooraf een brief.",
      "Excuses dat de monteur niet kwam, we plannen een nieuwe afspraak in."]),
    ("nummerbehoud", [8] * 12, [
        "Mijn nummer is nog steeds niet overgezet van mijn oude provider.",
        "Hoe lang duurt nummerbehoud bij jullie?"],
     ["Nummerbehoud duurt maximaal vijf werkdagen, je oude simkaart blijft tot dan werken."]),
    ("simkaart", [10] * 12, [
        "Mijn nieuwe simkaart doet het niet, geen bereik.",
        "Hoe activeer ik een esim op mijn nieuwe telefoon?"],
     ["Een nieuwe simkaart is binnen een uur na activatie actief. Zet je telefoon even uit en aan.",
      "Een esim activeer je in de app onder Mijn abonnement."]),
    ("roaming", [4, 4, 4, 6, 10, 20, 30, 24, 8, 4, 4, 4], [
        "Mijn bundel werkt niet in Frankrijk, roaming staat aan.",
        "Waarom kan ik in Turkije niet bellen met mijn abonnement?"],
     ["Turkije valt buiten de EU-bundel, daar betaal je per minuut.",
      "Zet mobiele data en roaming even uit en aan, dan pakt je telefoon het juiste netwerk."]),
]

STREETS = ["Lindelaan", "Molenweg", "Kerkstraat", "Beukenhof", "Dorpsstraat", "Havenkade", "Esdoornstraat",
           "Wilgenlaan", "Vijverweg", "Raadhuisplein", "Oude Gracht", "Prinses Irenestraat", "Kastanjedreef",
           "Sluisweg", "Rozensingel", "Boterdijk", "Spoorlaan", "Nieuwe Markt", "Populierenpad", "Zuiderhaven"]
TOWNS = ["Lindendaal", "Westervaart", "Oudemeer", "Hoogveld"]
FIRST_NAMES = ["jan", "sanne", "mo", "lotte", "kees", "fatima", "daan", "eva", "ahmed", "anouk", "bas", "noor",
               "pieter", "yara", "tim", "esra", "rik", "lisa", "youssef", "merel"]
SURNAMES = ["devries", "jansen", "bakker", "visser", "smit", "meijer", "demir", "mulder", "bos", "peters",
            "hendriks", "vandijk", "kaya", "dejong", "vermeulen", "elamrani", "kok", "schouten"]
AGENTS = {"GL": ["^MvD", "^JK", "^SB", "^RH"], "ZT": ["^Anouk", "^Tim", "^Sara", "^Joost", "^Lieke", "^Mehmet"]}


def iban(random):
    bank = random.pick(["ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB"])
    account = "".join(str(random.below(10)) for _ in range(10))
    digits = "".join(str(ord(c) - 55) if c.isalpha() else c for c in bank + account + "NL00")
    return f"NL{98 - int(digits) % 97:02d}{bank}{account}"


def bsn(random):
    while True:
        digits = [random.between(1, 9)] + [random.below(10) for _ in range(8)]
        if (sum((9 - i) * digits[i] for i in range(8)) - digits[8]) % 11 == 0:
            return "".join(map(str, digits))


def mobile(random):
    number = "06" + str(random.between(1, 5)) + "".join(str(random.below(10)) for _ in range(7))
    style = random.below(4)
    if style == 0:
        return number[:2] + "-" + number[2:]
    if style == 1:
        return f"{number[:2]} {number[2:6]} {number[6:]}"
    if style == 2:
        return number
    return "+31 6 " + number[2:]


def postcode(random):
    return f"{random.between(1000, 9999)} {chr(65 + random.below(18))}{chr(65 + random.below(18))}"


def address(random):
    return f"{random.pick(STREETS)} {random.between(1, 180)}"


def birth_date(random):
    return f"{random.between(1, 28):02d}-{random.between(1, 12):02d}-{random.between(1940, 2004)}"


def euros(random, low, high):
    value = random.between(low, high)
    return f"€ {value // 1000}.{value % 1000:03d}" if value >= 1000 else f"€ {value}"


# Personal data planted in customers' public messages: (category, per mille, sentences). Each
# sentence is a function of the random generator returning (text, value repeated by a careless
# reply or None). The categories are the rows of Webcare/rules/reacties.yaml.
def plants_gemeente():
    return [
        ("Adres", 55, [lambda r: (lambda a: (f"Bij ons voor de deur op de {a} ligt al een week een kapotte lantaarnpaal.", a))(address(r)),
                       lambda r: (lambda p: (f"Container niet geleegd, postcode {p}, wanneer komen jullie?", p))(f"{postcode(r)} {r.between(1, 120)}"),
                       lambda r: (lambda a: (f"Ik woon op de {a} en de stoep is al maanden opgebroken.", a))(address(r))]),
        ("Telefoonnummer", 35, [lambda r: (lambda p: (f"Kunnen jullie me terugbellen op {p}? Ik kom er online niet uit.", p))(mobile(r)),
                                lambda r: (lambda p: (f"Mijn moeder wacht op de huishoudelijke hulp, haar nummer is {p}.", p))(mobile(r))]),
        ("E-mail", 12, [lambda r: (lambda m: (f"Stuur de bevestiging maar naar {m}, de vorige kwam niet aan.", m))(f"{r.pick(FIRST_NAMES)}.{r.pick(SURNAMES)}@gmail.com")]),
        ("BSN", 10, [lambda r: (lambda b: (f"Mijn BSN is {b}, waarom zie ik mijn aanvraag niet terug?", b))(bsn(r))]),
        ("Geboortedatum", 10, [lambda r: (lambda d: (f"Ik wil een afspraak voor mijn rijbewijs, geboortedatum {d}.", d))(birth_date(r))]),
        ("Dossier-/zaaknummer", 15, [lambda r: (lambda z: (f"Mijn bezwaar heeft zaaknummer {z}, wanneer hoor ik iets?", z))(f"Z-2025-{r.between(100000, 999999)}")]),
        ("Beschikkings-/aanslagnummer", 15, [lambda r: (lambda a: (f"Vraag over aanslagnummer {a}, het bedrag klopt niet.", a))(f"2025.{r.between(1000, 9999)}.{r.between(1000, 9999)}")]),
        ("Inkomsten", 6, [lambda r: (f"Mijn uitkering is {euros(r, 1050, 1450)} per maand, kom ik in aanmerking voor kwijtschelding?", None)]),
        ("Schuld", 8, [lambda r: (f"Ik heb nog een achterstand van {euros(r, 200, 2400)} bij de gemeente, kan dat in termijnen?", None)]),
        ("IBAN of rekeningnummer", 5, [lambda r: (lambda i: (f"Kunnen jullie de teruggave storten op {i}?", i))(iban(r))]),
        ("IBAN, gedeeltelijk", 3, [lambda r: (f"De incasso kwam van mijn rekening die eindigt op {r.between(1000, 9999)}, maar ik had al betaald.", None)]),
    ]


def plants_telecom():
    return [
        ("Adres", 60, [lambda r: (lambda a: (f"Storing op de {a} in {r.pick(TOWNS)}, al sinds gisteren.", a))(address(r)),
                       lambda r: (lambda p: (f"Geen internet op {p}, modem knippert rood.", p))(f"{postcode(r)} {r.between(1, 120)}")]),
        ("Telefoonnummer", 40, [lambda r: (lambda p: (f"Bel me even op {p} als de monteur onderweg is.", p))(mobile(r))]),
        ("Klant-/order-/factuurnummer", 45, [lambda r: (lambda k: (f"Klantnummer {k}, mijn tv doet het nog steeds niet.", k))(str(r.between(10000000, 99999999))),
                                             lambda r: (lambda o: (f"Ordernummer {o} is na tien dagen nog niet geleverd.", o))(f"ZT-{r.between(10000000, 99999999)}")]),
        ("E-mail", 10, [lambda r: (lambda m: (f"Mijn factuur komt niet aan op {m}, kunnen jullie het checken?", m))(f"{r.pick(FIRST_NAMES)}{r.between(70, 99)}@hotmail.com")]),
        ("Geboortedatum", 12, [lambda r: (lambda d: (f"Voor de verificatie: geboortedatum {d}.", d))(birth_date(r))]),
        ("IBAN, gedeeltelijk", 12, [lambda r: (f"De laatste vier cijfers van mijn IBAN zijn {r.between(1000, 9999)}, vinden jullie me zo?", None)]),
        ("IBAN of rekeningnummer", 6, [lambda r: (lambda i: (f"Mijn nieuwe rekening is {i}, graag de incasso aanpassen.", i))(iban(r))]),
        ("Schuld", 5, [lambda r: (f"Het incassobureau zegt dat ik {euros(r, 80, 600)} moet betalen, maar ik heb mijn contract opgezegd.", None)]),
        ("Inkomsten", 2, [lambda r: (f"Ik leef van een uitkering van {euros(r, 900, 1300)}, ik kan dit abonnement echt niet meer betalen.", None)]),
    ]


# Replies when personal data was published: (per mille, text template, asks private, advises delete).
GEMEENTE_PRIVACY_REPLIES = [
    (300, "Wil je je tweet verwijderen? Er staan persoonsgegevens in. Stuur ons een DM, dan helpen we je verder.", True, True),
    (200, "Kun je ons even bellen op 14 0575? Dan kijken we met je mee.", True, False),
    (50, "Klopt het dat het om {value} gaat? We geven het door aan de collega's.", False, False),
]
TELECOM_PRIVACY_REPLIES = [
    (450, "Stuur ons een DM met je postcode en huisnummer, dan kijken we direct mee.", True, False),
    (150, "Je bericht bevat persoonsgegevens, verwijder je tweet alsjeblieft en stuur ons een privébericht.", True, True),
    (60, "We zien {value} in ons systeem staan, de monteur komt morgen langs.", False, False),
]

GEMEENTE = Organisation("Gemeente Lindendaal", "GL", "@gemeentelindendaal", 34, GEMEENTE_HOURS, 50, 70,
                        [("X", 45), ("Facebook", 35), ("Instagram", 20)], GEMEENTE_TOPICS, plants_gemeente(),
                        GEMEENTE_PRIVACY_REPLIES)
TELECOM = Organisation("Zuiderlicht Telecom", "ZT", "@zuiderlicht_hulp", 62, TELECOM_HOURS, 14, 25,
                       [("X", 55), ("Facebook", 30), ("Instagram", 15)], TELECOM_TOPICS, plants_telecom(),
                       TELECOM_PRIVACY_REPLIES)
PRIVATE = {"X": "X DM", "Facebook": "Messenger", "Instagram": "Instagram DM"}

FOLLOW_UPS = ["Dank je, maar het probleem is er nog steeds.", "Het werkt nog steeds niet, wat nu?",
              "Top, bedankt voor de snelle hulp!", "Ok, ik wacht het af.", "Dat had ik al geprobeerd."]
CLOSINGS = ["Fijn dat het is opgelost! Fijne dag nog.", "Graag gedaan, laat het weten als er nog iets is.",
            "We hebben het voor je geregeld."]
PROACTIVE = {"GL": ["Let op: door de feestdagen wordt het afval een dag later opgehaald.",
                    "Vanaf maandag is het gemeentehuis op woensdagavond open tot 20.00 uur."],
             "ZT": ["Gepland onderhoud vannacht tussen 01.00 en 05.00 uur, internet kan kort wegvallen.",
                    "Nieuw: bellen via wifi voor alle abonnementen."]}


# ---------------------------------------------------------------------------------------------
# Conversations.

class Message:
    def __init__(self, local, inbound, channel, text, status, author, kind="message"):
        self.local, self.inbound, self.channel, self.text = local, inbound, channel, text
        self.status, self.author, self.kind = status, author, kind
        self.utc = utc_seconds(local)
        self.categories = []  # planted personal data (inbound, public)


class Conversation:
    def __init__(self, organisation, number):
        self.organisation = organisation
        self.id = f"{organisation.prefix}-{number:06d}"
        self.messages = []
        self.asked_private = self.advised_delete = self.repeated = False
        self.reopened = False


def reply_time(random, organisation, after):
    """When the team answers: within office hours after a skewed wait."""
    start = next_open(organisation.hours, after + datetime.timedelta(minutes=1))
    wait = random.minutes(organisation.median_reply)
    moment = start + datetime.timedelta(minutes=wait)
    # Past closing time: the rest of the wait after the next opening.
    closing = None
    for (h1, m1), (h2, m2) in organisation.hours.get(start.weekday(), []):
        if at(start.date(), h1, m1) <= start < at(start.date(), h2, m2):
            closing = at(start.date(), h2, m2)
    if closing and moment >= closing:
        moment = next_open(organisation.hours, closing + datetime.timedelta(minutes=1)) + (moment - closing)
    return moment.replace(second=random.below(60))


def arrival(random, day, organisation):
    """A customer's moment of writing: busiest late morning and evening, some at night."""
    hour = random.weighted([(h, w) for h, w in enumerate(
        [2, 1, 1, 1, 1, 2, 4, 10, 16, 20, 22, 20, 16, 16, 18, 16, 14, 12, 12, 14, 16, 14, 9, 5])])
    return at(day, hour, random.below(60)).replace(second=random.below(60))


def simulate(organisation, random):
    conversations = []
    day = datetime.date(YEAR, 1, 1)
    number = 0
    while day.year == YEAR:
        month = day.month - 1
        weights = [(topic, topic[1][month]) for topic in organisation.topics if topic[1][month] > 0]
        scale = sum(w for _, w in weights) / sum(t[1][0] for t in organisation.topics)
        weekend = day.weekday() >= 5
        count = organisation.per_day * (6 if weekend else 10) * int(100 * scale) // 10000
        count = max(1, count + random.between(-1, 1))
        for _ in range(count):
            number += 1
            conversations.append(conversation(organisation, number, random, day, random.weighted(weights)))
        # A few posts by the organisation that nobody answers.
        if day.day in (1, 15) and not weekend:
            number += 1
            post = Conversation(organisation, number)
            post.messages.append(Message(at(day, 10, 0), False, "Facebook", random.pick(PROACTIVE[organisation.prefix]),
                                         "Gesloten", organisation.name))
            conversations.append(post)
        day += datetime.timedelta(1)
    return conversations


def conversation(organisation, number, random, day, topic):
    name, _, questions, answers = topic
    talk = Conversation(organisation, number)
    author = f"@{random.pick(FIRST_NAMES)}{random.pick(SURNAMES)}{random.between(1, 99)}"
    agent = random.pick(AGENTS[organisation.prefix])
    public = random.weighted(organisation.channels)
    starts_private = random.percent(80)
    channel = PRIVATE[public] if starts_private else public
    moment = arrival(random, day, organisation)
    text = random.pick(questions)
    value = None
    first = Message(moment, True, channel, f"{organisation.handle} {text}" if not starts_private else text, "Open", author)
    if not starts_private:
        for category, per_mille, sentences in organisation.plants:
            if random.percent(per_mille):
                sentence, value = random.pick(sentences)(random)
                first.text += " " + sentence
                first.categories.append(category)
                break
    talk.messages.append(first)
    if random.percent(organisation.unanswered):
        return talk

    # The first answer: about the personal data when some was published, else about the topic.
    reply_at = reply_time(random, organisation, moment)
    answer, asks, deletes = random.pick(answers), False, False
    if first.categories:
        choice = random.below(1000)
        for per_mille, template, asks_private, advises_delete in organisation.replies:
            if choice < per_mille:
                if "{value}" in template and value is None:
                    break
                answer = template.replace("{value}", value or "")
                asks, deletes = asks_private, advises_delete
                talk.repeated = "{value}" in template
                break
            choice -= per_mille
    elif random.percent(200 if organisation.prefix == "ZT" else 80):
        answer = "Wil je ons een DM sturen? Dan zoeken we het voor je uit."
        asks = True
    talk.asked_private, talk.advised_delete = asks, deletes
    closes = not asks and random.percent(650)
    talk.messages.append(Message(reply_at, False, channel, f"{answer} {agent}", "Gesloten" if closes else "In behandeling",
                                 organisation.name))
    if random.percent(60):
        note_at = reply_at + datetime.timedelta(minutes=random.between(1, 20))
        talk.messages.append(Message(note_at, False, channel, "Interne notitie: doorgezet naar de tweede lijn.",
                                     "In behandeling", organisation.name, kind="note"))
    last = reply_at
    if asks:
        # The customer goes on in the private channel, the team answers and closes.
        dm = PRIVATE[public]
        customer_at = last + datetime.timedelta(minutes=random.minutes(30))
        talk.messages.append(Message(customer_at, True, dm, "Hierbij mijn gegevens, zoals gevraagd.", "Open", author))
        last = reply_time(random, organisation, customer_at)
        talk.messages.append(Message(last, False, dm, f"{random.pick(CLOSINGS)} {agent}", "Gesloten", organisation.name))
        closes = True
    elif not closes:
        customer_at = last + datetime.timedelta(minutes=random.minutes(90))
        talk.messages.append(Message(customer_at, True, channel, random.pick(FOLLOW_UPS), "Open", author))
        last = reply_time(random, organisation, customer_at)
        talk.messages.append(Message(last, False, channel, f"{random.pick(CLOSINGS)} {agent}", "Gesloten", organisation.name))
        closes = True
    if closes and random.percent(40):
        # Reopened: the customer comes back within a few days.
        talk.reopened = True
        customer_at = last + datetime.timedelta(hours=random.between(2, 72), minutes=random.below(60))
        talk.messages.append(Message(customer_at, True, talk.messages[-1].channel, "Het is helaas weer mis.", "Heropend", author))
        last = reply_time(random, organisation, customer_at)
        talk.messages.append(Message(last, False, talk.messages[-1].channel, f"{random.pick(CLOSINGS)} {agent}", "Gesloten",
                                     organisation.name))
    return talk


# ---------------------------------------------------------------------------------------------
# The export and what it must give.

HEADER = ["Gesprek-ID", "Bericht-ID", "Datum", "Tijd", "Account", "Kanaal", "Type", "Status", "Afzender", "Bericht",
          "Sentiment", "Labels"]


def rows_of(conversations, random):
    """Export rows in time order, with the rows a real export holds that are no use: a message
    exported twice, a date that does not exist, a channel the mapping does not know."""
    rows = []
    for talk in conversations:
        for index, message in enumerate(talk.messages):
            kind = "Notitie" if message.kind == "note" else ("Inkomend" if message.inbound else "Uitgaand")
            sentiment = random.pick(["neutraal", "negatief", "positief"]) if message.inbound else ""
            rows.append((message.local, talk.organisation.name, talk.id, index, [
                talk.id, f"{talk.id}-{index + 1:02d}", message.local.strftime("%d-%m-%Y"), message.local.strftime("%H:%M:%S"),
                talk.organisation.name, message.channel, kind, message.status,
                message.author if message.inbound else talk.organisation.name, message.text, sentiment, ""]))
    rows.sort(key=lambda row: (row[0], row[1], row[2], row[3]))
    cells = [row[4] for row in rows]

    def customer_row(near):
        """The first customer message at or after `near`."""
        while cells[near][6] != "Inkomend":
            near += 1
        return near

    # A copy of a row, as tools export a message twice when it was edited.
    copy_at = customer_row(len(cells) // 3)
    cells.insert(copy_at + 1, list(cells[copy_at]))
    # A date that does not exist, and a channel the mapping does not know.
    at_half = customer_row(len(cells) // 2)
    broken = list(cells[at_half])
    broken[0], broken[1], broken[2], broken[4] = "GL-999001", "GL-999001-01", "31-09-2025", GEMEENTE.name
    cells.insert(at_half, broken)
    at_two_thirds = customer_row(2 * len(cells) // 3)
    unknown = list(cells[at_two_thirds])
    unknown[0], unknown[1], unknown[4], unknown[5] = "ZT-999002", "ZT-999002-01", TELECOM.name, "TikTok"
    cells.insert(at_two_thirds, unknown)
    return cells


def quantile(values, p):
    """Nearest rank of whole minutes, as meetlat computes it."""
    if not values:
        return None
    ordered = sorted(seconds // 60 for seconds in values)
    rank = max(1, -(-p * len(ordered) // 100))
    return ordered[rank - 1]


def expected(conversations, log_end):
    """The figures meetlat must find, from the conversations as generated."""
    figures = {}
    for talk in conversations:
        org = talk.organisation
        messages = [m for m in talk.messages if m.kind == "message"]
        entry = figures.setdefault(org.name, {"months": {}, "audit": {"public_messages": 0, "categories": {},
                                                                     "conversations": 0, "asked_private": 0,
                                                                     "advised_delete": 0, "repeated_publicly": 0,
                                                                     "no_advice": 0, "public_without_advice": []}})

        def month_of(message):
            return entry["months"].setdefault(message.local.strftime("%Y-%m"), {
                "inbound_messages": 0, "outbound_messages": 0, "conversations": 0, "inbound_conversations": 0,
                "answered": 0, "frt": [], "frt_business": [], "resolved": 0, "doorloop": [], "doorloop_business": [],
                "first_contact_resolved": 0, "reopened": 0, "public_started": 0, "moved_private": 0,
                "unanswered_at_end": 0})

        for message in messages:
            month_of(message)["inbound_messages" if message.inbound else "outbound_messages"] += 1
            if message.inbound and message.channel in PRIVATE:
                entry["audit"]["public_messages"] += 1
                for category in message.categories:
                    entry["audit"]["categories"][category] = entry["audit"]["categories"].get(category, 0) + 1
        first = next((m for m in messages if m.inbound), None)
        bucket = month_of(first or messages[0])
        bucket["conversations"] += 1
        if first is None:
            continue
        bucket["inbound_conversations"] += 1
        replies = [m for m in messages if not m.inbound and m.utc >= first.utc and m is not first]
        if replies:
            bucket["answered"] += 1
            bucket["frt"].append(replies[0].utc - first.utc)
            bucket["frt_business"].append(business_seconds(org.hours, first.local, replies[0].local))
        final = messages[-1]
        resolved = final.status == "Gesloten" and not final.inbound
        if resolved:
            bucket["resolved"] += 1
            bucket["doorloop"].append(final.utc - first.utc)
            bucket["doorloop_business"].append(business_seconds(org.hours, first.local, final.local))
            if not talk.reopened and len(replies) == 1:
                bucket["first_contact_resolved"] += 1
        if talk.reopened:
            bucket["reopened"] += 1
        if first.channel in PRIVATE:
            bucket["public_started"] += 1
            if any(m.channel not in PRIVATE for m in messages):
                bucket["moved_private"] += 1
        if not replies and log_end - messages[-1].utc <= TIMEOUT:
            bucket["unanswered_at_end"] += 1
        if first.categories:
            audit = entry["audit"]
            audit["conversations"] += 1
            moved = any(m.channel not in PRIVATE for m in messages)
            asked = talk.asked_private or moved
            audit["asked_private"] += asked
            audit["advised_delete"] += talk.advised_delete
            audit["repeated_publicly"] += talk.repeated
            audit["no_advice"] += not asked and not talk.advised_delete
            if not talk.advised_delete:
                audit["public_without_advice"].append(talk.id)
    for entry in figures.values():
        entry["audit"]["public_without_advice"].sort()
        for bucket in entry["months"].values():
            for key in ["frt", "frt_business", "doorloop", "doorloop_business"]:
                values = bucket.pop(key)
                bucket[key + "_median"] = quantile(values, 50)
                bucket[key + "_p90"] = quantile(values, 90)
                if key.startswith("frt"):
                    suffix = "_business" if key.endswith("business") else ""
                    bucket["within_1h" + suffix] = sum(v <= 3600 for v in values)
                    bucket["within_24h" + suffix] = sum(v <= 86400 for v in values)
    return figures


def generate():
    random = Random(SEED)
    conversations = simulate(GEMEENTE, random) + simulate(TELECOM, random)
    rows = rows_of(conversations, random)
    log_end = max(m.utc for talk in conversations for m in talk.messages if m.kind == "message")
    buffer = io.StringIO(newline="")
    buffer.write("\ufeff")
    for row in [HEADER] + rows:
        buffer.write(";".join(cell_text(cell) for cell in row) + "\r\n")
    figures = expected(conversations, log_end)
    messages = sum(1 for talk in conversations for m in talk.messages if m.kind == "message")
    notes = sum(1 for talk in conversations for m in talk.messages if m.kind == "note")
    document = {
        "note": "Synthetic: the figures scripts/generate-demo-webcare.py planted in Webcare/demo/berichten.csv, worked out from the generated conversations, not from the file.",
        "rows_read": len(rows), "messages": messages, "skipped": notes,
        "rejected": {"duplicate": 1, "invalid-time": 1, "unknown-channel": 1},
        "organisations": figures,
    }
    return buffer.getvalue().encode("utf-8"), (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def cell_text(cell):
    if any(c in cell for c in ';"\r\n'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files instead of writing")
    options = parser.parse_args()
    log, figures = generate()
    targets = [(DEMO / "berichten.csv", log), (DEMO / "verwacht.json", figures)]
    status = 0
    for path, data in targets:
        if options.check:
            if not path.exists() or path.read_bytes() != data:
                print(f"{path.relative_to(ROOT)} differs from what the generator makes; run it and commit", file=sys.stderr)
                status = 1
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)} ({len(data):,} bytes)")
    if options.check and status == 0:
        print("Webcare/demo is what scripts/generate-demo-webcare.py makes")
    return status


if __name__ == "__main__":
    sys.exit(main())
