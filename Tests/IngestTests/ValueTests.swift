import Core
import Testing
@testable import Ingest
import TableFiles

@Suite struct DutchNumberTests {
    @Test(arguments: [
        ("1.212", 1212.0), ("4,19", 4.19), ("1.212,5", 1212.5), ("12.345.678", 12_345_678),
        ("0", 0), ("300", 300), ("1,212", 1.212), ("1,212.5", 1212.5), ("10 000", 10_000),
        ("25%", 25), ("25 %", 25), ("geen", 0), (" 71703 ", 71_703), (",5", 0.5),
        // A dot that cannot group thousands is a decimal point.
        ("1.5", 1.5), ("4.19", 4.19), ("0.500", 0.5), ("1234.567", 1234.567), ("1.2125", 1.2125),
        // Read digit by digit, yet the same double as the decimal literal, also past 15 digits
        // (2^53 + 1 rounds to 2^53, as Double("9007199254740993") does).
        ("1.212,55", 1212.55), ("0,1", 0.1), ("0,3", 0.3), ("2,675", 2.675), ("123.456.789,012345", 123_456_789.012345),
        ("123456789012345,6", 123_456_789_012_345.6), ("9.007.199.254.740.993", 9_007_199_254_740_992),
        ("0,12345678901234567", 0.12345678901234567), ("-4,19", -4.19), ("1 234,5", 1234.5),
    ])
    func exactNumbers(text: String, value: Double) {
        #expect(DutchNumber.read(text) == .value(value, approximate: false))
    }

    @Test(arguments: [
        ("ca. 300", 300.0), ("ca 300", 300), ("Ca. 1.200", 1200), ("circa 300", 300), ("± 250", 250), ("±250", 250),
        ("+/- 250", 250), ("+- 250", 250), ("~250", 250), ("300+", 300), ("300 +", 300), (">300", 300),
        ("> 300", 300), ("meer dan 300", 300), ("ongeveer 4,5", 4.5), ("plm. 20", 20),
        ("200-300", 250), ("200 - 300", 250), ("200 tot 300", 250), ("ca. 1.000-2.000", 1500),
    ])
    func approximateNumbersKeepTheirValue(text: String, value: Double) {
        #expect(DutchNumber.read(text) == .value(value, approximate: true))
    }

    @Test(arguments: ["", "   ", "onbekend", "Onbekend", "n.v.t.", "N.V.T.", "nvt", "weet niet", "Weet  niet", "-", "n.b."])
    func missingIsNotZero(text: String) {
        #expect(DutchNumber.read(text) == .missing)
    }

    @Test func extraMissingLabelsFromTheMapping() {
        #expect(DutchNumber.read("Geen idee", extraMissing: ["geen idee"]) == .missing)
        #expect(DutchNumber.read("Geen idee") == .invalid)
        // A code such as 999 for "no answer" is missing, not the number 999.
        #expect(DutchNumber.read("999", extraMissing: ["999"]) == .missing)
        #expect(DutchNumber.read("9,99", extraMissing: ["9,99"]) == .missing)
        #expect(DutchNumber.read("999", extraMissing: ["99"]) == .value(999, approximate: false))
    }

    @Test(arguments: ["veel", "1.2.3", "12,34,5", "1.212.5,0,1", "3 00", "ca.", "300-200", "abc123", "1,2.3,4", "1.2345.678", "4,19,"])
    func garbageIsInvalid(text: String) {
        #expect(DutchNumber.read(text) == .invalid)
    }

    /// A phone number in a count column must not become 612 million followers or, as a "range",
    /// 43 million: a whole part that starts with 0 and has more digits is no count.
    @Test(arguments: ["0612345678", "06-87654321", "06 - 87654321", "020-5551234", "0031612345678", "ca. 0612345678", "00", "007"])
    func phoneNumbersAreNotCounts(text: String) {
        #expect(DutchNumber.read(text) == .invalid)
    }

    @Test(arguments: [("0", 0.0), ("0,5", 0.5), ("0.500", 0.5), ("0,0", 0), ("10 000", 10_000), ("0 - 10", 5)])
    func aLoneZeroIsStillANumber(text: String, value: Double) {
        let reading = DutchNumber.read(text)
        #expect(reading == .value(value, approximate: false) || reading == .value(value, approximate: true))
    }
}

