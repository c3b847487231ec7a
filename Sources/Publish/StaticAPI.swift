import Foundation
import Scoring
import Stats
import Support

/// The static JSON API under `api/v1/`: plain files any web server hands out, described by
/// `api/v1/openapi.json` (`OpenAPIDescription`). Field names are stable: a new edition adds
/// files, never renames a field. Every file names its edition(s) and scoring model(s) in
/// `herkomst`.
///
///     api/v1/editions.json                  every edition, with its model and score parts
///     api/v1/<year>/ranking.json            one edition's ranking
///     api/v1/<year>/gemeente/<code>.json    one gemeente in one edition: score, explanation, comparison
///     api/v1/gemeente/<code>.json           one gemeente in every edition it took part in
public enum StaticAPI {
    public static let root = "api/v1"
    public static let openAPI = "api/v1/openapi.json"

    public static func editions() -> String { "\(root)/editions.json" }
    public static func ranking(_ year: Int) -> String { "\(root)/\(year)/ranking.json" }
    public static func gemeente(_ year: Int, _ code: String) -> String { "\(root)/\(year)/gemeente/\(code).json" }
    public static func gemeente(_ code: String) -> String { "\(root)/gemeente/\(code).json" }

    /// Every file of the API (path relative to the site's root → bytes), the OpenAPI description included.
    public static func files(_ input: PublishInput) -> [(path: String, data: Data)] {
        var files: [(path: String, data: Data)] = []
        func add(_ path: String, _ value: JSONValue) { files.append((path, Data(value.text.utf8))) }
        // Once, not per file: the reference's description goes over every inhabitants figure.
        let everyEdition = input.provenance(nil)

        add(editions(), .object([
            "herkomst": everyEdition,
            "editions": .array(input.editions.map { edition in
                var members = editionMembers(edition)
                members["gemeenten"] = integer(edition.ranking.entries.count)
                members["ranking"] = .string(RelativeLink.from(editions(), to: ranking(edition.year)))
                return .object(members)
            }),
        ]))

        var history: [String: [JSONValue]] = [:]
        var names: [String: (name: String, province: String)] = [:]
        for edition in input.editions {
            let count = edition.ranking.entries.count
            var changes: [String: YearComparison.Entry] = [:]
            for change in edition.comparison?.entries ?? [] { changes[change.current.code] = change }
            var members = editionMembers(edition)
            let herkomst = input.provenance(edition)
            members["herkomst"] = herkomst
            members["entries"] = .array(edition.ranking.entries.map { entry in
                var row = entryMembers(entry, count: count)
                row["gemeente"] = .string(RelativeLink.from(ranking(edition.year), to: gemeente(edition.year, entry.code)))
                return .object(row)
            })
            add(ranking(edition.year), .object(members))

            for entry in edition.ranking.entries {
                var file = editionMembers(edition)
                file["herkomst"] = herkomst
                file["gemeente"] = .object(entryMembers(entry, count: count))
                file["explanation"] = .array((entry.explanation ?? []).map(explanation))
                file["comparison"] = changes[entry.code].map { comparison($0, edition.comparison) } ?? .null
                add(gemeente(edition.year, entry.code), .object(file))

                var item = entryMembers(entry, count: count)
                item["year"] = integer(edition.year)
                item["model"] = .string(edition.ranking.model)
                item["model_label"] = .string(edition.modelLabel)
                item["maximum"] = integer(edition.ranking.maximum)
                item["gemeenten"] = integer(count)
                item["file"] = .string(RelativeLink.from(gemeente(entry.code), to: gemeente(edition.year, entry.code)))
                history[entry.code, default: []].append(.object(item))
                names[entry.code] = (entry.name, entry.province)
            }
        }
        for code in history.keys.sorted() {
            let known = input.reference.gemeente(code: code)
            add(gemeente(code), .object([
                "herkomst": everyEdition,
                "code": .string(code),
                "name": .string(names[code]?.name ?? known?.name ?? code),
                "province": .string(names[code]?.province ?? known?.province ?? ""),
                "aliases": .array((known?.aliases ?? []).sorted().map { .string($0) }),
                "editions": .array(history[code] ?? []),
            ]))
        }
        add(openAPI, OpenAPIDescription.json(input))
        return files.sorted { $0.path < $1.path }
    }

    static func integer(_ value: Int) -> JSONValue { .formatted(String(value)) }
    static func integer(_ value: Int?) -> JSONValue { value.map(integer) ?? .null }
    static func decimal(_ value: Double?, _ decimals: Int = 2) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        return .number(Double(Rounding.fixed(value, decimals: decimals)) ?? value)
    }

    static func editionMembers(_ edition: PublishedEdition) -> [String: JSONValue] {
        [
            "year": integer(edition.year), "model": .string(edition.ranking.model), "model_label": .string(edition.modelLabel),
            "maximum": integer(edition.ranking.maximum),
            "parts": .array(edition.ranking.parts.map { part in
                .object(["id": .string(part.id), "label": .string(part.label), "maximum": integer(part.maximum), "weight": integer(part.weight)])
            }),
        ]
    }

    static func entryMembers(_ entry: RankedGemeente, count: Int) -> [String: JSONValue] {
        [
            "code": .string(entry.code), "name": .string(entry.name), "province": .string(entry.province),
            "size_class": .string(entry.sizeClass), "inhabitants": integer(entry.inhabitants),
            "scores": .object(entry.parts.mapValues(integer)), "total": integer(entry.total), "rank": integer(entry.rank),
            "rank_size_class": integer(entry.rankInSizeClass), "rank_province": integer(entry.rankInProvince),
            "rank_interval": entry.rankInterval.map { interval in
                .object(["median": integer(interval.median), "low": integer(interval.low), "high": integer(interval.high)])
            } ?? .null,
            "relative_position": decimal(YearComparison.relativePosition(rank: entry.rank, count: count)),
            "flags": .array(entry.flags.map { .string($0) }),
        ]
    }

    static func explanation(_ line: ExplanationLine) -> JSONValue {
        .object([
            "dimension": .string(line.dimension), "field": .string(line.field), "label": .string(line.label),
            "answer": .string(line.answer), "points": integer(line.points), "reason": .string(line.reason),
        ])
    }

    static func comparison(_ change: YearComparison.Entry, _ comparison: YearComparison?) -> JSONValue {
        .object([
            "previous_year": integer(comparison?.from.year), "basis": .string(DatabaseWriter.basis(change.basis)),
            "previous_code": .string(change.previous?.code), "previous_rank": integer(change.previous?.rank),
            "rank_change": integer(change.rankChange), "previous_total": integer(change.previous?.total),
            "score_change": integer(change.scoreChange), "previous_position": decimal(change.previousPosition),
            "position_change": decimal(change.positionChange),
        ])
    }
}
