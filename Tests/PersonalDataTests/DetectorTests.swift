import Foundation
import Testing
@testable import PersonalData

/// "kind:text" for every match, in text order: compact to compare, and it shows the exact span.
func found(_ text: String, _ detector: PersonalDataDetector = .publishedOutput) -> [String] {
    detector.matches(in: text).map { "\($0.kind.rawValue):\($0.text)" }
}

@Suite struct IBANTests {
    @Test(arguments: [
        "NL91ABNA0417164300", "NL91 ABNA 0417 1643 00", "nl91abna0417164300", "nl91 abna 0417 1643 00",
        "NL20INGB0001234567", "NL44 RABO 0123 4567 89",
        "DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "BE68 5390 0754 7034",
        "FR14 2004 1010 0505 0001 3M02 606", "NO93 8601 1117 947", "CH93 0076 2011 6238 5295 7",
    ])
    func validIBANIsFound(iban: String) {
        #expect(found("Mijn IBAN is \(iban), graag terugstorten.") == ["iban:\(iban)"])
    }

    @Test(arguments: [
        "NL92ABNA0417164300",          // check digits changed
        "NL91ABNA0417164301",          // account digit changed
        "NL91 ABNA 0417 1634 00",      // two digits swapped
        "DE88 3704 0044 0532 0130 00",
        "GB82WEST12345698765433",
    ])
    func corruptedChecksumIsNoIBAN(iban: String) {
        #expect(found("IBAN \(iban)").isEmpty)
    }

    @Test func wrongLengthOrShapeIsNoIBAN() {
        #expect(found("NL91ABNA04171643001").isEmpty)      // one character too many
        #expect(found("NL91ABNA041716430").isEmpty)        // one too few
        #expect(found("XX91ABNA0417164300").isEmpty)       // no such country
        #expect(found("NL911BNA0417164300").isEmpty)       // NL bank code must be letters
        #expect(found("codeNL91ABNA0417164300").isEmpty)   // inside a longer word
    }

    /// A mistyped IBAN is still IBAN-shaped: its groups are not read as a phone number or BSN.
    @Test func numbersInsideAnIBANShapeAreNotReadAsOtherKinds() {
        #expect(found("bel 0612 3456 78") == ["phone:0612 3456 78"])
        #expect(found("NL91 ABNA 0612 3456 78").isEmpty)
        #expect(found("NL91 ABNA 0417 1634 00").isEmpty)
    }
}

@Suite struct BSNTests {
    @Test func labelledBSNPassingTheElevenTestIsFound() {
        #expect(found("Mijn BSN is 123456782") == ["bsn:123456782"])
        #expect(found("burgerservicenummer: 1234.56.782") == ["bsn:1234.56.782"])
        #expect(found("BSN-nummer 123 456 782.") == ["bsn:123 456 782"])
        #expect(found("sofinummer 111222333") == ["bsn:111222333"])
        #expect(found("my citizen service number is 012345672") == ["bsn:012345672"])
    }

    @Test func numberFailingTheElevenTestIsNoBSN() {
        #expect(found("Mijn BSN is 123456789").isEmpty)
        #expect(found("BSN: 1234.56.789").isEmpty)
        #expect(found("bsn 123456781").isEmpty)
        #expect(found("bsn 000000000").isEmpty)
    }

    @Test func bsnNotationWithDotsNeedsNoKeyword() {
        #expect(found("Zie formulier, nummer 1234.56.782 staat rechtsboven") == ["bsn:1234.56.782"])
        #expect(found("nummer 1234.56.789").isEmpty)  // notation right, 11-proef wrong
    }

    /// The trade-off: 1 in 11 nine-digit counts passes the 11-proef. Published output flags a
    /// BSN only with a keyword or in BSN notation; free text also flags a bare nine-digit number.
    @Test func bareNineDigitNumberDependsOnTheDetectorProfile() {
        let count = "Samen 123456782 volgers"
        #expect(found(count, .publishedOutput).isEmpty)
        #expect(found(count, .freeText) == ["bsn:123456782"])

        let tweet = "@belastingdienst 111222333 waar blijft mijn toeslag?"
        #expect(found(tweet, .publishedOutput).isEmpty)
        #expect(found(tweet, .freeText) == ["bsn:111222333"])
        #expect(found("Mijn nummer is 111222333.", .freeText) == ["bsn:111222333"])
    }

