import Foundation
import Ingest
import Support

/// A survey year read, scored and ranked: what the commands work with.
public struct ScoredYear: Sendable {
    public var survey: SurveyYear
    public var model: ScoringModel
    public var ranking: Ranking
}

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

/// The steps every scoring command takes: ingest the year, load the model its mapping names,
/// score, rank and (optionally) run the weight sensitivity analysis.
public enum ScoringRun {
    /// - Parameters:
    ///   - sensitivity: `nil` skips the analysis; otherwise its overrides apply to the model's settings.
    ///   - showProgress: show a progress line for the analysis (on a terminal only).
    public static func score(year: Int, in folder: SurveyFolder, reference: Reference, strict: Bool = false,
                             sensitivity: SensitivityOverrides? = SensitivityOverrides(),
                             showProgress: Bool = true) throws -> ScoredYear {
        try sensitivity?.validate()
        let survey = try folder.ingest(year: year, reference: reference, strict: strict)
        let model = try ModelLibrary(folder: folder.modelsURL).model(named: survey.model)
        let settings = try sensitivity.map { try $0.applied(to: model.sensitivity) }
        let progress = settings.flatMap { settings in
            showProgress ? Progress("weights \(year): \(settings.runs) runs", total: settings.runs) : nil
        }
        let ranking = try Ranker.rank(survey, model: model, reference: reference, sensitivity: settings,
                                      progress: progress)
        return ScoredYear(survey: survey, model: model, ranking: ranking)
    }

    /// Years to score: `year` alone, or every year in the folder. A missing year is an error
    /// naming the years that exist.
    public static func years(_ year: Int?, in folder: SurveyFolder) throws -> [Int] {
        let available = try folder.years()
        guard let year else {
            guard !available.isEmpty else { throw ScoringRunError.noYears(folder: folder.url.path) }
            return available
        }
        guard available.contains(year) else {
            throw ScoringRunError.unknownYear(year: year, folder: folder.url.path, available: available)
        }
        return [year]
    }
}

public enum ScoringRunError: Error, CustomStringConvertible, Equatable {
    case noYears(folder: String)
    case unknownYear(year: Int, folder: String, available: [Int])

    public var description: String {
        switch self {
        case .noYears(let folder):
            return "no survey years in \(folder): expected folders such as 2012/ holding a mapping.yaml"
        case .unknownYear(let year, let folder, let available):
            let list = available.isEmpty ? "none" : available.map(String.init).joined(separator: ", ")
            return "no survey year \(year) in \(folder) (no \(year)/mapping.yaml); years found: \(list)"
        }
    }
}
