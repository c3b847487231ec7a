import Foundation
import Testing
@testable import PersonalData

/// The repository's root, for files the tests read (labelled messages, the street-name endings).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The webcare profile with the repository's list of street-name endings.
let webcareDetector: PersonalDataDetector = {
    let url = repositoryRoot.appendingPathComponent("Webcare/rules/straatnaam-achtervoegsels.txt")
    // A missing or broken file fails every test that uses the detector, naming the file.
    let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    let suffixes = try? StreetNameSuffixes(text: text, source: url.path)
    return PersonalDataDetector.webcare(streetSuffixes: suffixes ?? (try! StreetNameSuffixes(text: "straat", source: "fallback")))
}()

/// A message of Webcare/labelled/*.tsv: its id, the kinds a careful reader sees, its text.
struct LabelledMessage {
    let id: String
    let kinds: Set<PersonalDataKind>
    let text: String

    static func load(_ name: String) throws -> [LabelledMessage] {
        let url = repositoryRoot.appendingPathComponent("Webcare/labelled/\(name)")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        return try lines.map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { throw LabelError(problem: "\(name): \(line.prefix(12)): expected 3 tab-separated fields") }
            var kinds: Set<PersonalDataKind> = []
            if fields[1] != "-" {
                for raw in fields[1].split(separator: ",") {
                    guard let kind = PersonalDataKind(rawValue: String(raw)) else {
                        throw LabelError(problem: "\(name): \(fields[0]): unknown kind \(raw)")
                    }
                    kinds.insert(kind)
                }
            }
            return LabelledMessage(id: String(fields[0]), kinds: kinds, text: String(fields[2]))
        }
    }
}

struct LabelError: Error, CustomStringConvertible {
    let problem: String
    var description: String { problem }
}

/// True and false positives and false negatives of one kind, counted per message.
struct Confusion: Equatable, CustomStringConvertible {
    var truePositives = 0, falsePositives = 0, falseNegatives = 0

    var precision: Double? { truePositives + falsePositives == 0 ? nil : Double(truePositives) / Double(truePositives + falsePositives) }
    var recall: Double? { truePositives + falseNegatives == 0 ? nil : Double(truePositives) / Double(truePositives + falseNegatives) }
    var description: String { "tp \(truePositives) fp \(falsePositives) fn \(falseNegatives)" }

    /// Per kind, over `messages`, with the mistakes by message id.
    static func measure(_ detector: PersonalDataDetector, on messages: [LabelledMessage])
        -> (byKind: [PersonalDataKind: Confusion], mistakes: [String]) {
        var byKind: [PersonalDataKind: Confusion] = [:]
        var mistakes: [String] = []
        for message in messages {
            let found = Set(detector.matches(in: message.text).map(\.kind))
            for kind in found.union(message.kinds) {
                let labelled = message.kinds.contains(kind), detected = found.contains(kind)
                switch (labelled, detected) {
                case (true, true): byKind[kind, default: Confusion()].truePositives += 1
                case (false, true):
                    byKind[kind, default: Confusion()].falsePositives += 1
                    mistakes.append("\(message.id) false \(kind.rawValue): \(message.text)")
                case (true, false):
                    byKind[kind, default: Confusion()].falseNegatives += 1
                    mistakes.append("\(message.id) missed \(kind.rawValue): \(message.text)")
                case (false, false): break
                }
            }
        }
        return (byKind, mistakes)
    }

    /// The Markdown table of the README: kind, labelled messages, precision, recall.
    static func table(_ byKind: [PersonalDataKind: Confusion]) -> String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f %%", $0 * 100) } ?? "–" }
        var lines = ["| kind | messages labelled | found (tp / fp) | precision | recall |", "|---|---:|---:|---:|---:|"]
        for kind in byKind.keys.sorted() {
            let counts = byKind[kind]!
            lines.append("| \(kind.label) | \(counts.truePositives + counts.falseNegatives) | \(counts.truePositives) / \(counts.falsePositives) | \(percent(counts.precision)) | \(percent(counts.recall)) |")
        }
        return lines.joined(separator: "\n")
    }
}

@Suite struct LabelledSetTests {
    @Test func theSetsAreLargeEnoughAndWellFormed() throws {
        let development = try LabelledMessage.load("development.tsv")
        let holdout = try LabelledMessage.load("holdout.tsv")
        #expect(development.count + holdout.count >= 500)
        #expect(Set((development + holdout).map(\.id)).count == development.count + holdout.count, "ids are unique")
        for kind in PersonalDataKind.allCases where kind != .bankAccount {
            #expect(holdout.contains { $0.kinds.contains(kind) }, "the held-out set labels \(kind.rawValue)")
        }
    }

    /// The figures of Sources/PersonalData/PersonalData.docc/PersonalData.md ("Precision and recall"): true positives,
    /// false positives and false negatives per kind. A change of the rules that moves any of them
    /// changes the README in the same commit.
    @Test(arguments: [
        ("development.tsv", [
            PersonalDataKind.email: [16, 1, 0], .phone: [27, 0, 0], .iban: [10, 0, 0], .partialIBAN: [8, 0, 0],
            .bankAccount: [1, 0, 0], .bsn: [13, 0, 0], .postcodeHuisnummer: [13, 0, 0], .streetAddress: [32, 1, 0],
            .birthDate: [16, 0, 1], .customerNumber: [17, 0, 0], .taxReference: [5, 0, 2], .caseNumber: [6, 0, 0],
            .income: [15, 0, 0], .debt: [18, 0, 2],
        ]),
        ("holdout.tsv", [
            PersonalDataKind.email: [14, 0, 0], .phone: [24, 0, 0], .iban: [10, 0, 0], .partialIBAN: [5, 0, 0],
            .bsn: [10, 0, 0], .postcodeHuisnummer: [11, 0, 0], .streetAddress: [24, 0, 0], .birthDate: [13, 0, 0],
            .customerNumber: [12, 0, 0], .taxReference: [4, 0, 1], .caseNumber: [5, 0, 0], .income: [13, 0, 1],
            .debt: [17, 0, 1],
        ]),
    ])
    func precisionAndRecallPerKind(file: String, expected: [PersonalDataKind: [Int]]) throws {
        let messages = try LabelledMessage.load(file)
        let result = Confusion.measure(webcareDetector, on: messages)
        let measured = result.byKind.mapValues { [$0.truePositives, $0.falsePositives, $0.falseNegatives] }
        // On failure, the table and the mistakes to put in the README (and to look at).
        #expect(measured == expected, "\(file)\n\(Confusion.table(result.byKind))\n\(result.mistakes.joined(separator: "\n"))")
    }
}
