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
        /// Relative positions (`YearComparison.relativePosition`) in year b and, when compared, in year a.
        public var position: Double
        public var previousPosition: Double?

        /// Places risen: previous rank − current rank (positive = up), `nil` when new.
        public var rankChange: Int? { previous.map { $0.rank - current.rank } }
        /// Points gained, `nil` when new. Not like for like when the models differ.
        public var scoreChange: Int? { previous.map { current.total - $0.total } }
        /// Relative position gained, in percentage points (positive = up), `nil` when new: like
        /// for like when the two rankings differ in length, where places are not.
        public var positionChange: Double? { previousPosition.map { position - $0 } }
        /// Whether it is compared with a predecessor rather than with itself (a merger).
        public var isAgainstPredecessor: Bool {
            if case .predecessors = basis { return true } else { return false }
        }
    }

    /// Where `rank` stands in a ranking of `count` gemeenten, comparable between rankings of
    /// different lengths: the share of the other ranked gemeenten placed below it, in % (rank 1
    /// is 100, the last is 0). 215th of 221 is 2,7; 231st of 238 is 3,0 — 16 places lower, yet
    /// slightly higher up the list.
    public static func relativePosition(rank: Int, count: Int) -> Double {
        count > 1 ? 100 * Double(count - rank) / Double(count - 1) : 100
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

    /// Whether the two rankings differ in length: places are then not like for like, and every
    /// comparison shows the change of relative position beside them.
    public var countsDiffer: Bool { from.entries.count != to.entries.count }

    public init(from: Ranking, to: Ranking, reference: Reference) {
        self.from = from
        self.to = to
        var previousByCode: [String: RankedGemeente] = [:]
        for entry in from.entries { previousByCode[entry.code] = entry }
        let currentCodes = Set(to.entries.map(\.code))
        let fromCount = from.entries.count, toCount = to.entries.count
        func entry(_ current: RankedGemeente, _ previous: RankedGemeente?, _ basis: Basis) -> Entry {
            Entry(current: current, previous: previous, basis: basis,
                  position: Self.relativePosition(rank: current.rank, count: toCount),
                  previousPosition: previous.map { Self.relativePosition(rank: $0.rank, count: fromCount) })
        }

        entries = to.entries.map { current in
            let answeringPredecessors = reference.predecessors(of: current.code, mergedBy: to.year)
                .compactMap { previousByCode[$0.code] }
                .filter { !currentCodes.contains($0.code) }
            if let same = previousByCode[current.code] {
                return entry(current, same, .same(absorbed: answeringPredecessors))
            }
            guard let used = answeringPredecessors.min(by: Self.largerFirst) else {
                return entry(current, nil, .new)
            }
            let answered = answeringPredecessors.sorted(by: Self.largerFirst)
            return entry(current, used, .predecessors(used: used, answered: answered))
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
    public var mergers: [Entry] { entries.filter(\.isAgainstPredecessor) }

    /// The entries that rose most, best first: by relative position gained (which orders like
    /// places when the two rankings are equally long), then places, then name. A gemeente
    /// compared with a predecessor is left out: its "rise" is as much the merger as its own
    /// doing (`mergers` lists them).
    public func risers(limit: Int) -> [Entry] {
        Array(entries.filter { !$0.isAgainstPredecessor && movement($0).position > 0 }
            .sorted { movement($0) > movement($1) || (movement($0) == movement($1) && $0.current.name < $1.current.name) }
            .prefix(max(0, limit)))
    }

    /// The entries that fell most, worst first, ordered as `risers` the other way round;
    /// predecessors left out likewise.
    public func fallers(limit: Int) -> [Entry] {
        Array(entries.filter { !$0.isAgainstPredecessor && movement($0).position < 0 }
            .sorted { movement($0) < movement($1) || (movement($0) == movement($1) && $0.current.name < $1.current.name) }
            .prefix(max(0, limit)))
    }

    /// Relative position gained, then places: how risers and fallers are ordered. The position
    /// change is compared exactly, as the integer numerator over the common denominator
    /// (count a − 1)(count b − 1), so equal changes tie (and go by name) rather than by rounding.
    private func movement(_ entry: Entry) -> Movement {
        guard let previous = entry.previous else { return Movement(position: 0, places: 0) }
        let a = max(from.entries.count - 1, 1), b = max(to.entries.count - 1, 1)
        let position = (to.entries.count - entry.current.rank) * a - (from.entries.count - previous.rank) * b
        return Movement(position: position, places: previous.rank - entry.current.rank)
    }

    /// Every compared entry's place in the order of movement (relative position gained, then
    /// places), from 0 for the largest fall up; equal movements share a place. By CBS code;
    /// new entries have none. The site sorts its change column by it.
    public var movementOrder: [String: Int] {
        let compared = entries.filter { $0.previous != nil }.map { ($0.current.code, movement($0)) }.sorted { $0.1 < $1.1 }
        var order: [String: Int] = [:]
        var place = 0
        for (index, (code, movement)) in compared.enumerated() {
            if index > 0, compared[index - 1].1 < movement { place += 1 }
            order[code] = place
        }
        return order
    }

    private struct Movement: Comparable {
        let position: Int
        let places: Int
        static func < (x: Movement, y: Movement) -> Bool { (x.position, x.places) < (y.position, y.places) }
    }

    /// Year b's entries ranked `top` or better (Tabel 2: the top 10, ties included).
    public func top(_ top: Int) -> [Entry] { entries.filter { $0.current.rank <= top } }

    /// The biggest riser among year b's top `top` (Borsele, 114 → 7, in 2012's top 10).
    public func biggestRiser(withinTop top: Int) -> Entry? {
        self.top(top).filter { ($0.rankChange ?? 0) > 0 }
            .max { ($0.rankChange ?? 0, $1.current.name) < ($1.rankChange ?? 0, $0.current.name) }
    }
}
