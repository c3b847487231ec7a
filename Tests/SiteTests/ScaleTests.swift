import Foundation
import Scoring
import Testing
@testable import Site

/// The site at the scale of a long-running survey: 14 years × 400 gemeenten (every year the
/// reference has inhabitants for). Slow to set up, so only run on request:
///
///     MEETLAT_SITE_ARCHIVE=/tmp/archive swift test -c release --filter ScaleTests
///
/// It checks the structure at that scale, not the speed: speed is measured side by side by
/// `scripts/bench.sh` (Benchmarks/README.md), never by a timed test.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["MEETLAT_SITE_ARCHIVE"] != nil))
struct ScaleTests {
    static let years = Array(2011...2024)

    @Test func fourteenYearsOfFourHundredGemeenten() throws {
        let root = URL(fileURLWithPath: ProcessInfo.processInfo.environment["MEETLAT_SITE_ARCHIVE"] ?? "")
        let archive: SyntheticArchive
        if FileManager.default.fileExists(atPath: root.appendingPathComponent("Statistics/2024.json").path) {
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
    }
}
