import Core
import Foundation
import Ingest
import Pipeline
import Scoring

/// A survey archive made up for the site tests: the repository's reference data, scoring models
/// and statistics.yaml, plus generated survey years (one export format per model, as the demo
/// years have) scored into `Rankings/`, with their statistics in `Statistics/`. Seeded: the same
/// arguments give the same bytes.
struct SyntheticArchive {
    let root: URL
    var surveys: URL { root.appendingPathComponent("Surveys") }
    var rankings: URL { root.appendingPathComponent("Rankings") }
    var statistics: URL { root.appendingPathComponent("Statistics") }

    /// The repository root, from this file's path (Tests/SiteTests/SyntheticArchive.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Remarks planted in the first answer of every year: personal data that must never reach
    /// the site (an e-mail address and a BSN that passes the 11-proef).
    static let plantedEmail = "j.de.vries@voorbeeldmail.nl"
    static let plantedBSN = "1112.22.333"
    static let plantedRemark = "Mail mij op \(plantedEmail), mijn BSN is \(plantedBSN)."

    /// Gemeenten every generated year includes (codes), so tests can look for them by name:
    /// Hoorn, 's-Hertogenbosch (exported as "Den Bosch"), Súdwest-Fryslân, Uithoorn.
    static let alwaysIncluded = ["GM0405", "GM0796", "GM1900", "GM0451"]

    /// Makes `<root>/Surveys` with `years`, `<root>/Rankings` scored from them and
    /// `<root>/Statistics`.
    /// - Parameters:
    ///   - gemeenten: answers per year (at most the gemeenten of the year with inhabitants).
    ///   - samples: the Saltelli sample size per year (small keeps tests quick).
    static func make(at root: URL, years: [Int], gemeenten: Int, seed: UInt64 = 7,
                     samples: Int = 16) throws -> SyntheticArchive {
        let archive = SyntheticArchive(root: root)
        let manager = FileManager.default
        try manager.createDirectory(at: archive.surveys, withIntermediateDirectories: true)
        let source = repositoryRoot.appendingPathComponent("Surveys")
        for item in ["reference", "models", "statistics.yaml"] {
            try manager.copyItem(at: source.appendingPathComponent(item), to: archive.surveys.appendingPathComponent(item))
        }
        let folder = SurveyFolder(archive.surveys)
        let reference = try folder.reference()
        for year in years {
            var random = SplitMix(seed: seed &+ UInt64(year))
            let chosen = choose(gemeenten, in: year, reference: reference, random: &random)
            let (mapping, export) = YearFormat(year: year).files(for: chosen, reference: reference, random: &random)
            let yearURL = folder.yearURL(year)
            try manager.createDirectory(at: yearURL, withIntermediateDirectories: true)
            try Data(mapping.utf8).write(to: yearURL.appendingPathComponent("mapping.yaml"))
            try Data(export.utf8).write(to: yearURL.appendingPathComponent("export.csv"))
        }
        try archive.score(years, reference: reference, samples: samples)
        return archive
    }

    /// Scores `years` into `Rankings/` and writes their statistics into `Statistics/` (replacing
    /// what is there), as `meetlat score` and `meetlat stats --write` do.
    func score(_ years: [Int], reference: Reference, samples: Int = 16) throws {
        let folder = SurveyFolder(surveys)
        let scored = try years.map {
            try ScoringRun.score(year: $0, in: folder, reference: reference,
                                 uncertainty: UncertaintyOverrides(samples: samples), showProgress: false)
        }
        try RankingsWriter.write(scored.map(\.ranking), to: rankings, inputs: [surveys])
        try StatisticsRun.write(years: years, in: folder, to: statistics, inputs: [surveys])
    }

    /// `count` gemeenten of `year` with an inhabitants figure, always including `alwaysIncluded`.
    static func choose(_ count: Int, in year: Int, reference: Reference, random: inout SplitMix) -> [Gemeente] {
        var candidates = reference.gemeenten(in: year)
            .filter { reference.inhabitants(of: $0.code, in: year) != nil }
            .sorted { $0.code < $1.code }
        var chosen = candidates.filter { alwaysIncluded.contains($0.code) }
        candidates.removeAll { alwaysIncluded.contains($0.code) }
        while chosen.count < count && !candidates.isEmpty {
            chosen.append(candidates.remove(at: random.below(candidates.count)))
        }
        return chosen.sorted { $0.code < $1.code }
    }
}

/// The export format of a generated year: which model it is scored with and which columns it has.
struct YearFormat {
    let year: Int

    var model: String { year <= 2011 ? "meetlat-2011" : year == 2012 ? "meetlat-2012" : "meetlat-2013" }

    static let channels = ["linkedin", "twitter", "facebook", "hyves", "googleplus", "youtube", "yammer", "pinterest", "instagram"]
    static let selfscoreChannels = ["twitter", "facebook", "linkedin", "hyves", "youtube", "yammer"]
    static let purposes = ["informeren", "reageren", "interacteren", "crisiscommunicatie", "signaleren", "pers_volgen", "pers_reageren"]
    static let applications = ["zenden", "crisiscommunicatie", "omgevingsanalyse", "vragen_luisteren", "signalen_oppikken", "analyses",
                               "beleidsinput", "discussies", "burgerparticipatie", "cocreatie", "bestuur_delen", "ambtenaren_delen"]

