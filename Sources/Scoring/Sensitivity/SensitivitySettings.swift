import Foundation
import Support

/// How the weight sensitivity analysis perturbs the dimension weights.
public enum WeightDistribution: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every factor equally likely in `1 ± spread`.
    case uniform
    /// Triangular on `1 ± spread` with its peak at 1 (the sum of two uniform draws).
    case triangular
}

/// Settings of the Monte Carlo over dimension weights: each run draws every dimension's weight
/// as `nominal × (1 + spread × e)` with `e` from `distribution` on [−1, 1), recomputes the
/// weighted totals and ranks them. Seeded, so every machine gets the same intervals.
public struct SensitivitySettings: Sendable, Hashable {
    public var runs: Int
    /// Relative half-width of the weight perturbation: 0.25 means ±25 %. In [0, 1).
    public var spread: Double
    public var distribution: WeightDistribution
    public var seed: UInt64

    public static let `default` = SensitivitySettings(runs: 10_000, spread: 0.25, distribution: .uniform, seed: 1)
    /// The most runs accepted, from a model file or `sensitivity --runs` alike (each run ranks
    /// every gemeente once; ten million take minutes, more would be a typo).
    public static let maximumRuns = 10_000_000

    public init(runs: Int, spread: Double, distribution: WeightDistribution, seed: UInt64) {
        self.runs = runs
        self.spread = spread
        self.distribution = distribution
        self.seed = seed
    }

    /// The settings with command-line overrides applied and checked.
    public func overridden(runs: Int? = nil, spread: Double? = nil, distribution: WeightDistribution? = nil,
                           seed: UInt64? = nil) throws -> SensitivitySettings {
        var settings = self
        if let runs { settings.runs = runs }
        if let spread { settings.spread = spread }
        if let distribution { settings.distribution = distribution }
        if let seed { settings.seed = seed }
        try settings.validate()
        return settings
    }

    public func validate() throws {
        guard runs >= 1, runs <= Self.maximumRuns else { throw SensitivityError.invalidRuns(runs) }
        guard spread >= 0, spread < 1, spread.isFinite else { throw SensitivityError.invalidSpread(spread) }
    }
}

extension SensitivitySettings: Codable {
    private enum CodingKeys: String, CodingKey { case runs, spread, distribution, seed }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        runs = try container.decode(Int.self, forKey: .runs)
        spread = try container.decode(Double.self, forKey: .spread)
        distribution = try container.decode(WeightDistribution.self, forKey: .distribution)
        seed = try container.decode(UInt64.self, forKey: .seed)
    }

    /// The spread goes out as a `Decimal` built from fixed-point text, so its JSON digits do not
    /// depend on how a platform prints binary floating point.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(runs, forKey: .runs)
        try container.encode(Decimal(string: Rounding.fixed(spread, decimals: 4)) ?? 0, forKey: .spread)
        try container.encode(distribution, forKey: .distribution)
        try container.encode(seed, forKey: .seed)
    }
}

public enum SensitivityError: Error, CustomStringConvertible, Equatable {
    case invalidRuns(Int)
    case invalidSpread(Double)

    public var description: String {
        switch self {
        case .invalidRuns(let runs):
            return "sensitivity runs must be a whole number from 1 to \(SensitivitySettings.maximumRuns), found \(runs)"
        case .invalidSpread(let spread):
            return "sensitivity spread must be at least 0 and below 1 (0.25 means ±25 %), found \(spread)"
        }
    }
}
