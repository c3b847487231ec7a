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

    /// Rounding works on the shortest decimal text of the double, not on its binary value and
    /// not with a nudge: each case below is one the old `+ 1e-9` got wrong or trapped on.
    @Test func fixedRoundsTheDecimalValueHalfUp() {
        // Stored just below the half (8.5499999999999998…, 1.00499999999999989…), written as a half.
        #expect(Rounding.fixed(8.55, decimals: 1) == "8.6")
        #expect(Rounding.fixed(1.005, decimals: 2) == "1.01")
        #expect(Rounding.fixed(-1.005, decimals: 2) == "-1.01")
        // Within 1e-9 below a half, but not a half: the nudge rounded these up.
        #expect(Rounding.fixed(2.4999999995, decimals: 0) == "2")
        #expect(Rounding.fixed(0.0499999999995, decimals: 1) == "0.0")
        // More than 6 decimals, and values beyond integer range, take the digit path.
        #expect(Rounding.fixed(0.123456785, decimals: 8) == "0.12345679")
        #expect(Rounding.fixed(1e20, decimals: 0) == "100000000000000000000")
        #expect(Rounding.fixed(1.5e20, decimals: 2) == "150000000000000000000.00")
        #expect(Rounding.fixed(-9.5e18, decimals: 0) == "-9500000000000000000")
        #expect(Rounding.fixed(1e308, decimals: 1) == "1" + String(repeating: "0", count: 308) + ".0")
        #expect(Rounding.fixed(999_999_999.5, decimals: 0) == "1000000000")
        #expect(Rounding.fixed(9.995, decimals: 2) == "10.00")
        #expect(Rounding.fixed(5e-324, decimals: 2) == "0.00")
        #expect(Rounding.fixed(0.5, decimals: 0) == "1")
        #expect(Rounding.fixed(0.05, decimals: 1) == "0.1")
        #expect(Rounding.fixed(1e-5, decimals: 5) == "0.00001")
    }

    @Test func fixedNeverTrapsOnNotFiniteValues() {
        #expect(Rounding.fixed(.nan, decimals: 1) == "nan")
        #expect(Rounding.fixed(.infinity, decimals: 0) == "inf")
        #expect(Rounding.fixed(-.infinity, decimals: 2) == "-inf")
        #expect(Rounding.halfUp(.nan).isNaN)
        #expect(Rounding.halfUp(1e300, decimals: 2) == 1e300)
    }

    /// The fast path and the digit path agree wherever the fast path answers.
    @Test func bothPathsAgreeOnManyValues() {
        var generator = Xoshiro256StarStar(seed: 18)
        for _ in 0..<20_000 {
            let exponent = Double(Int(generator.nextUnit() * 12) - 4)
            var scale = 1.0
            for _ in 0..<Int(abs(exponent)) { scale *= 10 }
            let value = (generator.nextUnit() - 0.5) * (exponent < 0 ? 1 / scale : scale)
            for decimals in 0...4 {
                let digits = DecimalDigits(value.magnitude).rounded(decimals: decimals).text(negative: value < 0, decimals: decimals)
                #expect(Rounding.fixed(value, decimals: decimals) == digits, "\(value), \(decimals) decimals")
            }
        }
    }
}

/// `Tests/Vectors/dutch-numbers.json`: the same vectors the ROI calculator's script must pass
/// (Tests/Browser/test_roi.py).
@Suite struct DutchNumberTextTests {
    struct Vector: Decodable {
        var text: String
        var value: Double?
        var percent: Bool?
        var euro: Bool?
        var invalid: Bool?
    }

    struct Vectors: Decodable { var vectors: [Vector] }

    static let vectors: [Vector] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Vectors/dutch-numbers.json")
        guard let data = try? Data(contentsOf: url), let decoded = try? JSONDecoder().decode(Vectors.self, from: data) else { return [] }
        return decoded.vectors
    }()

    @Test func theSharedVectorsAreRead() {
        #expect(Self.vectors.count > 60)
        for vector in Self.vectors {
            let reading = DutchNumberText.read(vector.text)
            if vector.invalid == true {
                #expect(reading == nil, "\(vector.text.debugDescription) should be invalid, read \(String(describing: reading))")
            } else {
                let expected = DutchNumberText.Reading(value: vector.value ?? .nan, percent: vector.percent ?? false, euro: vector.euro ?? false)
                #expect(reading == expected, "\(vector.text.debugDescription)")
            }
        }
    }

    @Test func theIssuesExamples() {
        #expect(DutchNumberText.read("12.000")?.value == 12_000)
        #expect(DutchNumberText.read("0,15")?.value == 0.15)
        #expect(DutchNumberText.read("15 %") == .init(value: 15, percent: true))
        #expect(DutchNumberText.read("€ 2.400") == .init(value: 2_400, euro: true))
        #expect(DutchNumberText.read("2.400,50")?.value == 2_400.5)
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
        // Every digit of a large value; not a number is named, never a trap.
        #expect(DutchFormat.decimal(1e21, decimals: 0) == "1.000.000.000.000.000.000.000")
        #expect(DutchFormat.decimal(-1.5e17, decimals: 1) == "-150.000.000.000.000.000,0")
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
