/// The warnings of one ingest report, each kind capped: the first `shownPerKind` in full, then
/// one line `… and 11000000 more columns neither mapped nor ignored`. A hostile header of
/// eleven million columns otherwise wrote a warning per column (1.28 GB: issue 19).
struct Warnings {
    static let shownPerKind = 20

    private var shown: [(kind: String, text: String)] = []
    /// How many of each kind were given.
    private var counts: [String: Int] = [:]

    /// Adds `text`, a warning of the kind `kind` (`"columns neither mapped nor ignored"`, the
    /// words after "… and 12 more"). Past `shownPerKind` of a kind only the count grows.
    mutating func append(_ text: String, kind: String) {
        let count = (counts[kind] ?? 0) + 1
        counts[kind] = count
        if count <= Self.shownPerKind { shown.append((kind, text)) }
    }

    /// The warnings as listed, in the order given; a kind with more than `shownPerKind` has its
    /// count of the rest right after its last shown warning.
    var list: [String] {
        var lines: [String] = []
        var listed: [String: Int] = [:]
        for (kind, text) in shown {
            lines.append(text)
            listed[kind, default: 0] += 1
            let count = counts[kind] ?? 0
            if listed[kind] == Self.shownPerKind && count > Self.shownPerKind {
                lines.append("… and \(count - Self.shownPerKind) more \(kind)")
            }
        }
        return lines
    }
}