    @Test func freeTextStillSkipsNumbersThatAreNoBSN() {
        #expect(found("Samen 123456789 volgers", .freeText).isEmpty)                 // fails 11-proef
        #expect(found("123.456.782 weergaven", .freeText).isEmpty)                   // Dutch thousands
        #expect(found("https://example.org/item/123456782", .freeText).isEmpty)      // URL path
        #expect(found("?id=123456782&x=1", .freeText).isEmpty)                       // query string
        #expect(found("0.123456782", .freeText).isEmpty)                             // decimal fraction
        #expect(found("scan-123456782.pdf", .freeText).isEmpty)                      // file name
        #expect(found("1234567820 en 12345678", .freeText).isEmpty)                  // 10 and 8 digits
    }

    @Test func elevenTest() {
        #expect(Scan.passesElevenTest(123_456_782))
        #expect(Scan.passesElevenTest(111_222_333))
        #expect(!Scan.passesElevenTest(123_456_789))
        #expect(!Scan.passesElevenTest(123_456_781))
        #expect(!Scan.passesElevenTest(0))
    }
}

@Suite struct PhoneTests {
    @Test(arguments: [
        "+31 6 12345678", "0031-6-12345678", "06-12345678", "06 1234 5678", "0612345678",
        "06 12 34 56 78", "06 - 12 34 56 78", "+31612345678", "+31 (0)6 1234 5678", "+31 06 12345678",
        "020-1234567", "010 123 4567", "+31 (0)20 123 4567", "(020) 1234567", "020/1234567",
        "0111-123456", "0111 12 34 56", "(0111) 123456", "070.123.45.67", "085 123 4567",
    ])
    func dutchPhoneNumberIsFound(number: String) {
        #expect(found("Bel me op \(number) na vijf uur.") == ["phone:\(number)"])
    }

    @Test(arguments: ["0800-0543", "0800 1234567", "0900-1234567", "0900 123456", "0906-123456", "0909 1234567"])
    func serviceNumberIsNotPersonal(number: String) {
        #expect(found("Bel de Belastingdienst: \(number)").isEmpty)
    }

    @Test func numbersThatAreNoPhoneNumbers() {
        #expect(found("06-123456789").isEmpty)             // eleven digits
        #expect(found("06-1234567").isEmpty)               // nine digits
        #expect(found("0044 20 7946 0958").isEmpty)        // foreign number
        #expect(found("01 02 03 04 05").isEmpty)           // list of small numbers
        #expect(found("05 06 07 08 09 10 11 12").isEmpty)  // a run of two-digit numbers
        #expect(found("06-05-2012 10:30").isEmpty)         // date and time
        #expect(found("01-05-2012 10:30").isEmpty)
        #expect(found("0 20 1234567").isEmpty)             // lone zero is no area code
        #expect(found("id0612345678").isEmpty)             // inside a word
        #expect(found("3.0612345678").isEmpty)             // decimal fraction
        #expect(found("066 1234567").isEmpty)              // pager range
    }

    @Test func contiguousNumberNextToOtherNumbersIsStillFound() {
        #expect(found("jan,0612345678,12") == ["phone:0612345678"])   // CSV row
        #expect(found("1234AB 12 0612345678") == ["postcode-huisnummer:1234AB 12", "phone:0612345678"])
    }
}

@Suite struct EmailTests {
    @Test(arguments: [
        "x@y.nl", "jan.de.vries@hoorn.nl", "Jan.de.Vries+meetlat@mail.gemeente-hoorn.NL", "INFO@GEMEENTE.NL",
        "j_devries-2@sub.domain.example.com",
    ])
    func addressIsFound(address: String) {
        #expect(found("Mail (\(address)).") == ["email:\(address)"])
    }

