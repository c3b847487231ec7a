import Foundation
import Testing
@testable import PersonalData

/// The customer-text rules of the webcare profile, on sentences as customers write them to a
/// gemeente, the tax office or a telecom company; and what they must leave alone.
@Suite struct StreetAddressTests {
    @Test(arguments: [
        ("@gemeente Bij ons op de Lindelaan 14 ligt al dagen een kapotte lantaarnpaal", "Lindelaan 14"),
        ("gat in de weg op de Burgemeester de Withstraat 4, gevaarlijk voor fietsers", "Burgemeester de Withstraat 4"),
        ("ik woon op de kerkstraat 12a en heb geen internet", "kerkstraat 12a"),
        ("Monteur kan aanbellen bij Populierstraat 7, ik ben thuis", "Populierstraat 7"),
        ("Mijn adres is Oudegracht 5-II, graag de pas daarheen", "Oudegracht 5-II"),
        ("ik ben eigenaar van Markt 12 en de kermis blokkeert mijn ingang", "Markt 12"),
        ("Storing in de flat, Johan de Wittlaan 140", "Johan de Wittlaan 140"),
        ("water in de kelder bij Oude Gracht 211", "Oude Gracht 211"),
        ("My new address is Wilhelminastraat 88, Leiden.", "Wilhelminastraat 88"),
        ("woon Nieuwe Binnenweg 301b, bel als de monteur komt", "Nieuwe Binnenweg 301b"),
    ])
    func streetAndNumberWithoutPostcode(text: String, address: String) {
        #expect(found(text, webcareDetector) == ["street-address:\(address)"])
    }

    @Test func aPostcodeMakesItPostcodeHuisnummer() {
        #expect(found("Mijn adres: Tulpstraat 9, 1625 AB Hoorn.", webcareDetector) == ["postcode-huisnummer:9, 1625 AB"])
    }

    @Test(arguments: [
        "De Kerkstraat is al twee weken afgesloten",             // a street without a number
        "Is de Kerkstraat 1 t/m 40 ook getroffen?",              // a range of houses
        "ze hebben de Zonnebloemweg 10-20 open laten liggen",    // a range again
        "ik ben onderweg 2 uur, bel me later",                   // "weg" in a word, then a quantity
        "het voetbalveld 3 keer afgelast",                       // no street ending
        "Tabel 2 laat het zien, en Hoofdstuk 3 ook",             // headings and citations
        "bundel van 10 GB op na 12 dagen",
        "de weg 2 keer opgebroken",                              // the ending alone, lower case
        "Kerkstraat 5 en 7 hebben geen stroom",                  // two houses: no one household
    ])
    func notAnAddress(text: String) {
        #expect(found(text, webcareDetector).isEmpty, "\(text)")
    }

    @Test func theEndingsComeFromTheFile() throws {
        let suffixes = try StreetNameSuffixes(text: "# only lanes\nlaan\nPlein\n", source: "test")
        let detector = PersonalDataDetector.webcare(streetSuffixes: suffixes)
        #expect(found("Lindelaan 14", detector) == ["street-address:Lindelaan 14"])
        #expect(found("Kerkstraat 14", detector).isEmpty)
        #expect(found("Plein 1 is het stadhuis", detector) == ["street-address:Plein 1"])
        #expect(throws: StreetNameSuffixError.self) { try StreetNameSuffixes(text: "straat\nstr. 5\n", source: "test") }
        #expect(throws: StreetNameSuffixError.self) { try StreetNameSuffixes(text: "# nothing\n", source: "test") }
    }
}

@Suite struct BirthDateTests {
    @Test(arguments: [
        ("ik wil een afspraak voor een paspoort, geboortedatum 14-02-1987, lukt het nog?", "14-02-1987"),
        ("hier alvast mijn gegevens: geboren op 3 mei 1979", "3 mei 1979"),
        ("geb. 21-11-1992, zo kunnen jullie mijn account vinden toch?", "21-11-1992"),
        ("voor de verificatie: 08-08-1988 is mijn geboortedatum", "08-08-1988"),
        ("dob 12/04/1988, can you find my account?", "12/04/1988"),
        ("Geboortedatum 22.08.1990 – ik wil me inschrijven", "22.08.1990"),
        ("mijn geb.datum is 17-03-95, wat nog meer?", "17-03-95"),
        ("geboren 1990-06-01 in Utrecht", "1990-06-01"),
        ("Verificatie: geboren 14 februari 1986", "14 februari 1986"),
    ])
    func aDateNamedAsABirthDate(text: String, date: String) {
        #expect(found(text, webcareDetector) == ["birth-date:\(date)"])
    }

    @Test(arguments: [
        "Nieuw paspoort aangevraagd op 03-03-2025, wanneer is het klaar?",
        "De raad besluit op 4 januari 2025 over de begroting",
        "de storing van 12-03-2025 is nog niet opgelost",
        "aangifte geboorte gedaan, wanneer staat ze in de BRP?",  // the word without a date
        "geboren op 4 januari, hoe laat kan ik langskomen?",       // a date without a year
    ])
    func anyOtherDateIsNot(text: String) {
        #expect(!found(text, webcareDetector).contains { $0.hasPrefix("birth-date") }, "\(text)")
    }
}

