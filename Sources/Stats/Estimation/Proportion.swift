import Support

/// `count` of `denominator`: lives in Support, shared with the webcare report.
public typealias Proportion = Support.Proportion

/// `1 gemeente`, `3 gemeenten`: counts in notes read as English with Dutch domain words.
func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
    "\(count) \(count == 1 ? singular : plural)"
}

/// The relative difference of Tabel 12 of the 2012 report: ((new − old) / old) × 100.
/// `nil` when `old` is 0 (a rise from nothing has no relative size).
public func relativeDifference(old: Double, new: Double) -> Double? {
    guard old != 0 else { return nil }
    return (new - old) / old * 100
}

extension Proportion {
    /// The change from `old` to this share in percentage points, and the relative difference of
    /// Tabel 12, from the counts: each is one division of exact integers, so a half stays a half
    /// (3/4 against 2/5 is 87.5 %, where (0.75 − 0.4) / 0.4 × 100 gives 87.4999…). `nil` where the
    /// shares or the relative difference are undefined. Counts are respondents, far below 2^31.
    public func change(from old: Proportion) -> (points: Double, relative: Double?)? {
        guard denominator > 0, old.denominator > 0 else { return nil }
        let difference = count * old.denominator - old.count * denominator
        let points = Double(difference * 100) / Double(denominator * old.denominator)
        let relative = old.count == 0 ? nil : Double(difference * 100) / Double(denominator * old.count)
        return (points, relative)
    }
}
