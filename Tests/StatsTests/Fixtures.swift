import Core
import Foundation
import Scoring
@testable import Stats

/// Small in-memory worlds for the Stats tests: a reference with four size classes, surveys
/// built from literal answers, rankings built from literal totals.
enum Fixture {
    static let sizeClasses = [
        SizeClass(id: "lt10k", label: "< 10.000", minimum: 0, maximum: 9_999),
        SizeClass(id: "10k-50k", label: "10.000 – 49.999", minimum: 10_000, maximum: 49_999),
        SizeClass(id: "50k-100k", label: "50.000 – 99.999", minimum: 50_000, maximum: 99_999),
        SizeClass(id: "ge100k", label: "≥ 100.000", minimum: 100_000, maximum: nil),
    ]

    /// A reference for one year: `(code, inhabitants)` pairs, names `G<code>`.
    static func reference(year: Int, _ gemeenten: [(String, Int)], extra: [Gemeente] = [],
                          extraInhabitants: [String: [Int: Int]] = [:]) -> Reference {
        var inhabitants = extraInhabitants
        var list = extra
        for (code, count) in gemeenten {
            list.append(Gemeente(code: code, name: "G\(code)", province: "Utrecht", firstYear: 2000))
            inhabitants[code, default: [:]][year] = count
        }
        return Reference(gemeenten: list, inhabitants: inhabitants, sizeClasses: sizeClasses)
    }

    static func survey(year: Int, _ answers: [(String, [String: FieldValue])], anonymous: Int = 0) -> SurveyResponses {
        let responses = answers.enumerated().map { index, answer in
            Response(gemeente: answer.0, row: index + 2, values: answer.1)
        }
        return SurveyResponses(year: year, model: "meetlat-\(year)", responses: responses, anonymous: anonymous)
    }

    static func ranked(_ code: String, _ name: String, total: Int, rank: Int, inhabitants: Int = 20_000) -> RankedGemeente {
        RankedGemeente(code: code, name: name, province: "Utrecht", sizeClass: "10k-50k", inhabitants: inhabitants,
                       parts: [:], total: total, rank: rank, rankInSizeClass: rank, rankInProvince: rank)
    }

    static func ranking(year: Int, model: String, maximum: Int, _ entries: [RankedGemeente]) -> Ranking {
        Ranking(year: year, model: model, maximum: maximum, parts: [], entries: entries)
    }

    static func choice(_ value: String) -> FieldValue { .choice(value) }
    static func selection(_ values: String...) -> FieldValue { .selection(Set(values)) }
    static func number(_ value: Double) -> FieldValue { .number(value, approximate: false) }

    /// The repository root, found from this file's path (Tests/StatsTests/Fixtures.swift).
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let surveys = repositoryRoot.appendingPathComponent("Surveys")
    static let rankings = repositoryRoot.appendingPathComponent("Rankings")

    static func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: repositoryRoot.appendingPathComponent(relativePath).path)
    }
}

extension StatTable {
    /// The notes as the command line prints them.
    var englishNotes: [String] { notes.map(\.english) }
    /// The notes as the site shows them.
    var dutchNotes: [String] { notes.map(\.dutch) }
}
