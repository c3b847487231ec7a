import Core
import Foundation
import Ingest
import PersonalData
import Scoring
import Support
import Testing
@testable import Site

/// The build as a whole: determinism, editions that stay unchanged, refusing personal data with
/// the previous output intact.
@Suite struct BuildTests {
    @Test func twoBuildsOfTheSameDataAreByteIdentical() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let second = folder.url.appendingPathComponent("again")
        try SiteBuilder.build(shared.archive.input(), output: second, progress: false)
        let first = shared.files, again = snapshot(second)
        #expect(first.count > 100)
        #expect(Set(first.keys) == Set(again.keys))
        let different = first.keys.sorted().filter { first[$0] != again[$0] }
        #expect(different.isEmpty, "differ between two builds: \(different.prefix(5))")
    }

    @Test func anEditionDependsOnlyOnTheDataUpToItsYear() throws {
        let folder = try TemporaryFolder()
        let archive = try SyntheticArchive.make(at: folder.url.appendingPathComponent("archive"), years: [2011, 2012], gemeenten: 40)
        let before = folder.url.appendingPathComponent("before")
        try SiteBuilder.build(archive.input(), output: before, progress: false)

        // A new year arrives: its survey folder and its ranking.
        let later = try SyntheticArchive.make(at: folder.url.appendingPathComponent("later"), years: [2011, 2012, 2013], gemeenten: 40)
        try FileManager.default.copyItem(at: later.surveys.appendingPathComponent("2013"), to: archive.surveys.appendingPathComponent("2013"))
        try archive.score([2013], reference: SurveyFolder(archive.surveys).reference())
        let after = folder.url.appendingPathComponent("after")
        let summary = try SiteBuilder.build(archive.input(), output: after, progress: false)
        #expect(summary.editions == [2011, 2012, 2013])

        let old = snapshot(before), new = snapshot(after)
        for year in ["2011/", "2012/"] {
            let oldEdition = old.filter { $0.key.hasPrefix(year) }, newEdition = new.filter { $0.key.hasPrefix(year) }
            #expect(!oldEdition.isEmpty)
            #expect(Set(oldEdition.keys) == Set(newEdition.keys), "pages added to or removed from edition \(year)")
            // Only the links to the other editions change (and, on the ranking, which editions a
            // gemeente that did not take part took part in).
            let changed = oldEdition.keys.sorted().filter { withoutEditionLinks(oldEdition[$0]) != withoutEditionLinks(newEdition[$0]) }
            #expect(changed.isEmpty, "edition \(year) changed when 2013 was added: \(changed.prefix(5))")
            let linked = newEdition.keys.filter { $0.hasSuffix(".html") && oldEdition[$0] != newEdition[$0] }
            #expect(!linked.isEmpty, "the pages of \(year) link the new edition")
            #expect(String(decoding: new["\(year)index.html"] ?? Data(), as: UTF8.self).contains("De nieuwste editie is die van <a href=\"../2013/index.html\">2013</a>"))
        }
        #expect(new.keys.contains("2013/index.html"))
        // The list of editions on the home page does change.
        #expect(String(decoding: new["index.html"] ?? Data(), as: UTF8.self).contains("Ranglijst 2013"))
    }

    @Test func surveyRemarksAndRespondentsNeverReachTheSite() throws {
        let shared = try SharedSite.get()
        // The planted remark is in the export of every year (first row), with the respondent's
        // name and e-mail address in their own columns.
        let export = try String(contentsOf: shared.archive.surveys.appendingPathComponent("2012/export.csv"), encoding: .utf8)
        #expect(export.contains(SyntheticArchive.plantedEmail) && export.contains("respondent0@gemeente.example"))
        for (path, data) in shared.files {
            let text = String(decoding: data, as: UTF8.self)
            for secret in [SyntheticArchive.plantedEmail, SyntheticArchive.plantedBSN, "respondent0@gemeente.example", "Respondent 0"] {
                #expect(!text.contains(secret), "\(path) contains \(secret)")
            }
        }
        // And the scan of the real build found nothing to refuse.
        #expect(try PersonalDataDetector.publishedOutput.scanFolder(shared.output.path).isClean)
    }

    /// A site source whose template mistakenly prints a survey remark (here: the planted one,
    /// with an e-mail address and a valid BSN) must not be published.
    @Test func personalDataInTheOutputStopsTheBuildAndKeepsThePreviousSite() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("_site")
        try SiteBuilder.build(shared.archive.input(), output: output, progress: false)
        let previous = snapshot(output)

        let source = try copyOfSiteSource(into: folder.url)
        try replace("</footer>", with: "<p>Opmerking: \(SyntheticArchive.plantedRemark)</p>\n</footer>",
                    in: source.appendingPathComponent("templates/layout.mustache"))
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        let message = error.map(String.init(describing:)) ?? ""
        #expect(message.contains("\(output.path)/2011/downloads.html:"), "names the file as it would be published")
        #expect(message.contains("e-mail address '\(PersonalDataFinding.redacted(SyntheticArchive.plantedEmail))'"))
        #expect(message.contains("BSN '\(PersonalDataFinding.redacted(SyntheticArchive.plantedBSN))'"))
        #expect(!message.contains(SyntheticArchive.plantedEmail) && !message.contains(SyntheticArchive.plantedBSN),
                "the message does not repeat the data it refuses to publish")
        #expect(message.contains("refusing to publish"))
        #expect(!message.contains(".staging-"), "findings are named by the output folder, not the staging folder")
        if case .personalData(let findings, _)? = error {
            #expect(Set(findings.map(\.kind)) == [.email, .bsn])
            #expect(findings.count == 2 * shared.summary.pages, "one e-mail address and one BSN on every page")
            #expect(findings.contains { $0.path == output.path + "/index.html" && $0.kind == .bsn && $0.text.contains(SyntheticArchive.plantedBSN) })
        }
        #expect(snapshot(output) == previous, "the previous output is untouched")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no staging folder is left behind: \(leftovers)")
    }

    /// The data downloads are scanned like the pages: the database by the text of its rows, the
    /// data package and every API file by their bytes. site.yaml's publisher reaches only them.
    @Test func personalDataInTheDataDownloadsStopsTheBuild() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        try replace("publisher: Socialmediameetlat", with: "publisher: Bel 06-12345678, Socialmediameetlat",
                    in: source.appendingPathComponent("site.yaml"))
        let output = folder.url.appendingPathComponent("out")
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        if case .personalData(let findings, _)? = error {
            let paths = Set(findings.map(\.path))
            for file in ["data/meetlat.sqlite", "datapackage.json", "api/v1/editions.json"] {
                #expect(paths.contains(output.path + "/" + file), "\(file) is scanned")
            }
            #expect(paths.contains { $0.hasPrefix(output.path + "/api/v1/gemeente/GM") }, "every API file is scanned")
            #expect(!paths.contains { $0.hasSuffix(".html") }, "the publisher is on no page")
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
    }

    @Test func aConfigValueHoldingAPhoneNumberIsRefusedToo() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        try replace("tagline: Hoe actief", with: "tagline: Bel 06-12345678. Hoe actief", in: source.appendingPathComponent("site.yaml"))
        let output = folder.url.appendingPathComponent("out")
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        let message = error?.description ?? ""
        #expect(message.contains("phone number '06-******78'"))
        #expect(!FileManager.default.fileExists(atPath: output.path), "nothing was published")
    }

    @Test func aBuildPutsBackAnOutputLostBetweenTheTwoRenamesOfAnInterruptedBuild() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let output = folder.url.appendingPathComponent("_site")
        try SiteBuilder.build(shared.archive.input(), output: output, progress: false)
        let previous = snapshot(output)
        // What a build killed between `rename(_site → .old)` and `rename(staging → _site)` leaves
        // (pid 999999 runs no process): the old site aside, a finished staging folder, no output.
        let dead: Int32 = 999_999
        #expect(kill(dead, 0) != 0 && errno == ESRCH)
        try FileManager.default.moveItem(at: output, to: folder.url.appendingPathComponent("._site.old-\(dead)-x1y2z3"))
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("._site.staging-\(dead)-a1b2c3/2012"),
                                                withIntermediateDirectories: true)
        let summary = try SiteBuilder.build(shared.archive.input(), output: output, progress: false)
        let real = output.resolvingSymlinksInPath().path
        #expect(summary.notes == ["restored \(real) from ._site.old-\(dead)-x1y2z3, left by an interrupted run",
                                  "removed ._site.staging-\(dead)-a1b2c3, left by an interrupted run"])
        #expect(snapshot(output) == previous)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["_site"])
    }

    @Test func downloadsAreTheRankingsAndStatisticsInTheirOwnFormats() throws {
        let shared = try SharedSite.get()
        let files = shared.files
        // The CSV for Dutch Excel: byte-order mark, `;`, Dutch headers, a row per ranked gemeente.
        let csv = try #require(files["2012/data/ranglijst-2012.csv"])
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\n")
        #expect(lines.first?.hasPrefix("Rang;Gemeente;CBS-code;Provincie;Grootteklasse;Inwoners;") == true)
        let ranking = try JSONDecoder().decode(Ranking.self, from: Data(contentsOf: shared.archive.rankings.appendingPathComponent("2012.json")))
        #expect(lines.count == ranking.entries.count + 1)
        #expect(files["2012/data/ranglijst-2012.xlsx"]?.starts(with: [0x50, 0x4B, 0x03, 0x04]) == true, "a zip: the workbook")
        // The JSON is the Rankings file without the explanation lines (they are on the gemeente pages).
        let published = try JSONDecoder().decode(Ranking.self, from: files["2012/data/ranglijst-2012.json"] ?? Data())
        var expected = ranking
        #expect(expected.entries.allSatisfy { $0.explanation?.isEmpty == false })
        for index in expected.entries.indices { expected.entries[index].explanation = nil }
        #expect(published == expected)
        // Byte for byte the Rankings format, with `herkomst` (edition, model, build, reference) as its first member.
        let json = files["2012/data/ranglijst-2012.json"] ?? Data()
        let herkomst = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])["herkomst"] as? [String: Any]
        #expect(herkomst?["editie"] as? Int == 2012 && herkomst?["model"] as? String == "meetlat-2012")
        #expect((herkomst?["meetlat"] as? String)?.hasPrefix("meetlat ") == true)
        let jsonLines = String(decoding: json, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let afterHerkomst = jsonLines.firstIndex { $0 == "  }," }.map { ["{"] + jsonLines[($0 + 1)...] } ?? []
        #expect(afterHerkomst.joined(separator: "\n") == String(decoding: try RankingsWriter.json(expected), as: UTF8.self))
        let statistics = try #require(files["2012/data/statistieken-2012-response.csv"])
        #expect(String(decoding: statistics.dropFirst(3), as: UTF8.self).hasPrefix("Grootteklasse;"))
        #expect(files["2012/data/statistieken-2012.xlsx"] != nil && files["2012/data/statistieken-2012.json"] != nil)
        #expect(files["2012/data/vergelijking-2011-2012.json"] != nil)
        #expect(files["2011/data/vergelijking-2010-2011.json"] == nil, "the first edition has nothing to compare with")
        #expect(files["data/ranglijsten-alle-edities.csv"] != nil && files["data/ranglijsten-alle-edities.xlsx"] != nil)
    }

    @Test func missingRankingsAndStaleRankingsAreClearErrors() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        var input = shared.archive.input()
        input.rankings = folder.url.appendingPathComponent("nothing")
        #expect(throws: SiteError.self) { try SiteBuilder.build(input, output: folder.url.appendingPathComponent("a"), progress: false) }
        // A ranking scored with another model than the year's mapping names (as its statistics say).
        let rankings = folder.url.appendingPathComponent("Rankings")
        try FileManager.default.copyItem(at: shared.archive.rankings, to: rankings)
        try replace("\"model\" : \"meetlat-2012\"", with: "\"model\" : \"meetlat-2013\"", in: rankings.appendingPathComponent("2012.json"))
        input.rankings = rankings
        let error = #expect(throws: SiteError.self) { try SiteBuilder.build(input, output: folder.url.appendingPathComponent("b"), progress: false) }
        let message = error?.description ?? ""
        #expect(message.contains("scored with model meetlat-2013, but the statistics of 2012 are of a survey whose mapping names meetlat-2012"))

        // Statistics of another survey of the same year and model (the repository's demo year).
        let statistics = folder.url.appendingPathComponent("Statistics")
        try FileManager.default.copyItem(at: shared.archive.statistics, to: statistics)
        try FileManager.default.removeItem(at: statistics.appendingPathComponent("2012.json"))
        try FileManager.default.copyItem(at: Repository.root.appendingPathComponent("Statistics/2012.json"),
                                         to: statistics.appendingPathComponent("2012.json"))
        input = shared.archive.input()
        input.statistics = statistics
        let other = #expect(throws: SiteError.self) { try SiteBuilder.build(input, output: folder.url.appendingPathComponent("c"), progress: false) }
        #expect(other?.description.hasSuffix("2012.json: ranks 60 gemeenten, but the statistics of 2012 count 221 respondents: "
            + "they are not of the same survey; run `meetlat score --year 2012` and `meetlat stats --write --year 2012`") == true)
        #expect(!FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("c").path))
    }
}
