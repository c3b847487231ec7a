import Foundation
import Testing
@testable import PersonalData

/// A throwaway folder laid out like a built site.
struct SiteFolder: ~Copyable {
    let path: String

    init(_ files: [String: Data]) throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("personal-data-\(UUID().uuidString)").path
        for (relative, data) in files {
            let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Data {
    init(text: String) { self.init(text.utf8) }
}

@Suite struct FolderScanTests {
    static let files: [String: Data] = [
        "index.html": Data(text: "<h1>Socialmediameetlat 2012</h1>\n<p>1.212 volgers, 230 punten</p>\n"),
        "gemeente/hoorn.html": Data(text: "<html>\n<body>\n<p>Contact: x@y.nl</p>\n<p>Tel 020-1234567</p>\n</body>\n"),
        "gemeente/alkmaar.html": Data(text: "<p>Één opmerking: bel 06-12345678</p>\n"),
        "data/ranking.json": Data(text: #"{"code":"GM0363","rank":1,"score":230}"#),
        "notes": Data(text: "rekening\nNL91 ABNA 0417 1643 00\n"),
        "img/logo.png": Data([0x89, 0x50, 0x4E, 0x47, 0x00]) + Data(text: "a@b.nl"),
        "blob.dat": Data([0x00, 0x01]) + Data(text: "a@b.nl"),
    ]

    @Test func findingsHaveFileLineColumnKindAndMatchInOrder() throws {
        let site = try SiteFolder(Self.files)
        let report = try PersonalDataDetector().scanFolder(site.path)
        #expect(report.findings.map(\.description) == [
            "\(site.path)/gemeente/alkmaar.html:1:23: phone number '06-******78' — refusing to publish",
            "\(site.path)/gemeente/hoorn.html:3:13: e-mail address 'x@*.nl' — refusing to publish",
            "\(site.path)/gemeente/hoorn.html:4:8: phone number '02*-*****67' — refusing to publish",
            "\(site.path)/notes:2:1: IBAN 'NL** **** **** **** 00' — refusing to publish",
        ])
        let first = try #require(report.findings.first)
        #expect((first.line, first.column, first.kind, first.text) == (1, 23, .phone, "06-12345678"))
        // A folder given with a trailing slash names its files the same way.
        #expect(try PersonalDataDetector().scanFolder(site.path + "/").findings == report.findings)
    }

    @Test func binaryFilesAreSkippedAndTextFilesWithoutExtensionScanned() throws {
        let site = try SiteFolder(Self.files)
        let report = try PersonalDataDetector().scanFolder(site.path)
        #expect(report.scannedFiles == [
            "data/ranking.json", "gemeente/alkmaar.html", "gemeente/hoorn.html", "index.html", "notes",
        ])
    }

    @Test func countsOnlyModeHoldsNoMatchedText() throws {
        let site = try SiteFolder(Self.files)
        let counts = try PersonalDataDetector().scanFolder(site.path).counts
        #expect(counts.scanned == 5)
        #expect(counts.withPersonalData == 3)
        #expect(counts.byKind == [.phone: 2, .email: 1, .iban: 1])
        #expect(counts.description == "3 of 5 with personal data: e-mail address 1, phone number 2, IBAN 1")
    }

    @Test func refusalNamesEveryFindingAndTheTotal() throws {
        let site = try SiteFolder(Self.files)
        let report = try PersonalDataDetector().scanFolder(site.path + "/")
        let refusal = try #require(report.refusal)
        let lines = refusal.description.split(separator: "\n").map(String.init)
        #expect(lines.count == 5)
        #expect(lines[1] == "\(site.path)/gemeente/hoorn.html:3:13: e-mail address 'x@*.nl' — refusing to publish")
        #expect(lines[4] == "4 personal-data finding(s) in \(site.path)/ (e-mail address 1, phone number 2, IBAN 1): refusing to publish")
    }

    @Test func cleanFolderIsPublishable() throws {
        let site = try SiteFolder(["index.html": Self.files["index.html"] ?? Data(), "style.css": Data(text: "a{color:#06a0ff}")])
        let report = try PersonalDataDetector().scanFolder(site.path)
        #expect(report.isClean)
        #expect(report.counts.description == "0 of 2 with personal data")
    }

    @Test func sameFolderGivesIdenticalReports() throws {
        let site = try SiteFolder(Self.files)
        let first = try PersonalDataDetector().scanFolder(site.path)
        let second = try PersonalDataDetector().scanFolder(site.path)
        #expect(first.findings == second.findings)
        #expect(first.findings == first.findings.sorted())
    }

    @Test func missingFolderIsAClearError() {
        let error = #expect(throws: FolderScanError.self) {
            try PersonalDataDetector().scanFolder("/nonexistent/_site")
        }
        #expect(error?.description == "/nonexistent/_site: folder not found")
    }

    @Test func matchOverTwoLinesIsReportedOnOneLine() {
        let findings = PersonalDataDetector().findings(in: Data(text: "Dorpsweg 3a\n1621 CD Hoorn"), path: "a.txt")
        #expect(findings.map(\.description) == ["a.txt:1:10: postcode + huisnummer '3a **** CD' — refusing to publish"])
        #expect(findings.map(\.text) == ["3a\n1621 CD"])
    }
}