    @Test func handlesAndAssetNamesAreNoAddresses() {
        #expect(found("@belastingdienst @TMobile_webcare bedankt").isEmpty)
        #expect(found(#"<img srcset="logo@2x.png 2x, kaart@3x.webp 3x">"#).isEmpty)
        #expect(found("@media (max-width: 600px) { @import url(x.css); }").isEmpty)
        #expect(found("npm install pkg@1.2.3").isEmpty)
        #expect(found("user@localhost").isEmpty)
    }

    @Test func addressInMarkupStopsAtTheMarkup() {
        #expect(found(#"<a href="mailto:x@y.nl">x@y.nl</a>"#) == ["email:x@y.nl", "email:x@y.nl"])
    }
}

@Suite struct PostcodeTests {
    @Test func postcodeThenHuisnummer() {
        #expect(found("1234 AB 12") == ["postcode-huisnummer:1234 AB 12"])
        #expect(found("1234AB, 5a") == ["postcode-huisnummer:1234AB, 5a"])
        #expect(found("postcode 1234ab huisnummer 12") == ["postcode-huisnummer:1234ab huisnummer 12"])
        #expect(found("3511 LX nr. 7-II") == ["postcode-huisnummer:3511 LX nr. 7-II"])
    }

    @Test func streetNumberThenPostcode() {
        #expect(found("Kerkstraat 12, 1234 AB Hoorn") == ["postcode-huisnummer:12, 1234 AB"])
        #expect(found("Dorpsweg 3a\n1621 CD Hoorn") == ["postcode-huisnummer:3a\n1621 CD"])
        #expect(found("Kerkstr. 8 1234AB") == ["postcode-huisnummer:8 1234AB"])
    }

    @Test func postcodeAloneOrLookalikesAreNotFlagged() {
        #expect(found("1234 AB Hoorn").isEmpty)                    // no huisnummer
        #expect(found("in 2012 en 13 gemeenten").isEmpty)          // lowercase with a space is prose
        #expect(found("RANGLIJST 2012 EN 2013").isEmpty)           // heading in capitals
        #expect(found("1234 SS 12").isEmpty)                       // SA, SD, SS are not used
        #expect(found("0123 AB 12").isEmpty)                       // no postcode starts with 0
        #expect(found("12345 AB 12").isEmpty)
    }
}

@Suite struct KeywordTests {
    @Test func referenceNumbersAfterTheirKeyword() {
        #expect(found("klantnummer: 12345678") == ["customer-number:12345678"])
        #expect(found("Mijn ordernummer is TM-12345678, graag hulp") == ["customer-number:TM-12345678"])
        #expect(found("factuurnr.87654321") == ["customer-number:87654321"])
        #expect(found("aanslagnummer 9876.54.321.H.56") == ["tax-reference:9876.54.321.H.56"])
        #expect(found("betalingskenmerk 1234 5678 9012 3456") == ["tax-reference:1234 5678 9012 3456"])
        #expect(found("dossiernummer Z/21/123456") == ["case-number:Z/21/123456"])
        #expect(found("rekeningnummer 12.34.56.789") == ["bank-account:12.34.56.789"])
    }

    @Test func keywordWithoutANumberNearbyIsNothing() {
        #expect(found("Ik heb mijn klantnummer niet bij de hand").isEmpty)
        #expect(found("klantnummer 2012").isEmpty)  // four digits: too short to identify anyone
        #expect(found("ordernummer\n12345678").isEmpty)  // not on the same line
        #expect(found("Het klantnummer staat op de factuur die u in de brievenbus kreeg, 12345678").isEmpty)
    }

    @Test func aanslagnummerHoldingABSNReportsTheBSN() {
        // A Belastingdienst aanslagnummer starts with the BSN; the checked BSN wins the overlap.
        #expect(found("Aanslagnummer is 1234.56.782.H.01") == ["bsn:1234.56.782"])
    }

