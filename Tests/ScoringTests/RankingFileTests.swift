import Foundation
import Scoring
import Testing

/// The editions of a rankings folder: the `<year>.json` files, nothing else that lies beside them.
struct RankingFileTests {
    @Test func yearsAreTheYearFilesAscending() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rankingfile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["2013.json", "2011.json", "2012.csv", "2012-answers.json", "notes.json", "abcd.json", "20131.json"] {
            try Data("{}".utf8).write(to: folder.appendingPathComponent(name))
        }
        #expect(RankingFile.years(in: folder) == [2011, 2013])
        #expect(RankingFile.years(in: folder.appendingPathComponent("none")) == nil)
    }
}
