import Foundation
import MeetlatTestSupport
import Testing

/// Every YAML file goes through the one configuration reader: a typo'd key gives the same form
/// of message whichever file it is in, and a hostile file is refused by every command that
/// reads it. Run through the built binary on a copy of the repository's own files.
@Suite struct ConfigurationMessageTests {
    /// A copy of Surveys/, Scenarios/, site/ and Rankings/ in a throw-away folder.
    final class Workspace {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-config-\(UUID().uuidString)")

        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for folder in ["Surveys", "Scenarios", "site", "Rankings", "Statistics"] {
                try FileManager.default.copyItem(at: GeneratedSurvey.repository.appendingPathComponent(folder),
                                                 to: root.appendingPathComponent(folder))
            }
        }

        deinit {
            try? FileManager.default.removeItem(at: root)
        }

        /// Replaces the first `old` in `file` by `new`.
        func edit(_ file: String, _ old: String, _ new: String) throws {
            let url = root.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let range = try #require(text.range(of: old), "\(file) no longer holds \(old.debugDescription)")
            try text.replacingCharacters(in: range, with: new).write(to: url, atomically: true, encoding: .utf8)
        }

        func run(_ arguments: [String]) throws -> MeetlatBinary.Result {
            try MeetlatBinary.run(arguments, in: root)
        }
    }

    /// The file to break, the key to misspell (as it is written at the start of its line), the
    /// command that reads it, how the message names the file (after the folder the command was
    /// given, which it may print in full), and the key path of the mapping.
    static let typos: [(file: String, line: String, typo: String, arguments: [String], named: String, path: String)] = [
        ("Surveys/2012/mapping.yaml", "    column: \"Hoeveel volgers", "    colum: \"Hoeveel volgers",
         ["ingest", "--year", "2012"], "2012/mapping.yaml", "fields.followers.twitter"),
        ("Surveys/models/meetlat-2012.yaml", "    cap: ", "    cpa: ", ["score", "--year", "2012"],
         "Surveys/models/meetlat-2012.yaml", "dimensions[2]"),
        ("Scenarios/webcare-telefoon-naar-sociale-media.yaml", "    hourly_rate: ", "    hourly_rte: ",
         ["roi", "Scenarios/webcare-telefoon-naar-sociale-media.yaml"], "Scenarios/webcare-telefoon-naar-sociale-media.yaml",
         "investments[5] \"Monitoring en coördinatie\""),
        ("site/site.yaml", "banner:", "baner:", ["site", "--output", "public"], "site/site.yaml", ""),
        ("Surveys/statistics.yaml", "    title: ", "    titel: ", ["stats", "--year", "2012"], "Surveys/statistics.yaml", "tables[1]"),
    ]

    @Test(arguments: 0..<typos.count)
    func aTypoInAnyConfigurationFileGivesTheSameMessage(case index: Int) throws {
        let typo = Self.typos[index]
        let workspace = try Workspace()
        try workspace.edit(typo.file, typo.line, typo.typo)
        let result = try workspace.run(typo.arguments)
        #expect(result.status != 0)
        let key = typo.line.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
        let wrong = typo.typo.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
        // meetlat: <file>:<line>:<column>: <key path>: unknown key `<typo>`; did you mean `<key>`?
        let message = try #require(result.stderr.split(separator: "\n").first.map(String.init), "no message for \(typo.file)")
        let pattern = "^meetlat: (/.*/)?" + NSRegularExpression.escapedPattern(for: typo.named) + ":[0-9]+:[0-9]+: "
            + (typo.path.isEmpty ? "" : NSRegularExpression.escapedPattern(for: typo.path) + ": ")
            + NSRegularExpression.escapedPattern(for: "unknown key `\(wrong)`; did you mean `\(key)`?") + "$"
        #expect(message.range(of: pattern, options: .regularExpression) != nil, "\(typo.file): \(message)")
        // The line is the line of the typo.
        let text = try String(contentsOf: workspace.root.appendingPathComponent(typo.file), encoding: .utf8)
        let typoLine = try #require(text.components(separatedBy: "\n").firstIndex { $0.hasPrefix(typo.typo.prefix { $0 != ":" } + ":") })
        #expect(message.contains(":\(typoLine + 1):"), "\(message) does not point at line \(typoLine + 1)")
    }

    /// The file: lists of ten aliases nested seven deep and an alias key.
    static let aliasBomb: String = {
        var yaml = "x0: &x0 [1,1,1,1,1,1,1,1,1,1]\n"
        for level in 1...7 {
            yaml += "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        return yaml + "? *x7\n: 1\n"
    }()

    @Test func aHostileScenarioIsRefusedByRoiAndBySite() throws {
        let workspace = try Workspace()
        try Self.aliasBomb.write(to: workspace.root.appendingPathComponent("Scenarios/bom.yaml"), atomically: true, encoding: .utf8)
        let expected = "meetlat: Scenarios/bom.yaml:5:"
        let roi = try workspace.run(["roi", "Scenarios/bom.yaml"])
        #expect(roi.status != 0)
        #expect(roi.stderr.hasPrefix(expected), "\(roi.stderr)")
        #expect(roi.stderr.contains("with its aliases expanded the file holds more than 100000 values"))
        // The site reads every scenario: the one file stops the build with the same message,
        // and nothing is published.
        let site = try workspace.run(["site", "--output", "public"])
        #expect(site.status != 0)
        #expect(site.stderr.contains("Scenarios/bom.yaml:5:"), "\(site.stderr)")
        #expect(!FileManager.default.fileExists(atPath: workspace.root.appendingPathComponent("public").path))
    }
}