    @Test func incomeAndDebtAfterFirstPersonPhrases() {
        #expect(found("mijn inkomen is € 2.300 per maand") == ["income:2.300"])
        #expect(found("Ik verdien netto 1850 euro") == ["income:1850"])
        #expect(found("ik heb een schuld van 4500 euro") == ["debt:4500"])
        #expect(found("Ik moet nog €75,- betalen") == ["debt:75"])
        #expect(found("ik moet nog 2 formulieren invullen").isEmpty)
        #expect(found("ik moet nog 12 dagen wachten").isEmpty)
        #expect(found("De opbrengst is € 1.250,00 per jaar").isEmpty)  // no first-person phrase
    }
}

/// Tweets in the style of the ones citizens sent to @belastingdienst and @tmobile_webcare.
@Suite struct SeedStyleTests {
    @Test func belastingdienstTweets() {
        #expect(found("@belastingdienst Aanslagnummer is 111222333H01, verkeerd kenmerk gebruikt. Wat nu?")
            == ["tax-reference:111222333H01"])
        #expect(found("@belastingdienst kunt u mij svp terugbellen 06-87654321 ik hang al een uur in de wacht")
            == ["phone:06-87654321"])
        #expect(found("@belastingdienst mijn zorgtoeslag klopt niet, bsn 111.222.333, inkomen 2019 was lager")
            == ["bsn:111.222.333"])
        #expect(found("@belastingdienst Mijn inkomen is dit jaar 24.000 euro, moet ik iets wijzigen?")
            == ["income:24.000"])
    }

    @Test func tmobileTweets() {
        #expect(found("@tmobile_webcare storing op Dorpsstraat 4, 1621 AB Hoorn, klantnr 1.23456789")
            == ["postcode-huisnummer:4, 1621 AB", "customer-number:1.23456789"])
        #expect(found("@tmobile_webcare 0612345678, 1621AB 4, NL91ABNA0417164300, J. Jansen")
            == ["phone:0612345678", "postcode-huisnummer:1621AB 4", "iban:NL91ABNA0417164300"])
        #expect(found("@tmobile_webcare mail mij op jan.jansen@ziggo.nl, ordernummer TM123456")
            == ["email:jan.jansen@ziggo.nl", "customer-number:TM123456"])
    }

    @Test func matchRangePointsIntoTheOriginalText() throws {
        let text = "Groetjes 😀 — bel 06-12345678"
        let match = try #require(PersonalDataDetector().matches(in: text).first)
        #expect(text[match.range(in: text)] == "06-12345678")
    }
}

/// Numbers that appear on every page of the site and must not stop the build.
@Suite struct FalsePositiveTests {
    @Test(arguments: [
        "Twitter: 1.212 volgers, Facebook: 12.345 likes, 230 punten, plaats 12 (2011: 14)",
        "De meetlat liep van 2011 tot 2013; 2011–2013 en 2012-2013.",
        "4,19 % van de inwoners, 58% respons, 0,5 procentpunt",
        "GM0363 Amsterdam, GM0405 Hoorn, GM1900 Súdwest-Fryslân",
        "Ingevuld op 14-05-2012 om 10:30, bijgewerkt 2012-05-14T10:30:00",
        "Kosten € 1.250,00 per jaar, baten €12.500, terugverdientijd 1,4 jaar",
        ##"<path d="M10 20 L30 40 L0 612 345 678 Z" fill="#06a0ff"/><polyline points="0 20 30 40 50 60 70 80 90"/>"##,
        #"<circle cx="123456782" cy="0.0612345678"/>"#,
        "https://twitter.com/gemeentehoorn/status/1234567890123456789?ref=1234567890&p=2",
        "color: #0612ab; background: #123456; meetlat v1.2.3, build 2013.05.14",
        #"{"rank":12,"score":230,"inwoners":123456782,"ratio":0.123456782,"year":2012}"#,
        "Rang 1 2 3 4 5 6 7 8 9 10; 01 02 03 04 05 06 07 08 09 10",
        "Tabel 2: 40 + 120 + 70 = 230 punten. RANGLIJST 2012 EN 2013 staat in hoofdstuk 3.",
        "Bel 14 0229 of 0800-1234 voor de gemeente; @gemeentehoorn op Twitter.",
    ])
    func ordinarySiteTextHasNoPersonalData(text: String) {
        #expect(found(text).isEmpty)
    }
}

