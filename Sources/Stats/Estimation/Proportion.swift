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
