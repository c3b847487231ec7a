import Foundation
import Testing
@testable import TableFiles
import TestFixtures

@Suite struct XLSXReaderTests {
    private func read(_ name: String, sheet: String? = nil, limits: TableLimits = .init()) throws -> (header: TableHeader, rows: [TableRow], summary: TableSummary) {
        try TableFile.reader(for: try Fixtures.url("units/\(name)"), displayName: name,
                             options: .init(sheet: sheet, limits: limits)).readAll()
    }

    @Test func readsEveryKindOfCellFromANamedSheetUnderATitleRow() throws {
        for (name, system, early) in [("cells.xlsx", "1900 date system", "1900-01-01T00:00:00"),
                                      ("cells-1904.xlsx", "1904 date system", "1904-01-02T00:00:00")] {
            let table = try read(name, sheet: "antwoorden")
            // Rows 1 and 2 are empty: the header is the first row holding something.
            #expect(table.header.row == 3)
            #expect(table.header.columns.map(\.name) == ["Naam", "Aantal", "Decimaal", "Akkoord", "Ingevuld op", "Tijd", "Aandeel", "Toelichting", "Leeg", "Rijk"])
            #expect(table.summary.details.map(\.value).contains(system))
            let byRow = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.row, $0) })
            let first = try #require(byRow[4])
            #expect(first.cells == ["Hoorn", "1212", "1,212", "1", "2012-05-14T09:31:00", "09:31:00", "25%", "regel één\nregel twee", "", "Vet en gewoon"])
            #expect(first.types == [4: .timestamp])
            let second = try #require(byRow[5])
            // As wide as the header, the empty cells at the end included.
            #expect(second.cells == ["Súdwest-Fryslân", "0", "4,5", "0", early, "23:59:59", "12,5%", "café ’s avonds", "", ""])
            #expect(byRow[6] == nil, "an empty row is not delivered")
            #expect(table.summary.blankRows == [6])
            let fourth = try #require(byRow[7])
            #expect(fourth.cells[0...6] == ["Den Bosch", "-3", "0,000015", "", "2024-02-29T23:59:59", "", "100%"])
            #expect(table.summary.lastRow == 7)
        }
    }

    @Test func theFirstSheetIsReadByDefaultAndAMissingSheetIsNamed() throws {
        let table = try read("cells.xlsx")
        #expect(table.header.columns.map(\.name) == ["Deze werkmap bevat de antwoorden op het tweede blad."])
        #expect(table.rows.isEmpty)
        #expect(throws: TableFileError.self) { try read("cells.xlsx", sheet: "Blad9") }
        do {
            _ = try read("cells.xlsx", sheet: "Blad9")
        } catch {
            #expect("\(error)" == "cells.xlsx: has no sheet named \"Blad9\" (export.sheet); its sheets are \"Toelichting\", \"Antwoorden\"")
        }
    }

    @Test func excelSerialDatesInBothSystems() {
        #expect(ExcelDate.iso8601(serial: 41043.396527777775, date1904: false) == "2012-05-14T09:31:00")
        #expect(ExcelDate.iso8601(serial: 1, date1904: false) == "1900-01-01T00:00:00")
        #expect(ExcelDate.iso8601(serial: 61, date1904: false) == "1900-03-01T00:00:00")
        #expect(ExcelDate.iso8601(serial: 39581.396527777775, date1904: true) == "2012-05-14T09:31:00")
        #expect(ExcelDate.iso8601(serial: -1, date1904: false) == nil)
        #expect(CellStyle.kind(of: "d-m-yyyy h:mm") == .date)
        #expect(CellStyle.kind(of: "[h]:mm:ss") == .time)
        #expect(CellStyle.kind(of: "0.0%") == .percentage)
        #expect(CellStyle.kind(of: "\"dag\" 0") == .general)
        #expect(CellStyle.kind(of: "[Red]#,##0;[Blue]-#,##0") == .general)
        #expect(CellText.number(1.212) == "1,212")
        #expect(CellText.number(1e21) == "1000000000000000000000")
        #expect(CellText.number(-2.5e-7) == "-0,00000025")
        #expect(OOXMLText.decode(Array("a_x000D_\nb_x005F_x".utf8)) == "a\r\nb_x")
    }

    @Test func aDamagedOrHostileWorkbookGivesOneMessage() throws {
        let folder = try ScratchFolder()
        let bytes = try [UInt8](Data(contentsOf: try Fixtures.url("units/cells.xlsx")))
        // Cut off while copying: the ZIP directory at the end is gone.
        try folder.write("cut.xlsx", bytes: Array(bytes.prefix(bytes.count / 2)))
        #expect(throws: TableFileError(file: "cut.xlsx", problem: "not an XLSX file (no ZIP archive; an XLSX file is one): the file is damaged or cut off, or has the wrong extension")) {
            try folder.readTable("cut.xlsx")
        }
        try folder.write("text.xlsx", "Naam;Aantal\n")
        #expect(throws: TableFileError.self) { try folder.readTable("text.xlsx") }
        try folder.write("empty.xlsx", bytes: [])
        #expect(throws: TableFileError.self) { try folder.readTable("empty.xlsx") }

        // A sheet of 11 MB of empty cells in a small package: refused by the ratio once past the floor.
        let bomb = try #require(throws: TableFileError.self) {
            try read("bomb.xlsx", sheet: "Antwoorden", limits: TableLimits(ratioFloorBytes: 1 << 20))
        }
        #expect(bomb.description.contains("refusing it as a zip bomb"), "\(bomb)")
        // With the default limits it is read: 11 MB is below the floor.
        #expect(try read("bomb.xlsx", sheet: "Antwoorden").header.columns.map(\.name) == ["Naam"])

        // A cell of 1 GB (1 MB compressed): libxml2's bound on one piece of text stops it at
        // 10 MB, named by row and column (TableLimits.maximumCellBytes bounds a cell made of
        // several pieces).
        let huge = try #require(throws: TableFileError.self) { try read("huge-cell.xlsx", sheet: "Antwoorden") }
        #expect(huge.description == "huge-cell.xlsx, sheet \"Antwoorden\", row 2, column A: a cell or string holds more than 10 MB of text; no survey answer is that long")
    }

    @Test func formatsAreChosenByExtension() throws {
        #expect(try TableFile.format(ofFileNamed: "a.XLSX").get() == .xlsx)
        #expect(try TableFile.format(ofFileNamed: "a.zsav").get() == .sav)
        #expect(try TableFile.format(ofFileNamed: "a.csv").get() == .csv)
        #expect(throws: TableFileError.self) { try TableFile.format(ofFileNamed: "a.xls").get() }
        #expect(throws: TableFileError.self) { try TableFile.format(ofFileNamed: "a").get() }
    }
}
