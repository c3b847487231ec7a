import Core
import Foundation
import Support
import Testing
@testable import Ingest

/// `Statistics/reference.json` is the reference as the site and `meetlat compare` know it: it must
/// read back to exactly the reference the CSV files give.
@Suite struct ReferenceFileTests {
    static let surveys = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Surveys")

    @Test func theRepositoryReferenceReadsBackExactly() throws {
        let reference = try SurveyFolder(Self.surveys).reference()
        let folder = try TestFolder()
        let json = try ReferenceFile.json(reference)
        try json.write(to: ReferenceFile.url(statistics: folder.url))
        let read = try ReferenceFile.load(statistics: folder.url)
        #expect(read == reference)
        #expect(read.inhabitantsIsEstimate(of: "GM0003", in: 2011) && !read.inhabitantsIsEstimate(of: "GM0003", in: 2012))
        #expect(read.predecessors(of: "GM1911").count == 4)
        #expect(try ReferenceFile.json(read) == json)

        // One gemeente per line, so a change to one gemeente is a one-line change.
        let lines = String(decoding: json, as: UTF8.self).split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("{\"aliases\":") }.count == reference.gemeenten.count)
        let bosch = try #require(lines.first { $0.contains("\"code\":\"GM0796\"") })
        #expect(bosch.contains("\"Den Bosch\""))
        #expect(bosch.contains("\"name\":\"'s-Hertogenbosch\""))
    }

    @Test func aYearThatIsNotAYearIsNamed() throws {
        let folder = try TestFolder()
        try folder.write("reference.json", """
            {"gemeenten": [{"aliases":[],"code":"GM0405","firstYear":1970,"inhabitants":{"20x2":{"count":1}},"name":"Hoorn","province":"Noord-Holland"}],
             "sizeClasses": []}
            """)
        let error = #expect(throws: DataFileError.self) { try ReferenceFile.load(statistics: folder.url) }
        #expect(error?.description == "\(folder.url.path)/reference.json: at gemeenten.GM0405.inhabitants: '20x2' is not a year")
    }
}
