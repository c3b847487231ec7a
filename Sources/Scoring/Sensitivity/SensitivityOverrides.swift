/// Command-line overrides of a model's sensitivity settings (`nil` keeps the model's value).
public struct SensitivityOverrides: Sendable, Hashable {
    public var runs: Int?
    public var spread: Double?
    public var distribution: WeightDistribution?
    public var seed: UInt64?

    public init(runs: Int? = nil, spread: Double? = nil, distribution: WeightDistribution? = nil, seed: UInt64? = nil) {
        self.runs = runs
        self.spread = spread
        self.distribution = distribution
        self.seed = seed
    }

    /// Checks the overrides on their own, so a bad option fails before any input is read.
    public func validate() throws {
        try applied(to: .default)
    }

    @discardableResult
    public func applied(to settings: SensitivitySettings) throws -> SensitivitySettings {
        try settings.overridden(runs: runs, spread: spread, distribution: distribution, seed: seed)
    }
}
