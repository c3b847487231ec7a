/// Mean, median, mode, minimum and maximum of the answers to a number question, with how often
/// the mode, minimum and maximum occur ("het hoogste cijfer is een 8 (27 keer)").
public struct NumberSummary: Sendable, Hashable, Codable {
    public struct Occurrence: Sendable, Hashable, Codable {
        public var value: Double
        public var count: Int
    }

    public var count: Int
    public var mean: Double
    public var median: Double
    /// The most frequent values, ascending (more than one when tied), each with its count.
    public var modes: [Occurrence]
    public var minimum: Occurrence
    public var maximum: Occurrence

    /// `nil` for no values.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        count = sorted.count
        mean = sorted.reduce(0, +) / Double(sorted.count)
        let middle = sorted.count / 2
        median = sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
        var frequencies: [(value: Double, count: Int)] = []
        for value in sorted {
            if let last = frequencies.last, last.value == value {
                frequencies[frequencies.count - 1].count += 1
            } else {
                frequencies.append((value, 1))
            }
        }
        let highest = frequencies.map(\.count).max() ?? 0
        modes = frequencies.filter { $0.count == highest }.map { Occurrence(value: $0.value, count: $0.count) }
        minimum = Occurrence(value: frequencies[0].value, count: frequencies[0].count)
        maximum = Occurrence(value: frequencies[frequencies.count - 1].value, count: frequencies[frequencies.count - 1].count)
    }
}
