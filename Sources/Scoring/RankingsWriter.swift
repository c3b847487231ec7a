import Foundation
import PersonalData
import Support

/// Writes `Rankings/<year>.csv`, `Rankings/<year>.json` and `Rankings/<year>-answers.json`: byte-identical for the same ranking
/// (fixed column order, sorted JSON keys, integers only, LF line ends), only publish-list fields,
/// and the folder replaced atomically as a whole. `RankingFile` reads the JSON back.
public enum RankingsWriter {
    public static func csvURL(year: Int, in folder: URL) -> URL { folder.appendingPathComponent("\(year).csv") }
    public static func jsonURL(year: Int, in folder: URL) -> URL { folder.appendingPathComponent("\(year).json") }

    /// The CSV text: one row per entry in ranking order, exactly the publish-list columns.
    public static func csv(_ ranking: Ranking) -> String {
        let columns = PublishList.columns(for: ranking.parts)
        var writer = CSVWriter(header: columns.map(\.name))
        for entry in ranking.entries { writer.append(columns.map { $0.value(entry) }) }
        return writer.text
    }

    /// The JSON bytes; throws when the ranking holds a key that is not on the publish list.
    public static func json(_ ranking: Ranking) throws -> Data {
        let data = try JSONFile.encoded(ranking)
        try checkPublishList(data, year: ranking.year, parts: Set(ranking.parts.map(\.id)))
        return data
    }

    /// Encodes every ranking first, scans everything for personal data (Rankings/ is committed
    /// and published: a name or address in a model's label or a mapping's value must not get
    /// there), then replaces `folder` as a whole (`AtomicOutput.replaceFolder`): every file
    /// changes together or none does, and the files of years not in `rankings` are carried over
    /// unchanged. A failure while computing, encoding or scanning writes nothing.
    /// - Parameters:
    ///   - rankings: the rankings to write, one file pair per year.
    ///   - answers: the answers files of the rankings (``ScoredAnswers``), written beside them.
    ///   - folder: the rankings folder (`Rankings/`).
    ///   - inputs: what the command read (the output rule refuses to write among them).
    @discardableResult
    public static func write(_ rankings: [Ranking], answers: [ScoredAnswers] = [], to folder: URL,
                             inputs: [URL]) throws -> AtomicOutput.Publication {
        var outputs: [(name: String, data: Data)] = []
        for ranking in rankings.sorted(by: { $0.year < $1.year }) {
            outputs.append((csvURL(year: ranking.year, in: folder).lastPathComponent, Data(csv(ranking).utf8)))
            outputs.append((jsonURL(year: ranking.year, in: folder).lastPathComponent, try json(ranking)))
            if let answers = answers.first(where: { $0.year == ranking.year }) {
                outputs.append((ScoredAnswers.url(year: ranking.year, rankings: folder).lastPathComponent, try JSONFile.encoded(answers)))
            }
        }
        try PersonalDataDetector.publishedOutput.checkBeforeWriting(
            outputs.map { (folder.appendingPathComponent($0.name).path, $0.data) }, target: "\(folder.path) (nothing written)")
        return try AtomicOutput.replaceFolder(folder, inputs: inputs, keepingOtherFiles: true) { staging in
            for output in outputs { try staging.write(output.data, to: output.name) }
        }
    }

    /// Walks the encoded JSON and rejects any key the publish list does not name.
    static func checkPublishList(_ data: Data, year: Int, parts: Set<String>) throws {
        let root = try JSONSerialization.jsonObject(with: data)
        func check(_ object: Any?, allowed: Set<String>, at path: String) throws -> [String: Any] {
            guard let object = object as? [String: Any] else { return [:] }
            if let key = object.keys.sorted().first(where: { !allowed.contains($0) }) {
                throw PublishError(year: year, key: path.isEmpty ? key : "\(path).\(key)")
            }
            return object
        }
        let ranking = try check(root, allowed: PublishList.rankingKeys, at: "")
        for part in ranking["parts"] as? [Any] ?? [] { _ = try check(part, allowed: PublishList.partKeys, at: "parts[]") }
        let uncertainty = try check(ranking["uncertainty"], allowed: PublishList.uncertaintyKeys, at: "uncertainty")
        for assumption in uncertainty["assumptions"] as? [Any] ?? [] {
            let assumption = try check(assumption, allowed: PublishList.assumptionKeys, at: "uncertainty.assumptions[]")
            _ = try check(assumption["index"], allowed: PublishList.indexKeys, at: "uncertainty.assumptions[].index")
        }
        for note in ranking["provenance"] as? [Any] ?? [] { _ = try check(note, allowed: PublishList.provenanceKeys, at: "provenance[]") }
        let observations = try check(ranking["observations"], allowed: PublishList.observationKeys, at: "observations")
        _ = try check(observations["threshold"], allowed: PublishList.thresholdKeys, at: "observations.threshold")
        for channel in observations["channels"] as? [Any] ?? [] {
            _ = try check(channel, allowed: PublishList.channelKeys, at: "observations.channels[]")
        }
        for row in observations["rows"] as? [Any] ?? [] {
            _ = try check(row, allowed: PublishList.observationRowKeys, at: "observations.rows[]")
        }
        for change in observations["changes"] as? [Any] ?? [] {
            _ = try check(change, allowed: PublishList.changeKeys, at: "observations.changes[]")
        }
        for entry in ranking["entries"] as? [Any] ?? [] {
            let entry = try check(entry, allowed: PublishList.entryKeys, at: "entries[]")
            _ = try check(entry["parts"], allowed: parts, at: "entries[].parts")
            _ = try check(entry["rankInterval"], allowed: PublishList.rankIntervalKeys, at: "entries[].rankInterval")
            let uncertainty = try check(entry["uncertainty"], allowed: PublishList.entryUncertaintyKeys, at: "entries[].uncertainty")
            for (_, pair) in uncertainty["indices"] as? [String: Any] ?? [:] {
                _ = try check(pair, allowed: PublishList.indexKeys, at: "entries[].uncertainty.indices.*")
            }
            for line in entry["explanation"] as? [Any] ?? [] {
                _ = try check(line, allowed: PublishList.explanationKeys, at: "entries[].explanation[]")
            }
        }
    }
}

/// A field that is not on the publish list was about to be written.
public struct PublishError: Error, CustomStringConvertible, Equatable {
    public var year: Int
    public var key: String

    public var description: String {
        "refusing to write Rankings/\(year).json: '\(key)' is not on the publish list (Sources/Scoring/PublishList.swift)"
    }
}
