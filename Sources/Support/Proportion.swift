/// `count` of `denominator`, e.g. 186 of the 221 gemeenten that answered the question, or 5 of
/// the 6 conversations answered. Every percentage meetlat prints is one of these, so the
/// denominator always travels with it.
public struct Proportion: Sendable, Hashable, Codable {
    public var count: Int
    public var denominator: Int

    public init(_ count: Int, of denominator: Int) {
        self.count = count
        self.denominator = denominator
    }

    /// The exact share in 0...1, or `nil` when nobody answered.
    public var value: Double? {
        denominator > 0 ? Double(count) / Double(denominator) : nil
    }

    /// Whole percentage rounded half up (19 of 221 = 8.597 % → 9), or `nil` when nobody answered.
    public var percent: Int? { Rounding.percent(count, of: denominator) }

    /// `84 % (186/221)`; `– (0/0)` when nobody answered.
    public var text: String {
        "\(percent.map { "\($0) %" } ?? "–") (\(count)/\(denominator))"
    }
}
