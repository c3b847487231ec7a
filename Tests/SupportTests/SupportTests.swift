import Foundation
import Testing
@testable import Support

@Suite struct RoundingTests {
    @Test func halfUpRoundsHalvesAwayFromZero() {
        #expect(Rounding.halfUp(2.5) == 3)
        #expect(Rounding.halfUp(3.5) == 4)  // banker's rounding would give 4 here and 2 above
        #expect(Rounding.halfUp(8.55, decimals: 1) == 8.6)
        #expect(Rounding.halfUp(-2.5) == -3)
        #expect(Rounding.halfUp(2.4999) == 2)
    }

    @Test func integerPercentRoundsHalfUp() {
        #expect(Rounding.percent(19, of: 221) == 9)   // 8.597 %
        #expect(Rounding.percent(1, of: 8) == 13)     // 12.5 % → 13
        #expect(Rounding.percent(1, of: 0) == nil)
    }

    @Test func fixedTextIsLocaleIndependent() {
        #expect(Rounding.fixed(8.597, decimals: 1) == "8.6")
        #expect(Rounding.fixed(4.19, decimals: 2) == "4.19")
        #expect(Rounding.fixed(-0.04, decimals: 1) == "0.0")
        #expect(Rounding.fixed(3, decimals: 0) == "3")
    }
}

@Suite struct DutchFormatTests {
    @Test func wholeNumbersGroupThousandsWithADot() {
        #expect(DutchFormat.integer(71_703) == "71.703")
        #expect(DutchFormat.integer(-1_234_567) == "-1.234.567")
        #expect(DutchFormat.integer(999) == "999")
        #expect(DutchFormat.integer(0) == "0")
    }

    @Test func decimalsUseACommaAndRoundHalfUp() {
        #expect(DutchFormat.decimal(1234.55, decimals: 1) == "1.234,6")
        #expect(DutchFormat.decimal(2.9984, decimals: 3) == "2,998")
        #expect(DutchFormat.decimal(5.7, decimals: 2) == "5,70")
        #expect(DutchFormat.decimal(-1234.5, decimals: 0) == "-1.235")
        #expect(DutchFormat.decimal(-0.04, decimals: 1) == "0,0")
        #expect(DutchFormat.percent(8.55, decimals: 1) == "8,6 %")
        // Too large to round in integers, or not a number: written as is rather than trapping.
        #expect(DutchFormat.decimal(1e300, decimals: 2) == "1e+300")
        #expect(DutchFormat.decimal(.nan, decimals: 2) == "nan")
    }

    @Test func numbersAsGivenDropTrailingZeros() {
        #expect(DutchFormat.number(1212) == "1.212")
        #expect(DutchFormat.number(4.5) == "4,5")
        #expect(DutchFormat.number(4.001) == "4")
        #expect(DutchFormat.number(0.35, maximumDecimals: 4) == "0,35")
        #expect(DutchFormat.number(4.000000000000001) == "4")
        #expect(DutchFormat.number(-2.25, maximumDecimals: 1) == "-2,3")
    }
}

@Suite struct CSVWriterTests {
    @Test func quotesOnlyWhenNeeded() {
        var writer = CSVWriter(header: ["code", "name"])
        writer.append(["GM0796", "'s-Hertogenbosch"])
        writer.append(["GM0001", "a,b \"c\"\nd"])
        #expect(writer.text == "code,name\nGM0796,'s-Hertogenbosch\nGM0001,\"a,b \"\"c\"\"\nd\"\n")
    }

    /// For Dutch Excel: `;` between fields, so a decimal comma needs no quotes and a `;` does.
    @Test func semicolonsForDutchExcel() {
        var writer = CSVWriter(header: ["Gemeente", "Score"], delimiter: .semicolon)
        writer.append(["Bergen (L.)", "97,3"])
        writer.append(["a;b", "1"])
        #expect(writer.text == "Gemeente;Score\nBergen (L.);97,3\n\"a;b\";1\n")
    }

