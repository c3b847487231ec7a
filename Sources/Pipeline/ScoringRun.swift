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
        let ranking = try Ranker.rank(survey.accepted, model: model, reference: reference, sensitivity: settings,
                                      progress: progress)
        return ScoredYear(survey: survey, model: model, ranking: ranking)
    }

    /// `meetlat explain`: the year scored as `meetlat score` scores it, and the ranks and the
    /// explanation of every point of the gemeente that `query` names (as ingest resolves names).
    public static func explanation(of query: String, year: Int, in folder: SurveyFolder) throws -> String {
        _ = try folder.years(selecting: year)
        let reference = try folder.reference()
        let gemeente = try GemeenteLookup.find(query, in: reference, year: year)
        let scored = try score(year: year, in: folder, reference: reference, sensitivity: nil)
        guard let entry = scored.ranking.entries.first(where: { $0.code == gemeente.code }) else {
            throw LookupError.notScored(name: gemeente.name, code: gemeente.code, year: year)
        }
        let label = reference.sizeClasses.first { $0.id == entry.sizeClass }?.label
        return ScoringText.explanation(entry, in: scored.ranking, model: scored.model, sizeClassLabel: label)
    }
}