@Suite struct TimestampPatternTests {
    @Test func patternsTheMappingAllows() throws {
        let dutch = try TimestampPattern("dd-MM-yyyy HH:mm[:ss]")
        #expect(dutch.iso8601("14-05-2012 09:31") == "2012-05-14T09:31:00")
        #expect(dutch.iso8601("14-05-2012 09:31:07") == "2012-05-14T09:31:07")
        #expect(dutch.iso8601(" 14-05-2012 09:31 ") == "2012-05-14T09:31:00")
        #expect(dutch.iso8601("14-5-2012 09:31") == nil)

        let iso = try TimestampPattern("yyyy-MM-dd HH:mm:ss")
        #expect(iso.iso8601("2012-05-14 09:31:00") == "2012-05-14T09:31:00")
        #expect(iso.iso8601("2012-05-14 09:31") == nil)

        let short = try TimestampPattern("d/M/yyyy H:mm")
        #expect(short.iso8601("4/5/2012 9:05") == "2012-05-04T09:05:00")
        #expect(short.iso8601("14/12/2012 23:59") == "2012-12-14T23:59:00")

        let quoted = try TimestampPattern("yyyy-MM-dd'T'HH:mm")
        #expect(quoted.iso8601("2013-01-02T03:04") == "2013-01-02T03:04:00")
    }

    @Test func impossibleDatesAndTimesDoNotParse() throws {
        let pattern = try TimestampPattern("dd-MM-yyyy HH:mm")
        #expect(pattern.iso8601("31-02-2012 10:00") == nil)
        #expect(pattern.iso8601("29-02-2012 10:00") == "2012-02-29T10:00:00")
        #expect(pattern.iso8601("29-02-2013 10:00") == nil)
        #expect(pattern.iso8601("14-13-2012 10:00") == nil)
        #expect(pattern.iso8601("14-05-2012 24:00") == nil)
        #expect(pattern.iso8601("gisteren") == nil)
    }

    @Test func unsupportedPatternsAreRejectedWithTheSupportedLetters() {
        #expect(throws: TimestampPattern.PatternError.self) { try TimestampPattern("dd-MMM-yyyy") }
        #expect(throws: TimestampPattern.PatternError.self) { try TimestampPattern("HH:mm") }
        #expect(throws: TimestampPattern.PatternError.self) { try TimestampPattern("dd-MM-yyyy [HH:mm") }
        do {
            _ = try TimestampPattern("dd-MM-yyyy hh:mm a")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("timestamp format \"dd-MM-yyyy hh:mm a\": \"hh\" is not supported; supported: yyyy"))
        }
    }
}

@Suite struct TextFoldingTests {
    @Test(arguments: [
        ("'s-Hertogenbosch", "s hertogenbosch"), ("s-Hertogenbosch", "s hertogenbosch"),
        ("’s-Hertogenbosch", "s hertogenbosch"), ("Súdwest-Fryslân", "sudwest fryslan"),
        ("Sudwest Fryslan", "sudwest fryslan"), ("Gemeente Hoorn", "hoorn"), ("gemeente  hoorn", "hoorn"),
        ("HOORN ", "hoorn"), ("  Hoorn\t", "hoorn"), ("Bergen (NH.)", "bergen nh"), ("Bergen N.H.", "bergen nh"),
        ("Nuenen, Gerwen en Nederwetten", "nuenen gerwen en nederwetten"), ("Ĳsselstein", "ijsselstein"),
        ("Gemeente", "gemeente"), ("", ""), (" - ", ""),
    ])
    func gemeenteNames(text: String, folded: String) {
        #expect(TextFolding.gemeenteName(text) == folded)
    }

    @Test func labelsIgnoreCaseAndSpacesButNotAccents() {
        #expect(TextFolding.label("  Regelmatig   tot VAAK ") == "regelmatig tot vaak")
        #expect(TextFolding.label("n.v.t.") == "n.v.t.")
        #expect(TextFolding.label("N.V.T.") == "n.v.t.")
        #expect(TextFolding.label("weet\tniet") == "weet niet")
        #expect(TextFolding.label("onbekend\r\n") == "onbekend")
        #expect(TextFolding.label("Reünie") != TextFolding.label("Reunie"))
    }

    @Test func editDistance() {
        #expect(TextFolding.editDistance("hoorn", "hoorm") == 1)
        #expect(TextFolding.editDistance("", "abc") == 3)
        #expect(TextFolding.editDistance("kitten", "sitting") == 3)
    }
}

@Suite struct FieldValueDescriptionTests {
    /// The one description that scoring's and statistics' wrong-type messages quote.
    @Test(arguments: [
        (FieldValue.number(1212.5, approximate: false), "the number 1212.5"),
        (.number(300, approximate: true), "the number 300 (approximate)"),
        (.number(-4, approximate: false), "the number -4"),
        (.choice("vaak"), "the choice 'vaak'"),
        (.selection(["twitter", "facebook"]), "the selection {facebook, twitter}"),
        (.selection([]), "an empty selection"),
        (.missing, "no answer"),
    ])
    func describesTheAnswerAndItsKind(value: FieldValue, text: String) {
        #expect(value.description == text)
        #expect("\(value)" == text)
    }
}
