import Core
import Foundation
@testable import Scoring

/// Shared test material: the repository's folders and small in-memory survey years.
enum Fixtures {
    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let surveys = repository.appendingPathComponent("Surveys")
    static let rankings = repository.appendingPathComponent("Rankings")
    static let models = ModelLibrary(folder: surveys.appendingPathComponent("models"))

    static func model(_ name: String) throws -> ScoringModel { try models.model(named: name) }

    static let sizeClasses = [
        SizeClass(id: "lt10k", label: "< 10.000", minimum: 0, maximum: 9_999),
        SizeClass(id: "10k-50k", label: "10.000 – 49.999", minimum: 10_000, maximum: 49_999),
        SizeClass(id: "50k-100k", label: "50.000 – 99.999", minimum: 50_000, maximum: 99_999),
        SizeClass(id: "ge100k", label: "≥ 100.000", minimum: 100_000, maximum: nil),
    ]

    /// A reference with the given gemeenten (code, name, province, inhabitants in `year`).
    static func reference(_ rows: [(code: String, name: String, province: String, inhabitants: Int?)],
                          year: Int = 2012) -> Reference {
        var inhabitants: [String: [Int: Int]] = [:]
        for row in rows { if let count = row.inhabitants { inhabitants[row.code] = [year: count] } }
        return Reference(
            gemeenten: rows.map { Gemeente(code: $0.code, name: $0.name, province: $0.province, firstYear: 1990) },
            inhabitants: inhabitants, sizeClasses: sizeClasses)
    }

    static func survey(_ year: Int, model: String, _ responses: [Response]) -> SurveyResponses {
        SurveyResponses(year: year, model: model, responses: responses)
    }

    static func count(_ value: Double, approximate: Bool = false) -> FieldValue { .number(value, approximate: approximate) }

    /// A temporary folder, removed by the caller with `FileManager.default.removeItem`.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-scoring-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

extension Score {
    /// Σ of the explanation's points: must equal `total`.
    var explainedTotal: Int { explanation.compactMap(\.points).reduce(0, +) }
}