@Suite struct PartialIBANTests {
    @Test(arguments: [
        ("de laatste vier cijfers van mijn IBAN zijn 5335, dus verifieer maar", "5335"),
        ("rekening eindigend op 43 17, die staat bij jullie als incassorekening", "43 17"),
        ("verificatie: IBAN eindigt op 9974, geboortejaar weet je al", "9974"),
        ("laatste 4 cijfers rekening: 2844, naam staat op het contract", "2844"),
        ("de laatste 3 cijfers van mijn rekening zijn 614", "614"),
        ("ik heb betaald van rekening **** 4300, zien jullie dat?", "**** 4300"),
        ("de incasso kwam van NL91 ABNA **** **43 00, niet van mij", "NL91 ABNA **** **43 00"),
        ("ter controle: IBAN NL** **** **** **68 32", "NL** **** **** **68 32"),
    ])
    func partOfAnAccount(text: String, part: String) {
        #expect(found(text, webcareDetector) == ["partial-iban:\(part)"])
    }

    @Test(arguments: [
        "de laatste 3 dagen geen internet",                       // no account word
        "Wat is het IBAN van de gemeente voor de leges?",         // no digits
        "mijn rekening eindigt op € 45 minder dan verwacht",      // an amount
        "de laatste update (versie 4.11) heeft mijn wifi gesloopt",
    ])
    func notPartOfAnAccount(text: String) {
        #expect(!found(text, webcareDetector).contains { $0.hasPrefix("partial-iban") }, "\(text)")
    }

    @Test func aWholeIBANStaysAnIBAN() {
        #expect(found("storten op NL91 ABNA 0417 1643 00 graag", webcareDetector) == ["iban:NL91 ABNA 0417 1643 00"])
    }
}

@Suite struct IncomeAndDebtTests {
    @Test(arguments: [
        ("Ik heb een bijstandsuitkering van € 1.312 en mijn huur is hoog", "income:1.312"),
        ("met een AOW van € 1.450 per maand kom ik toch in aanmerking?", "income:1.450"),
        ("mijn man verdient € 2.600 en ik niets", "income:2.600"),
        ("Ik leef van een uitkering van € 980, ik kan dit niet betalen", "income:980"),
        ("ik sta € 560 rood bij de gemeente voor de volkstuin", "debt:560"),
        ("jullie incassobureau zegt dat ik € 245 moet betalen", "debt:245"),
        ("de gemeente wil € 1.600 van mij terugvorderen voor de bijstand", "debt:1.600"),
        ("een herinnering van € 89,50 voor de hondenbelasting, maar mijn hond is dood", "debt:89,50"),
        ("Ik moet nog 2.150 euro aan leges betalen", "debt:2.150"),
        ("ik moet € 842 terugbetalen aan zorgtoeslag", "debt:842"),
    ])
    func anAmountNearIncomeOrDebtAndTheWriter(text: String, match: String) {
        #expect(found(text, webcareDetector) == [match])
    }

    @Test(arguments: [
        "De parkeervergunning kost dit jaar € 75, vorig jaar nog € 60.",
        "Wat is de inkomensgrens voor de huurtoeslag? € 2.250?",
        "De parkeerboete was € 105, is dat niet heel hoog?",
        "de grens voor de zorgtoeslag is € 38.520 voor alleenstaanden",
        "Ik heb 160 euro uitgegeven aan een nieuwe router",
        "hoe hoog is de energietoeslag dit jaar? Vorig jaar was het € 800",
        "De deurwaarder vraagt € 780 voor de afvalstoffenheffing van 2023",  // no writer: missed on purpose
    ])
    func pricesFeesAndThresholdsAreNot(text: String) {
        #expect(found(text, webcareDetector).isEmpty, "\(text)")
    }
}

@Suite struct ProfileTests {
    /// The published-output scan and the survey remarks keep their rules: a town hall's address,
    /// a meeting date or a price on a site page does not stop the build.
    @Test func theCustomerTextRulesAreOnlyInTheWebcareProfile() {
        let texts = ["Stadhuisplein 1 is open tot 17 uur", "vergadering, geboren en getogen: 12-03-1985",
                     "de laatste cijfers van mijn IBAN zijn 4300", "ik sta € 560 rood", "rekening **** 4300"]
        for text in texts {
            #expect(found(text, .publishedOutput).isEmpty, "\(text)")
            #expect(found(text, .freeText).isEmpty, "\(text)")
            #expect(!found(text, webcareDetector).isEmpty, "\(text)")
        }
    }

    /// The webcare profile finds everything the free-text profile finds (the new rules only add),
    /// on the labelled messages and on the seed-style tweets.
    @Test func theExistingKindsLoseNoRecall() throws {
        let messages = try LabelledMessage.load("development.tsv") + LabelledMessage.load("holdout.tsv")
        let existing = Set(PersonalDataKind.allCases).subtracting([.streetAddress, .birthDate, .partialIBAN])
        let before = Confusion.measure(.freeText, on: messages).byKind
        let after = Confusion.measure(webcareDetector, on: messages).byKind
        for kind in existing {
            #expect((after[kind]?.truePositives ?? 0) >= (before[kind]?.truePositives ?? 0), "\(kind.rawValue)")
        }
    }
}
