import Foundation
import Testing
@testable import TableFiles
import TestFixtures

@Suite struct CSVReaderTests {
    private func fields(_ result: (records: [CSVRecord], summary: CSVSummary?, error: Error?)) -> [[String]] {
        result.records.map(\.fields)
    }

    private func csvError(_ result: (records: [CSVRecord], summary: CSVSummary?, error: Error?)) -> CSVError? {
        result.error as? CSVError
    }

    // MARK: Delimiters, BOM, line ends

    @Test func detectsCommaAndSemicolonFromTheHeaderOutsideQuotes() throws {
        let folder = try ScratchFolder()
        // The quoted header name holds semicolons, but only commas separate fields.
        try folder.write("comma.csv", "\"a;b;c\",d,e\n1,2;3,4\n")
        try folder.write("semicolon.csv", "\"a,b,c\";d;\"e, f\"\n1;2,5;4\n")
        let comma = folder.readCSV("comma.csv")
        #expect(comma.summary?.format.delimiter == .comma)
        #expect(fields(comma) == [["a;b;c", "d", "e"], ["1", "2;3", "4"]])
        let semicolon = folder.readCSV("semicolon.csv")
        #expect(semicolon.summary?.format.delimiter == .semicolon)
        #expect(fields(semicolon) == [["a,b,c", "d", "e, f"], ["1", "2,5", "4"]])
    }

    @Test func aFixedDelimiterOverridesDetection() throws {
        let folder = try ScratchFolder()
        try folder.write("f.csv", "a;b,c;d\n1;2,3;4\n")
        let detected = folder.readCSV("f.csv")
        #expect(fields(detected).first == ["a", "b,c", "d"])
        let fixed = folder.readCSV("f.csv", options: .init(delimiter: .comma))
        #expect(fields(fixed).first == ["a;b", "c;d"])
        #expect(fixed.summary?.format.delimiterDetected == false)
    }

