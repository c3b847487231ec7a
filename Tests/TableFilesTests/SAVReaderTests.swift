import Foundation
import Testing
@testable import TableFiles
import TestFixtures

@Suite struct SAVReaderTests {
    @Test func variablesValueLabelsMissingValuesAndDates() throws {
        for name in ["labels.sav", "labels.zsav"] {
            let table = try TableFile.reader(for: try Fixtures.url("units/\(name)"), displayName: name).readAll()
            #expect(table.header.row == nil)
            #expect(table.header.columns.map(\.name) == ["gemeente", "q1", "q2", "volgers", "ingevuld", "datum", "tijd", "kanaal", "toelichting"])
            #expect(table.header.columns[1].label == "Hoe vaak informeert u burgers?")
            #expect(table.rows.map(\.row) == [1, 2, 3, 4], "cases are numbered as SPSS numbers them")
            #expect(table.rows[0].cells == ["Hoorn", "Vaak", "Ja", "1212", "2012-05-14T09:31:00", "2012-05-14T00:00:00", "09:31:00",
                                            "Twitter", String(repeating: "lang ", count: 100).trimmingCharacters(in: .whitespaces)])
            #expect(table.rows[0].types == [4: .timestamp, 5: .timestamp])
            // 9 "Weet ik niet" is user-missing: an empty cell typed missing; a value without a
            // label reads as its number.
            #expect(table.rows[1].cells == ["Súdwest-Fryslân", "", "Nee", "4,5", "1999-12-31T23:59:59", "2000-01-01T00:00:00", "00:00:01",
                                            "Facebook", "regel één\nregel twee"])
            #expect(table.rows[1].type(at: 1) == .missing)
            #expect(table.rows[2].cells[1...3] == ["", "7", ""])
            #expect(table.rows[2].type(at: 1) == .missing && table.rows[2].type(at: 3) == .missing, "system-missing")
            #expect(table.rows[2].cells[7] == "XX", "a string value without a label stays itself")
            #expect(table.rows[3].cells[3] == "0,000015")
            #expect(table.summary.details.first?.value == "9", "variables")
        }
    }

    @Test func aDamagedFileGivesOneMessage() throws {
        let folder = try ScratchFolder()
        let bytes = try [UInt8](Data(contentsOf: try Fixtures.url("units/labels.sav")))
        try folder.write("cut.sav", bytes: Array(bytes.prefix(bytes.count * 2 / 3)))
        let cut = try #require(throws: TableFileError.self) { try folder.readTable("cut.sav") }
        #expect(cut.description.hasPrefix("cut.sav: "), "\(cut)")
        var flipped = bytes
        for index in stride(from: 64, to: min(flipped.count, 600), by: 7) { flipped[index] ^= 0x5A }
        try folder.write("flipped.sav", bytes: flipped)
        #expect(throws: (any Error).self) { try folder.readTable("flipped.sav") }
        try folder.write("text.sav", "Naam;Aantal\nHoorn;1\n")
        let text = try #require(throws: TableFileError.self) { try folder.readTable("text.sav") }
        #expect(text.description.contains("not a readable SPSS file"), "\(text)")
        let missing = try #require(throws: TableFileError.self) { try folder.readTable("absent.sav") }
        #expect(missing.description == "absent.sav: cannot open the file: the file does not exist")
    }
}