    func files(for gemeenten: [Gemeente], reference: Reference, random: inout SplitMix) -> (mapping: String, export: String) {
        var header = ["Naam", "E-mail", "Gemeente", "Ingevuld op"]
        var fields: [String] = []
        switch model {
        case "meetlat-2011":
            header += Self.selfscoreChannels.map { "Zelfscore \($0)" } + ["Volgers Twitter", "Beleid"]
            fields += Self.selfscoreChannels.map { channel in
                """
                  selfscore.\(channel):
                    type: choice
                    column: "Zelfscore \(channel)"
                    labels: { "Geen account": geen, "1": "1", "2": "2", "3": "3", "4": "4", "5": "5" }
                """
            }
        case "meetlat-2012":
            header += ["Kanalen", "Volgers Twitter", "Likes Facebook", "Connecties LinkedIn"] + Self.purposes.map { "Doel \($0)" } + ["Beleid"]
            fields.append("""
                  channels:
                    type: multi
                    column: "Kanalen"
                    separator: ";"
                    labels: { \(Self.channels.map { "\"\($0)\": \($0)" }.joined(separator: ", ")) }
                """)
            fields += Self.purposes.map { purpose in
                """
                  usage.\(purpose):
                    type: choice
                    column: "Doel \(purpose)"
                    labels: { "Niet of nauwelijks": niet, "Soms": soms, "Regelmatig tot vaak": vaak }
                """
            }
        default:
            header += Self.channels.map { "Kanaal \($0)" } + ["Volgers Twitter", "Likes Facebook", "Connecties LinkedIn"]
                + Self.applications.map { "Toepassing \($0)" }
            fields.append("  channels:\n    type: multi\n    columns:\n"
                          + Self.channels.map { "      \($0): \"Kanaal \($0)\"" }.joined(separator: "\n"))
            fields += Self.applications.map { "  application.\($0):\n    type: number\n    column: \"Toepassing \($0)\"" }
        }
        let followers = model == "meetlat-2011"
            ? [("twitter", "Volgers Twitter")]
            : [("twitter", "Volgers Twitter"), ("facebook", "Likes Facebook"), ("linkedin", "Connecties LinkedIn")]
        fields += followers.map { channel, column in "  followers.\(channel):\n    type: number\n    column: \"\(column)\"" }
        if model != "meetlat-2013" {
            fields.append("""
                  policy:
                    type: choice
                    column: "Beleid"
                    labels: { "Ja": ja, "Nee": nee, "In ontwikkeling": in_ontwikkeling }
                """)
        }
        header.append("Opmerkingen")
        let mapping = """
            # Generated for the site tests.
            year: \(year)
            model: \(model)
            export:
              file: export.csv
            respondent:
              gemeente: "Gemeente"
              timestamp:
                column: "Ingevuld op"
                format: "yyyy-MM-dd HH:mm"
              private: ["Naam", "E-mail"]
              remarks: ["Opmerkingen"]
            fields:
            \(fields.joined(separator: "\n"))

            """
        var lines = [header.map(csvField).joined(separator: ",")]
        for (index, gemeente) in gemeenten.enumerated() {
            let inhabitants = reference.inhabitants(of: gemeente.code, in: year) ?? 10_000
            var row = ["Respondent \(index)", "respondent\(index)@gemeente.example", exportName(gemeente, index: index),
                       String(format: "%04d-05-%02d 10:%02d", year, 1 + index % 28, index % 60)]
            switch model {
            case "meetlat-2011":
                row += Self.selfscoreChannels.map { _ in random.below(6) == 0 ? "Geen account" : String(1 + random.below(5)) }
                row += [count(inhabitants, &random), ["Ja", "Nee", "In ontwikkeling"][random.below(3)]]
            case "meetlat-2012":
                row.append(Self.channels.filter { _ in random.below(3) > 0 }.joined(separator: ";"))
                row += (0..<3).map { _ in count(inhabitants, &random) }
                row += Self.purposes.map { _ in ["Niet of nauwelijks", "Soms", "Regelmatig tot vaak"][random.below(3)] }
                row.append(["Ja", "Nee", "In ontwikkeling"][random.below(3)])
            default:
                row += Self.channels.map { _ in random.below(3) > 0 ? "1" : "" }
                row += (0..<3).map { _ in count(inhabitants, &random) }
                row += Self.applications.map { _ in random.below(8) == 0 ? "" : String(1 + random.below(10)) }
            }
            row.append(index == 0 ? SyntheticArchive.plantedRemark : "")
            lines.append(row.map(csvField).joined(separator: ","))
        }
        return (mapping, lines.joined(separator: "\n") + "\n")
    }

    /// The name as a respondent typed it: 's-Hertogenbosch as "Den Bosch", the rest as listed.
    func exportName(_ gemeente: Gemeente, index: Int) -> String {
        gemeente.code == "GM0796" ? "Den Bosch" : gemeente.name
    }

    /// A follower count: mostly up to 12 % of the inhabitants, sometimes unknown or approximate.
    func count(_ inhabitants: Int, _ random: inout SplitMix) -> String {
        switch random.below(10) {
        case 0: return "onbekend"
        case 1: return "ca. \(random.below(max(inhabitants / 20, 1)))"
        default: return String(random.below(max(inhabitants * 12 / 100, 1)))
        }
    }

    func csvField(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}

/// SplitMix64: a small seeded generator for the made-up answers.
struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in 0..<bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
}