    /// Checked on bytes, not Characters: `\r\n` is one Character (neither `\r` nor `\n`) and a
    /// quote followed by a combining accent is one Character too. A Character-level check wrote
    /// both unquoted, which splits the record or leaves a bare quote in the file.
    @Test func quotesLineBreaksAndQuotesInsideGraphemeClusters() {
        #expect(CSVWriter.escape("regel 1\r\nregel 2") == "\"regel 1\r\nregel 2\"")
        #expect(CSVWriter.escape("x\"\u{301}y") == "\"x\"\"\u{301}y\"")
        #expect(CSVWriter.escape("alleen\r") == "\"alleen\r\"")
        // Text outside ASCII passes through byte for byte, in either normal form.
        #expect(CSVWriter.escape("Súdwest-Fryslân") == "Súdwest-Fryslân")
        #expect(CSVWriter.escape("Frysla\u{302}n").unicodeScalars.map(\.value) == "Frysla\u{302}n".unicodeScalars.map(\.value))
        #expect(CSVWriter.escape("") == "")
        var writer = CSVWriter(header: ["a"])
        writer.append([])
        writer.append(["", ""])
        #expect(writer.text == "a\n\n,\n")
    }

    /// Found by fuzzing ingest: "\r\n" is a single Character, so a remark with a Windows line
    /// break went out unquoted and split its row of rejects.csv in two.
    @Test func quotesWindowsLineBreaks() {
        #expect(CSVWriter.escape("eerste regel\r\ntweede regel") == "\"eerste regel\r\ntweede regel\"")
        #expect(CSVWriter.escape("x\r") == "\"x\r\"")
    }

    /// libcsv trims spaces and tabs around unquoted fields: quoting keeps them.
    @Test func quotesLeadingAndTrailingSpaceOrTab() {
        #expect(CSVWriter.escape(" Hoorn") == "\" Hoorn\"")
        #expect(CSVWriter.escape("Hoorn\t") == "\"Hoorn\t\"")
        #expect(CSVWriter.escape("Den Bosch") == "Den Bosch")
        #expect(CSVWriter.escape("") == "")
    }
}

@Suite struct TextTableTests {
    @Test func alignsNumbersRight() {
        var table = TextTable(header: ["gemeente", "score"], alignments: [.left, .right])
        table.append(["Hoorn", "145"])
        table.append(["Lopik", "99"])
        #expect(table.render() == """
            gemeente  score
            --------  -----
            Hoorn       145
            Lopik        99

            """)
    }
}

@Suite struct JSONValueTests {
    @Test func keysSortedNumbersWithoutLocaleAndFormattedNumbersKept() {
        let document = JSONValue.object([
            "b": .number(1), "a": .array([.number(0.04), .null, .string("x\"y")]),
            "ä": .formatted(Rounding.fixed(8.6, decimals: 2)), "c": .number(.infinity), "d": .object([:]), "e": .array([]),
        ])
        // Unicode scalar order puts "ä" (U+00E4) after every ASCII key; 8.60 keeps its zero.
        #expect(document.text == """
            {
              "a": [
                0.04,
                null,
                "x\\"y"
              ],
              "b": 1,
              "c": null,
              "d": {},
              "e": [],
              "ä": 8.60
            }

            """)
        #expect(JSONValue.string("tab\there\u{1F}").text == "\"tab\\there\\u001f\"\n")
        #expect(JSONValue.number(nil as Double?) == .null)
    }

    @Test func shortestNumberTextReadsBack() {
        #expect(Rounding.shortest(52) == "52")
        #expect(Rounding.shortest(-0.0) == "0")
        #expect(Rounding.shortest(0.6) == "0.6")
        #expect(Rounding.shortest(1e-5) == "1e-05")
        #expect(Double(Rounding.shortest(0.1 + 0.2)) == 0.1 + 0.2)
    }
}