@Suite struct CountsTests {
    @Test func countsPerKindWithoutText() {
        let remarks = [
            "Goed initiatief!",
            "Bel me: 06-12345678 of mail x@y.nl",
            "Mijn collega (a@b.nl) weet meer",
            "",
        ]
        let counts = PersonalDataDetector.freeText.counts(in: remarks)
        #expect(counts.scanned == 4)
        #expect(counts.withPersonalData == 2)
        #expect(counts.byKind == [.phone: 1, .email: 2])
        #expect(counts.total == 3)
        #expect(counts.description == "2 of 4 with personal data: e-mail address 2, phone number 1")
        #expect(!counts.description.contains("@"))
    }

    @Test func emptyCounts() {
        let counts = PersonalDataDetector().counts(in: ["geen", "niets"])
        #expect(counts.description == "0 of 2 with personal data")
    }
}

/// Hostile and random input: the scanner never traps and its matches are always consistent.
@Suite struct RobustnessTests {
    /// A fixed-seed generator, so a failure reproduces.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func matchesAreOrderedDisjointAndQuoteTheText() {
        // Fragments that start matches, cut at random places and glued together.
        let pieces = [
            "0", "06", "+31", "0031", "(0)", "(", ")", "-", ".", " ", "\u{A0}", "/", ":", ",", "@", "x@y.nl",
            "NL91", "ABNA", "0417", "1643", "00", "1234", "AB", "12", "bsn ", "klantnummer ", "mijn inkomen ",
            "€", "é", "😀", "\n", "123456782", "1234.56.782", "a", "Z", "9",
            // Escapes and characters the normalisation decodes, drops or maps.
            "\\u0040", "\\", "\\u", "\\uD83D\\uDE00", "&#64;", "&#", "&", "&shy;", "&nbsp", "%40", "%", "\u{200B}",
            "\u{2011}", "\u{AD}", "＠", "０", "\u{202E}", "ä", "xn--",
        ]
        var generator = SplitMix(state: 2012)
        for _ in 0..<3000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = (0..<length).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
            for detector in [PersonalDataDetector.publishedOutput, .freeText] {
                let matches = detector.matches(in: text)
                let utf8 = Array(text.utf8)
                var previousEnd = 0
                for match in matches {
                    #expect(match.utf8Offsets.lowerBound >= previousEnd, "overlap in \(text.debugDescription)")
                    #expect(match.utf8Offsets.upperBound <= utf8.count)
                    #expect(!match.text.isEmpty)
                    #expect(Array(match.text.utf8) == Array(utf8[match.utf8Offsets]))
                    previousEnd = match.utf8Offsets.upperBound
                }
            }
        }
    }

    @Test func invalidUTF8AndBinaryBytesAreScannedWithoutTrapping() {
        var generator = SplitMix(state: 13616)
        var bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        bytes += Array(" x@y.nl ".utf8) + [0xFF, 0xC2] + Array("06-12345678".utf8)
        let findings = PersonalDataDetector().findings(in: Data(bytes), path: "random.bin")
        #expect(findings.suffix(2).map(\.kind) == [.email, .phone])
    }
}

@Suite struct AllowListTests {
    @Test func allowedMatchesAreNotReportedInAnyNotation() {
        let footer = "Contact: Info@Meetlat.nl, 0229 252 200. Of mail jan@hoorn.nl, 0229-252201."
        let detector = PersonalDataDetector(allowed: ["info@meetlat.nl", "0229-252200"])
        #expect(detector.matches(in: footer).map(\.text) == ["jan@hoorn.nl", "0229-252201"])
        #expect(found(footer).count == 4)
    }
}
