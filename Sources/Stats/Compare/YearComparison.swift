import Core
import Scoring

/// Two ranked years side by side (`meetlat compare <a> <b>`): per gemeente of year b its rank
/// and score in year a, following mergers.
///
/// Mergers: a gemeente of year b that did not answer in year a under its own code, but whose
/// predecessors (`Reference.predecessors`) did, is compared with **the largest of those
/// predecessors by inhabitants in year a** (ties: the better rank, then the code). The largest
/// predecessor stands for most of the new gemeente's inhabitants, and unlike the best-ranked it
/// does not flatter the change. All answering predecessors are listed with the comparison.
public struct YearComparison: Sendable, Hashable {
    /// How an entry of year b was matched with year a.
    public enum Basis: Sendable, Hashable {
        /// The same CBS code answered in both years. `absorbed`: predecessors that merged into it
        /// between the years and answered in year a themselves (listed, not used).
        case same(absorbed: [RankedGemeente])
        /// Not in year a itself; compared with `used`, one of the predecessors that answered.
        case predecessors(used: RankedGemeente, answered: [RankedGemeente])
        /// Neither the gemeente nor a predecessor answered in year a.
        case new
    }

    public struct Entry: Sendable, Hashable {
        public var current: RankedGemeente
        /// The year-a entry it is compared with (itself or a predecessor), if any.
        public var previous: RankedGemeente?
        public var basis: Basis

        /// Places risen: previous rank − current rank (positive = up), `nil` when new.
        public var rankChange: Int? { previous.map { $0.rank - current.rank } }
        /// Points gained, `nil` when new. Not like for like when the models differ.
        public var scoreChange: Int? { previous.map { current.total - $0.total } }
    }

    /// A gemeente of year a that is absent from year b and not represented by a successor there.
    public struct DropOut: Sendable, Hashable {
        public var previous: RankedGemeente
        /// The gemeente it merged into by year b, when it merged into one that did not answer.
        public var mergedInto: Gemeente?
    }

    public var from: Ranking
    public var to: Ranking
    /// One per entry of year b, in year b's order (rank, then name).
    public var entries: [Entry]
    /// In year a's order.
    public var dropOuts: [DropOut]

    /// Whether the two years were scored with different models: ranks and scores are then not
    /// like for like, and every comparison says so.
    public var modelChanged: Bool { from.model != to.model }

    public init(from: Ranking, to: Ranking, reference: Reference) {
        self.from = from
        self.to = to
        var previousByCode: [String: RankedGemeente] = [:]
        for entry in from.entries { previousByCode[entry.code] = entry }
        let currentCodes = Set(to.entries.map(\.code))

        entries = to.entries.map { current in
            let answeringPredecessors = reference.predecessors(of: current.code, mergedBy: to.year)
                .compactMap { previousByCode[$0.code] }
                .filter { !currentCodes.contains($0.code) }
            if let same = previousByCode[current.code] {
                return Entry(current: current, previous: same, basis: .same(absorbed: answeringPredecessors))
            }
            guard let used = answeringPredecessors.min(by: Self.largerFirst) else {
                return Entry(current: current, previous: nil, basis: .new)
            }
            let answered = answeringPredecessors.sorted(by: Self.largerFirst)
            return Entry(current: current, previous: used, basis: .predecessors(used: used, answered: answered))
        }

        let represented = Set(entries.flatMap { entry -> [String] in
            switch entry.basis {
            case .same(let absorbed): return [entry.current.code] + absorbed.map(\.code)
            case .predecessors(_, let answered): return answered.map(\.code)
            case .new: return []
            }
        })
        dropOuts = from.entries.filter { !represented.contains($0.code) }.map { previous in
            let successor = reference.successor(of: previous.code, in: to.year)
            return DropOut(previous: previous, mergedInto: successor?.code == previous.code ? nil : successor)
        }
    }

    /// Larger inhabitants first, then better rank, then code: the order in which predecessors
    /// are listed and the first of which is compared with.
    static func largerFirst(_ left: RankedGemeente, _ right: RankedGemeente) -> Bool {
        if left.inhabitants != right.inhabitants { return left.inhabitants > right.inhabitants }
        if left.rank != right.rank { return left.rank < right.rank }
        return left.code < right.code
    }

    /// Gemeenten that answered in year b but neither they nor a predecessor in year a.
    public var newEntrants: [Entry] { entries.filter { $0.basis == .new } }

    /// Entries compared with a predecessor.
    public var mergers: [Entry] {
        entries.filter { if case .predecessors = $0.basis { return true } else { return false } }
    }

    /// The entries that rose most (by places), best first; ties by name.
    public func risers(limit: Int) -> [Entry] {
        Array(entries.filter { ($0.rankChange ?? 0) > 0 }
            .sorted { ($0.rankChange ?? 0, $1.current.name) > ($1.rankChange ?? 0, $0.current.name) }
            .prefix(max(0, limit)))
    }

    /// The entries that fell most (by places), worst first; ties by name.
    public func fallers(limit: Int) -> [Entry] {
        Array(entries.filter { ($0.rankChange ?? 0) < 0 }
            .sorted { ($0.rankChange ?? 0, $0.current.name) < ($1.rankChange ?? 0, $1.current.name) }
            .prefix(max(0, limit)))
    }

    /// Year b's entries ranked `top` or better (Tabel 2: the top 10, ties included).
    public func top(_ top: Int) -> [Entry] { entries.filter { $0.current.rank <= top } }

    /// The biggest riser among year b's top `top` (Borsele, 114 → 7, in 2012's top 10).
    public func biggestRiser(withinTop top: Int) -> Entry? {
        self.top(top).filter { ($0.rankChange ?? 0) > 0 }
            .max { ($0.rankChange ?? 0, $1.current.name) < ($1.rankChange ?? 0, $0.current.name) }
    }
}
