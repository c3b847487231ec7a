import Core
import Foundation
import Ingest
import Scoring
import Support

/// A survey year read, scored and ranked: what the commands work with.
public struct ScoredYear: Sendable {
    public var survey: SurveyYear
    public var model: ScoringModel
    public var ranking: Ranking
    /// The answers the ranking scored, as `Rankings/<year>-answers.json` publishes them.
    public var answers: ScoredAnswers
}

/// The steps every scoring command takes: ingest the year, load the model its mapping names and
/// the year's observations file (if any), score, rank and (optionally) run the uncertainty
/// analysis, which needs the previous edition's answers for one alternative of missing counts.
public enum ScoringRun {
    /// - Parameters:
    ///   - year: the survey year to score.
    ///   - folder: the survey folder (`--surveys`).
    ///   - reference: the gemeenten, their inhabitants and size classes.
    ///   - strict: refuse the year when a row was rejected for more than being anonymous or a
    ///     duplicate (`RejectReason.failsStrictRun`).
    ///   - uncertainty: `nil` skips the analysis; otherwise its overrides apply to the model's settings.
    ///   - showProgress: show a progress line for the analysis (on a terminal only).
    public static func score(year: Int, in folder: SurveyFolder, reference: Reference, strict: Bool = false,
                             uncertainty: UncertaintyOverrides? = UncertaintyOverrides(),
                             showProgress: Bool = true) throws -> ScoredYear {
        try uncertainty?.validate()
        let survey = try folder.ingest(year: year, reference: reference, strict: strict)
        let model = try ModelLibrary(folder: folder.modelsURL).model(named: survey.model)
        let observations = try folder.observations(year: year, reference: reference)
        var settings = try uncertainty.map { try $0.applied(to: model.uncertainty) }
        if settings?.isEmpty ?? false { settings = nil }
        // The previous edition, for imputing a missing count from it; only when an assumption asks.
        var previous: SurveyResponses?
        let wantsPrevious = settings?.assumptions.contains { assumption in
            if case .missingCounts(let alternatives) = assumption.kind { return alternatives.contains(.previousEdition) }
            return false
        } ?? false
        if wantsPrevious, try folder.years().contains(year - 1) {
            previous = try folder.ingest(year: year - 1, reference: reference).accepted
        }
        let progress = settings.flatMap { settings in
            showProgress ? Progress("uncertainty \(year): \(settings.samples) samples", total: settings.samples * (settings.assumptions.count + 2)) : nil
        }
        let ranking = try Ranker.rank(survey.accepted, model: model, reference: reference, observations: observations,
                                      previous: previous, uncertainty: settings, progress: progress)
        let answers = ScoredAnswers.make(ranking: ranking, survey: survey.accepted, model: model, observations: observations)
        return ScoredYear(survey: survey, model: model, ranking: ranking, answers: answers)
    }

    /// `meetlat explain`: the year scored as `meetlat score` scores it, and the ranks and the
    /// explanation of every point of the gemeente that `query` names (as ingest resolves names).
    public static func explanation(of query: String, year: Int, in folder: SurveyFolder) throws -> String {
        _ = try folder.years(selecting: year)
        let reference = try folder.reference()
        let gemeente = try GemeenteLookup.find(query, in: reference, year: year)
        let scored = try score(year: year, in: folder, reference: reference)
        guard let entry = scored.ranking.entries.first(where: { $0.code == gemeente.code }) else {
            throw LookupError.notScored(name: gemeente.name, code: gemeente.code, year: year)
        }
        let label = reference.sizeClasses.first { $0.id == entry.sizeClass }?.label
        return ScoringText.explanation(entry, in: scored.ranking, model: scored.model, sizeClassLabel: label)
    }
}

/// A year's ranking as a function of the model's assumptions, for `meetlat sensitivity`: the
/// published ranking (scored without the analysis), the function, its variables and settings.
public struct UncertaintyProblem: Sendable {
    public var scored: ScoredYear
    public var function: RankingFunction
    public var space: AssumptionSpace
    public var settings: UncertaintySettings

    public static func make(year: Int, in folder: SurveyFolder, reference: Reference,
                            overrides: UncertaintyOverrides) throws -> UncertaintyProblem {
        try overrides.validate()
        let scored = try ScoringRun.score(year: year, in: folder, reference: reference, uncertainty: nil)
        var model = scored.model
        let settings = try overrides.applied(to: model.uncertainty)
        guard !settings.isEmpty else { throw UncertaintyError.noAssumptions(model: model.name) }
        model.uncertainty = settings
        var previous: SurveyResponses?
        if try folder.years().contains(year - 1) { previous = try folder.ingest(year: year - 1, reference: reference).accepted }
        let function = RankingFunction(ranking: scored.ranking, survey: scored.survey.accepted, model: model, reference: reference,
                                       observations: try folder.observations(year: year, reference: reference), previous: previous)
        return UncertaintyProblem(scored: scored, function: function, space: AssumptionSpace(model: model, function: function),
                                  settings: settings)
    }

    /// The analysis with its results put into the ranking.
    public func run(showProgress: Bool = true) -> (ranking: Ranking, result: UncertaintyAnalysis.Result) {
        let progress = showProgress
            ? Progress("uncertainty \(scored.ranking.year): \(settings.samples) samples", total: settings.samples * (settings.assumptions.count + 2))
            : nil
        let result = UncertaintyAnalysis.run(function, model: scored.model, settings: settings, progress: progress)
        var ranking = scored.ranking
        Ranker.apply(result, to: &ranking)
        return (ranking, result)
    }
}
