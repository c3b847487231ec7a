import Foundation
import Scoring
import Testing
@testable import Site

/// The site at the scale of a long-running survey: 14 years × 400 gemeenten (every year the
/// reference has inhabitants for). Slow to set up, so only run on request:
///
///     MEETLAT_SITE_ARCHIVE=/tmp/archive swift test -c release --filter ScaleTests
///
/// The archive is kept in that folder, so `meetlat site --surveys /tmp/archive/Surveys
/// --rankings /tmp/archive/Rankings` can be timed on it afterwards.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MEETLAT_SITE_ARCHIVE"] != nil))
struct ScaleTests {
    static let years = Array(2011...2024)

    @Test func fourteenYearsOfFourHundredGemeenten() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["MEETLAT_SITE_ARCHIVE"] ?? "")
        let archive: SyntheticArchive
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Rankings/2024.json").path) {
            archive = SyntheticArchive(root: root)
        } else {
            try? FileManager.default.removeItem(at: root)
            archive = try SyntheticArchive.make(at: root, years: Self.years, gemeenten: 400)
        }
        let output = root.appendingPathComponent("_site")
        let summary = try SiteBuilder.build(archive.input(), output: output, progress: false)
        #expect(summary.editions == Self.years)
        // One page per ranked gemeente: 400 a year, fewer once mergers left fewer gemeenten (342 in 2024).
        for year in Self.years {
            let ranked = try JSONDecoder().decode(Ranking.self, from: Data(contentsOf: archive.rankings.appendingPathComponent("\(year).json")))
            let pages = try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("\(year)/gemeente").path)
            #expect(pages.count == ranked.entries.count && ranked.entries.count >= 340 && ranked.entries.count <= 400, "\(year)")
        }
        print("scale: \(summary.pages) pages, \(summary.bytes / 1_048_576) MB in \(summary.seconds) s = \(Int(summary.pagesPerSecond)) pages/s; "
              + summary.steps.map { "\($0.name) \($0.seconds)" }.joined(separator: ", "))
        #if !DEBUG
        #expect(summary.pagesPerSecond >= 2_000, "the benchmark requires 2,000 pages per second")
        #endif
    }
}