    @Test func byteOrderMarkIsSkippedAndMeansUTF8() throws {
        let folder = try ScratchFolder()
        try folder.write("bom.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("naam,plaats\nJosé,Súdwest-Fryslân\n".utf8))
        let result = folder.readCSV("bom.csv")
        #expect(fields(result) == [["naam", "plaats"], ["José", "Súdwest-Fryslân"]])
        #expect(result.summary?.format.byteOrderMark == true)
        #expect(result.summary?.format.encoding == .utf8)
        #expect(result.summary?.format.encodingDescription == "utf-8 with BOM (detected)")
    }

    @Test func crlfAndLfGiveTheSameRecordsAndRowNumbers() throws {
        let folder = try ScratchFolder()
        try folder.write("lf.csv", "a;b\n1;2\n\n3;4\n")
        try folder.write("crlf.csv", "a;b\r\n1;2\r\n\r\n3;4\r\n")
        let lf = folder.readCSV("lf.csv")
        let crlf = folder.readCSV("crlf.csv")
        #expect(fields(lf) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(fields(crlf) == fields(lf))
        // The blank line is row 3, as a spreadsheet shows it.
        #expect(lf.records.map(\.row) == [1, 2, 4])
        #expect(crlf.records.map(\.row) == [1, 2, 4])
        #expect(crlf.summary?.blankRows == [3])
        #expect(lf.summary?.blankRows == [3])
    }

    @Test func quotedFieldsKeepDelimitersDoubledQuotesAndLineBreaksWithinOneRow() throws {
        let folder = try ScratchFolder()
        try folder.write("q.csv", "naam;opmerking;n\r\nA;\"zegt \"\"ja\"\"; of nee\r\ntweede regel\nderde\";1\r\nB;gewoon;2\r\n")
        let result = folder.readCSV("q.csv")
        #expect(fields(result) == [
            ["naam", "opmerking", "n"],
            ["A", "zegt \"ja\"; of nee\r\ntweede regel\nderde", "1"],
            ["B", "gewoon", "2"],
        ])
        // Row B is on line 5 of the file but is row 3: the multi-line field stays in row 2.
        #expect(result.records.map(\.row) == [1, 2, 3])
    }

    // MARK: Encodings

    @Test func windows1252IsDetectedAndDecoded() throws {
        let folder = try ScratchFolder()
        let text = "gemeente;opmerking\nSúdwest-Fryslân;café ’s avonds € 5, ideeën, reünie, Düsseldorf\n"
        try folder.write("w.csv", bytes: windows1252(text))
        let result = folder.readCSV("w.csv")
        #expect(result.summary?.format.encoding == .windows1252)
        #expect(result.summary?.format.encodingDescription == "windows-1252 (detected)")
        #expect(fields(result)[1] == ["Súdwest-Fryslân", "café ’s avonds € 5, ideeën, reünie, Düsseldorf"])
    }

    @Test func validUTF8IsReadAsUTF8() throws {
        let folder = try ScratchFolder()
        try folder.write("u.csv", "a,b\nSúdwest-Fryslân,€ ’\n")
        let result = folder.readCSV("u.csv")
        #expect(result.summary?.format.encoding == .utf8)
        #expect(fields(result)[1] == ["Súdwest-Fryslân", "€ ’"])
    }

    @Test func bytesUndefinedInWindows1252AreAnErrorNamingRowAndColumn() throws {
        let folder = try ScratchFolder()
        try folder.write("x.csv", bytes: Array("naam;opmerking\nA;ok\nB;caf".utf8) + [0xE9, 0x81] + Array("\n".utf8))
        let error = try #require(csvError(folder.readCSV("x.csv")))
        #expect(error.kind == .invalidBytes(byte: 0x81, encoding: .windows1252, mixed: false))
        #expect(error.row == 3)
        #expect(error.column == 2)
        #expect(error.description == "x.csv, row 3, column 2 (\"opmerking\"): byte 0x81 is not a character in Windows-1252 and the file is not UTF-8 either; expected text saved as CSV UTF-8 or by Excel as CSV")
    }

    @Test func utf8WithAForeignByteIsAnErrorNotMojibake() throws {
        let folder = try ScratchFolder()
        // Valid UTF-8 "é" in row 2, a Windows-1252 "é" (0xE9) in row 3: reading the whole file as
        // Windows-1252 would turn row 2 into "cafÃ©".
        try folder.write("m.csv", bytes: Array("a,b\nx,café\ny,caf".utf8) + [0xE9] + Array("\n".utf8))
        let error = try #require(csvError(folder.readCSV("m.csv")))
        #expect(error.kind == .invalidBytes(byte: 0xE9, encoding: .utf8, mixed: true))
        #expect(error.row == 3 && error.column == 2)
        #expect(error.description.contains("two encodings mixed"))
    }

    @Test func aFixedEncodingIsHonoured() throws {
        let folder = try ScratchFolder()
        try folder.write("w.csv", bytes: windows1252("a,b\nx,café\n"))
        let fixedUTF8 = try #require(csvError(folder.readCSV("w.csv", options: .init(encoding: .utf8))))
        #expect(fixedUTF8.kind == .invalidBytes(byte: 0xE9, encoding: .utf8, mixed: false))
        #expect(fixedUTF8.row == 2 && fixedUTF8.column == 2)
        let fixed1252 = folder.readCSV("w.csv", options: .init(encoding: .windows1252))
        #expect(fields(fixed1252)[1] == ["x", "café"])
        #expect(fixed1252.summary?.format.encodingDescription == "windows-1252")
    }

    @Test func aCharacterSplitAcrossReadChunksIsReadWhole() throws {
        let folder = try ScratchFolder()
        // Put a two-byte "é" exactly on the 1 MB chunk boundary of the reader.
        let header = "a,b\n"
        let padding = String(repeating: "x", count: FileBytes.chunkSize - header.utf8.count - 3)
        try folder.write("big.csv", header + "1," + padding + "é,\n2,ü\n".replacingOccurrences(of: ",\n", with: "\n"))
        let result = folder.readCSV("big.csv")
        #expect(result.error == nil)
        #expect(result.summary?.format.encoding == .utf8)
        #expect(result.records.count == 3)
        #expect(result.records[1].fields[1].hasSuffix("xé"))
        #expect(result.records[2].fields == ["2", "ü"])
    }

    // MARK: Malformed files

    @Test func unterminatedQuoteNamesWhereTheQuoteOpened() throws {
        let folder = try ScratchFolder()
        try folder.write("u.csv", "naam;opmerking;n\nA;\"goed\";1\nB;\"nooit\ngesloten;2\nC;x;3\n")
        let error = try #require(csvError(folder.readCSV("u.csv")))
        #expect(error.kind == .unterminatedQuote(line: 3, offset: 30))
        #expect(error.row == 3)
        #expect(error.column == 2)
        #expect(error.columnName == "opmerking")
        #expect(error.description == "u.csv, row 3, column 2 (\"opmerking\"): a quoted field opened on line 3 of the file (byte 30) is never closed; expected a closing \" before the end of the file")
    }

    @Test func strayQuoteIsOneClearError() throws {
        let folder = try ScratchFolder()
        try folder.write("s.csv", "a,b\n1,\"x\"y\n2,3\n")
        let error = try #require(csvError(folder.readCSV("s.csv")))
        #expect(error.kind == .strayQuote(line: 2, offset: 9, found: UInt8(ascii: "y")))
        #expect(error.row == 2 && error.column == 2)
    }

    @Test func emptyFilesAreAnError() throws {
        let folder = try ScratchFolder()
        try folder.write("empty.csv", "")
        try folder.write("bom-only.csv", bytes: [0xEF, 0xBB, 0xBF])
        try folder.write("blank.csv", "\r\n  \r\n\n")
        for name in ["empty.csv", "bom-only.csv", "blank.csv"] {
            let error = try #require(csvError(folder.readCSV(name)))
            #expect(error.kind == .empty, "\(name)")
            #expect(error.description == "\(name): the file is empty; expected a header row followed by one row per answer")
        }
    }

    @Test func utf16AndTabSeparatedFilesAreRecognised() throws {
        let folder = try ScratchFolder()
        try folder.write("u16.csv", bytes: [0xFF, 0xFE, 0x61, 0x00])
        try folder.write("tabs.csv", "a\tb\n1\t2\n")
        #expect(csvError(folder.readCSV("u16.csv"))?.kind == .utf16)
        #expect(csvError(folder.readCSV("tabs.csv"))?.kind == .tabSeparated)
    }

    @Test func aTenMegabyteFieldIsRead() throws {
        let folder = try ScratchFolder()
        let big = String(repeating: "lang verhaal; ", count: 10 * (1 << 20) / 14)
        try folder.write("big.csv", "naam;opmerking\nA;\"\(big)\"\nB;kort\n")
        let result = folder.readCSV("big.csv")
        #expect(result.error == nil)
        #expect(result.records.count == 3)
        #expect(result.records[1].fields[1].utf8.count == big.utf8.count)
        #expect(result.records[2].fields == ["B", "kort"])
    }

    @Test func aFieldBeyondTheLimitStopsWithAClearError() throws {
        let folder = try ScratchFolder()
        // An unclosed quote swallows the rest of the file into one field: stop at the limit.
        let rest = String(repeating: "x;y\n", count: (3 << 20) / 4)
        try folder.write("runaway.csv", "a;b\n1;\"open\n" + rest)
        let error = try #require(csvError(folder.readCSV("runaway.csv", options: .init(maximumFieldBytes: 1 << 20))))
        #expect(error.kind == .fieldTooLarge(limit: 1 << 20))
        #expect(error.row == 2 && error.column == 2)
        #expect(error.description.contains("larger than 1 MB; a quote is probably not closed"))
    }

    /// Issue 19, item 13: a header of millions of fields (1.28 GB of warnings before, and memory
    /// for each field) stops the read at the limit with one message.
    @Test func aRowOfMillionsOfFieldsStopsWithAClearError() throws {
        let folder = try ScratchFolder()
        try folder.write("wide.csv", "Gemeente" + String(repeating: ";k", count: 2_000_000) + "\nHoorn\n")
        let error = try #require(csvError(folder.readCSV("wide.csv")))
        #expect(error.kind == .tooManyFields(limit: 100_000))
        #expect(error.row == 1 && error.column == 100_001)
        #expect(error.description == "wide.csv, row 1, column 100001: the row has more than 100000 fields, while a spreadsheet holds "
                + "at most 16384 columns; expected a survey export separated by \",\" or \";\"")
        // At the limit the row is read.
        try folder.write("limit.csv", "Gemeente" + String(repeating: ";k", count: 99_999) + "\nHoorn\n")
        #expect(csvError(folder.readCSV("limit.csv")) == nil)
    }

    @Test func errorsThrownByTheConsumerStopTheReadUnchanged() throws {
        struct Stop: Error {}
        let folder = try ScratchFolder()
        try folder.write("f.csv", "a\n1\n2\n3\n")
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try CSVReader(url: folder.url.appendingPathComponent("f.csv")).read { record in
                seen.append(record.row)
                if record.row == 2 { throw Stop() }
            }
        }
        #expect(seen == [1, 2])
    }
}
