import Foundation
import Scoring
import Support

/// "Hoe kom ik hoger?" on a gemeente page: the advice Scoring computed (`Advisor`), with each
/// step's changed answers as JSON in the row (`data-edits`), so a test can make the same change
/// in the answers file and score it again with `meetlat advise --answers`.
enum AdviceContext {
    static func context(_ advice: Advice, slugs: [String: String]) -> TemplateValue {
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
                "edits": .string(editsJSON(best.steps.flatMap(\.edits))),
                "steps": .list(best.steps.map(step)),
            ]
        }
        return .object(data)
    }

    static func step(_ step: AdviceStep) -> TemplateValue {
        ["label": .string(step.label), "from": .string(step.from), "to": .string(step.to), "gain": .number(step.gain),
         "total": .number(step.total), "rank": .number(step.rank), "edits": .string(editsJSON(step.edits))]
    }

    /// The edits as compact JSON with sorted keys (deterministic bytes).
    static func editsJSON(_ edits: [AnswerEdit]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(edits)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
