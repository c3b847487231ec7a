import Support

/// `meetlat advise` as text: the same numbers as the gemeente page's "Hoe kom ik hoger?".
public enum AdviceText {
    public static func render(_ advice: Advice) -> String {
        var lines = [
            "\(advice.name), \(advice.year): \(advice.total) van \(advice.maximum) punten, rang \(advice.rank) van \(advice.count)"
        ]
        for dimension in advice.dimensions {
            lines.append("")
            lines.append("\(dimension.label): \(dimension.points) van \(dimension.maximum) punten, \(dimension.missed) gemist")
            for step in dimension.steps {
                lines.append("  \(step.label): \(step.from) → \(step.to): \(step.total) punten (+\(step.gain)), rang \(step.rank)")
            }
        }
        lines.append("")
        if let best = advice.best {
            lines.append("Met de \(best.steps.count) stappen samen (\(best.steps.map(\.label).joined(separator: ", "))): "
                + "\(best.total) punten, rang \(best.rank) in plaats van \(advice.rank)")
        } else {
            lines.append("Geen antwoord levert meer punten op.")
        }
        if !advice.peers.isEmpty {
            lines.append("")
            lines.append("Net boven in dezelfde grootteklasse:")
            for peer in advice.peers {
                lines.append("  rang \(peer.rank) \(peer.name): \(peer.total) punten; vooral \(peer.dimensionLabel) (+\(peer.lead))")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
