/// Command-line overrides of a model's uncertainty settings (`nil` keeps the model's value).
public struct UncertaintyOverrides: Sendable, Hashable {
    public var samples: Int?
    public var seed: UInt64?

    public init(samples: Int? = nil, seed: UInt64? = nil) {
        self.samples = samples
        self.seed = seed
    }

    /// Checks the overrides on their own, so a bad option fails before any input is read.
    public func validate() throws {
        if let samples, samples < 2 || samples > 1_000_000 { throw UncertaintyError.invalidSamples(samples) }
    }

    public func applied(to settings: UncertaintySettings) throws -> UncertaintySettings {
        try validate()
        var settings = settings
        if let samples { settings.samples = samples }
        if let seed { settings.seed = seed }
        return settings
    }
}

public enum UncertaintyError: Error, CustomStringConvertible, Equatable {
    case invalidSamples(Int)
    case noAssumptions(model: String)

    public var description: String {
        switch self {
        case .invalidSamples(let samples):
            return "the Saltelli sample size must be a whole number from 2 to 1000000, found \(samples)"
        case .noAssumptions(let model):
            return "the model \(model) has no uncertainty section: there are no assumptions to vary (Sources/Scoring/Scoring.docc/Scoring.md, \"Uncertainty\")"
        }
    }
}
