import Foundation
import Scoring
import Support

/// "Hoe kom ik hoger?" on a gemeente page: the advice Scoring computed (`Advisor`), with each
/// step's changed answers as JSON in the row (`data-edits`), so a test can make the same change
/// in the answers file and score it again with `meetlat advise --answers`.
enum AdviceContext {
    static func context(_ advice: Advice, slugs: [String: String]) -> TemplateValue {
        // The best steps are among the dimensions' steps: each change is encoded once.
        let json = EditsJSON()
        let step = { (step: AdviceStep) in Self.step(step, json: json) }
        let dimensions: [TemplateValue] = advice.dimensions.map { dimension in
            [
                "id": .string(dimension.id), "label": .string(dimension.label), "points": .number(dimension.points),
                "maximum": .number(dimension.maximum), "missed": .number(dimension.missed),
                "full": .bool(dimension.missed == 0), "hasSteps": .bool(!dimension.steps.isEmpty),
                "noSteps": .bool(dimension.missed > 0 && dimension.steps.isEmpty),
                "steps": .list(dimension.steps.map(step)),
            ]
        }
        var data: TemplateData = [
            "dimensions": .list(dimensions), "currentTotal": .number(advice.total), "currentRank": .number(advice.rank),
            "peers": .list(advice.peers.map { peer in
                ["name": .string(peer.name), "rank": .number(peer.rank), "total": .number(peer.total),
                 "dimensionLabel": .string(peer.dimensionLabel), "lead": .number(peer.lead),
                 "href": .string((slugs[peer.code] ?? peer.code) + ".html")]
            }),
            "hasPeers": .bool(!advice.peers.isEmpty),
        ]
        if let best = advice.best {
            data["best"] = [
                "stepCount": .number(best.steps.count), "one": .bool(best.steps.count == 1), "total": .number(best.total),
                "rank": .number(best.rank), "gain": .number(best.total - advice.total),
                "edits": .string(json.text(best.steps.flatMap(\.edits))),
                "steps": .list(best.steps.map(step)),
            ]
        }
        return .object(data)
    }

    static func step(_ step: AdviceStep, json: EditsJSON) -> TemplateValue {
        ["label": .string(step.label), "from": .string(step.from), "to": .string(step.to), "gain": .number(step.gain),
         "total": .number(step.total), "rank": .number(step.rank), "edits": .string(json.text(step.edits))]
    }

    /// Edits as compact JSON with sorted keys (deterministic bytes), each change encoded once:
    /// compact JSON of an array is its elements' JSON joined by commas between brackets, so
    /// `[a, b]` is written from the texts of `a` and `b`.
    final class EditsJSON {
        private let encoder = JSONEncoder()
        private var texts: [AnswerEdit: String] = [:]

        init() { encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes] }

        func text(_ edits: [AnswerEdit]) -> String {
            // An edit that cannot be encoded makes the whole list empty, as encoding the list did.
            var parts: [String] = []
            for edit in edits {
                if let known = texts[edit] {
                    parts.append(known)
                } else if let data = try? encoder.encode(edit) {
                    let text = String(decoding: data, as: UTF8.self)
                    texts[edit] = text
                    parts.append(text)
                } else {
                    return "[]"
                }
            }
            return "[" + parts.joined(separator: ",") + "]"
        }
    }
}
