import Core
import Dispatch
import Foundation
import ROI
import Scoring
import Stats

/// Where a build reads from: finished outputs only (Rankings/, Statistics/), the scoring models,
/// the ROI scenarios and the site sources — never a survey export, which holds respondents'
/// names and e-mail addresses.
public struct SiteInput: Sendable {
    /// `Rankings/<year>.json`: one edition per file.
    public var rankings: URL
    /// `Statistics/<year>.json` per edition and `Statistics/reference.json` (`meetlat stats --write`).
    public var statistics: URL
    /// The scoring models (`Surveys/models/`), for the methodology pages.
    public var models: URL
    /// `Scenarios/*.yaml` for the ROI calculator.
    public var scenarios: URL
    /// The site sources (`site/`).
    public var source: URL
    /// Gemeente boundaries per year (`gemeente_<year>.topojson`, `Surveys/reference/boundaries/`)
    /// for the editions' maps; an edition without a file for its year gets no map.
    public var boundaries: URL?

    /// Folders the build does not read but must never replace: the survey folder its models
    /// come from, which holds the raw exports.
    public var protected: [URL] = []

    public init(rankings: URL, statistics: URL, models: URL, scenarios: URL, source: URL) {
        self.rankings = rankings
        self.statistics = statistics
        self.models = models
        self.scenarios = scenarios
        self.source = source
    }

    /// Everything the build reads: the output may be none of these, nor hold or lie in one.
    public var folders: [URL] { protected + [rankings, statistics, models, scenarios, source] + (boundaries.map { [$0] } ?? []) }
}

/// One published year: its ranking, the model it was scored with, its survey tables and the
/// comparison with the edition before it. Holds only published data.
struct Edition: Sendable {
    let year: Int
    let ranking: Ranking
    let model: ScoringModel
    /// The model of the previous edition, when there is one (its label, where the two differ).
    let previousModel: ScoringModel?
    let statistics: StatisticsReport
    /// The comparison with the previous edition (following mergers), when there is one.
    let comparison: YearComparison?
    /// Respondents used (named gemeenten) and gemeenten existing on 1 January of the year.
    let respondents: Int
    let gemeenten: Int
    /// Responses that named no gemeente (not used).
    let anonymous: Int
    /// "Hoe kom ik hoger?" per gemeente code: the edition's answers (`Rankings/<year>-answers.json`)
    /// scored again by its model with answers changed; empty when the rankings folder has no
    /// answers file for the year.
    let advice: [String: Advice]
    /// The gemeenten of the year as shapes for the map; nil without boundaries for the year.
    let map: GemeenteMap?
}

/// The one name of every survey question and option on the site, from statistics.yaml (the
/// questionnaire's labels): the statistics, the gemeente pages' explanations, the channels and
/// the methodology all call a question by it, whatever a scoring model calls it. A question
/// only a model knows (2011's self-scores) keeps the model's label.
struct QuestionLabels: Sendable {
    /// Field → option value → label; the first table listing a field decides.
    private let options: [String: [String: String]]
    /// Field → label, from the tables with a field per row (first table decides).
    private let fields: [String: String]

    /// From a year's statistics: the options of its `options` tables, and the label of every
    /// question a table has a row for (the rows of number, rating and grid tables are fields,
    /// `application.zenden`; only such dotted ids are taken, so an answer value is never
    /// mistaken for a question).
    init(options tables: [OptionShares], tables statTables: [StatTable]) {
        var options: [String: [String: String]] = [:], fields: [String: String] = [:]
        for table in tables.map(\.definition) {
            guard let field = table.field, options[field] == nil else { continue }
            options[field] = Dictionary((table.options ?? []).map { ($0.value, $0.label) }) { first, _ in first }
        }
        for table in statTables where table.id == table.definition {
            for row in table.rows where row.id.contains(".") && fields[row.id] == nil {
                if case .text(let label)? = row.cells.first { fields[row.id] = label }
            }
        }
        self.options = options
        self.fields = fields
    }

    func option(_ value: String, of field: String) -> String? { options[field]?[value] }

    /// `model` with its questions and options named as here, for the sentences the site takes
    /// from Scoring (the notes on a score) and the methodology; the model's own labels stay in
    /// Rankings/ and on the command line.
    func relabelled(_ model: ScoringModel) -> ScoringModel {
        var copy = model
        func relabel(_ fields: [LabelledField]) -> [LabelledField] {
            fields.map { LabelledField(field: $0.field, label: field($0.field) ?? $0.label) }
        }
        for index in copy.dimensions.indices {
            switch copy.dimensions[index].rule {
            case .presence(var rule):
                rule.options = rule.options.map { option in
                    var relabelled = option
                    relabelled.label = self.option(option.value, of: rule.field) ?? option.label
                    return relabelled
                }
                copy.dimensions[index].rule = .presence(rule)
            case .perInhabitant(var rule):
                rule.fields = rule.fields.map { var relabelled = $0; relabelled.label = field($0.field) ?? $0.label; return relabelled }
                copy.dimensions[index].rule = .perInhabitant(rule)
            case .choicePoints(var rule):
                rule.fields = relabel(rule.fields)
                copy.dimensions[index].rule = .choicePoints(rule)
            case .scaledRatings(var rule):
                rule.fields = relabel(rule.fields)
                copy.dimensions[index].rule = .scaledRatings(rule)
            }
        }
        return copy
    }

    func field(_ field: String) -> String? { fields[field] }
}

/// A scenario of `Scenarios/`, compiled, with its export for the browser calculator.
struct ScenarioExport: Sendable {
    /// The file name without `.yaml`: the scenario's id in the calculator's URL.
    let id: String
    let model: CompiledScenario
    /// `meetlat roi <file> --export-model`, as text.
    let exportJSON: String
    /// ROI, NPV, payback per year at the file's values (for the page without JavaScript).
    let breakdown: Breakdown
}

/// Everything the site is built from, read once (step 1 of the build).
struct SiteData: Sendable {
    let source: SiteSource
    let reference: Reference
    /// Ascending by year.
    let editions: [Edition]
    let scenarios: [ScenarioExport]
    /// Every question's one name (statistics.yaml, through the editions' statistics).
    let labels: QuestionLabels

    /// Reads the sources, the reference, each edition's ranking and statistics, and the
    /// scenarios. Editions are read concurrently; the first failure (by year) is thrown.
    static func load(_ input: SiteInput) throws -> SiteData {
        let source = try SiteSource.load(input.source)
        let reference = try ReferenceFile.load(statistics: input.statistics)
        let years = try editionYears(in: input.rankings)
        let library = ModelLibrary(folder: input.models)

        let loaded = try concurrentMap(years) { year -> (Ranking, ScoringModel, YearStatistics) in
            let ranking = try RankingFile.load(year: year, rankings: input.rankings)
            let statistics = try StatisticsFile.load(year: year, statistics: input.statistics)
            // Both files come from the same survey: its mapping names one model, and every
            // accepted response is ranked.
            let rerun = "run `meetlat score --year \(year)` and `meetlat stats --write --year \(year)`"
            guard statistics.model == ranking.model else {
                throw SiteError.inconsistentData(
                    path: RankingFile.url(year: year, rankings: input.rankings).path,
                    problem: "scored with model \(ranking.model), but the statistics of \(year) are of a survey whose "
                        + "mapping names \(statistics.model); \(rerun)")
            }
            guard statistics.respondents == ranking.entries.count else {
                throw SiteError.inconsistentData(
                    path: RankingFile.url(year: year, rankings: input.rankings).path,
                    problem: "ranks \(ranking.entries.count) gemeenten, but the statistics of \(year) count "
                        + "\(statistics.respondents) respondents: they are not of the same survey; \(rerun)")
            }
            return (ranking, try library.model(named: ranking.model), statistics)
        }
        // One name per question for the whole site: statistics.yaml's, as the newest edition's
        // statistics carry it (an older edition's words only for what the newest lacks).
        let newestFirst = loaded.reversed().map(\.2)
        let labels = QuestionLabels(options: newestFirst.flatMap(\.options), tables: newestFirst.flatMap(\.tables))
        // Scored by each edition's model with its questions named as everywhere on the site.
        let advice = try concurrentMap(Array(years.enumerated())) { index, year in
            try Self.advice(year: year, ranking: loaded[index].0, model: labels.relabelled(loaded[index].1), rankings: input.rankings)
        }
        let maps = try concurrentMap(years) { year -> GemeenteMap? in
            guard let folder = input.boundaries else { return nil }
            let url = GemeenteMap.url(year: year, in: folder)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try GemeenteMap.load(url, year: year, gemeenten: reference.gemeenten(in: year))
        }
        var editions: [Edition] = []
        for (index, year) in years.enumerated() {
            let (ranking, model, statistics) = loaded[index]
            let comparison = editions.last.map { YearComparison(from: $0.ranking, to: ranking, reference: reference) }
            editions.append(Edition(year: year, ranking: ranking, model: model, previousModel: editions.last?.model,
                                    statistics: statistics.report, comparison: comparison,
                                    respondents: statistics.respondents, gemeenten: reference.gemeenten(in: year).count,
                                    anonymous: statistics.anonymous, advice: advice[index], map: maps[index]))
        }
        return SiteData(source: source, reference: reference, editions: editions,
                        scenarios: try loadScenarios(input.scenarios), labels: labels)
    }

    /// Every ranked gemeente's advice, from the answers file scored again by the model; the file
    /// must give every gemeente the total of the ranking (else it is not of the same scoring).
    static func advice(year: Int, ranking: Ranking, model: ScoringModel, rankings: URL) throws -> [String: Advice] {
        guard ScoredAnswers.exists(year: year, rankings: rankings) else { return [:] }
        let advisor = try Advisor(model: model, ranking: ranking, answers: ScoredAnswers.load(year: year, rankings: rankings))
        if let entry = ranking.entries.first(where: { advisor.totals[$0.code] != $0.total }) {
            throw SiteError.inconsistentData(
                path: ScoredAnswers.url(year: year, rankings: rankings).path,
                problem: "scored under \(model.name) the answers of \(entry.name) give "
                    + "\(advisor.totals[entry.code].map(String.init) ?? "no total"), but the ranking has \(entry.total); "
                    + "run `meetlat score --year \(year)`")
        }
        var result: [String: Advice] = [:]
        for entry in ranking.entries { result[entry.code] = try advisor.advice(for: entry.code) }
        return result
    }

    /// Years with a `<year>.json` in the rankings folder, ascending.
    static func editionYears(in rankings: URL) throws -> [Int] {
        guard let years = RankingFile.years(in: rankings), !years.isEmpty else { throw SiteError.noEditions(rankings: rankings.path) }
        return years
    }

    static func loadScenarios(_ folder: URL) throws -> [ScenarioExport] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteError.missingSource(path: folder.path, expected: "a folder of ROI scenarios (*.yaml) for the calculator")
        }
        return try SiteSource.files(in: folder, extension: "yaml").filter { !$0.contains("/") }.map { file in
            let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path)
            let model = CompiledScenario(scenario)
            return ScenarioExport(id: String(file.dropLast(".yaml".count)), model: model,
                                  exportJSON: ModelExport.json(model).text,
                                  breakdown: Evaluator(model).breakdown(model.baseValues))
        }
    }
}

/// `transform` applied to every element on all cores; results in input order. Throws the error
/// of the first element (in input order) that failed.
func concurrentMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
    let results = ResultSlots<R>(count: items.count)
    DispatchQueue.concurrentPerform(iterations: items.count) { index in
        results.set(index, Result { try transform(items[index]) })
    }
    return try results.all()
}

/// Slots written once each from concurrent work; read after all work is done.
final class ResultSlots<R: Sendable>: @unchecked Sendable {
    private var slots: [Result<R, Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Result<R, Error>) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot's value in order; the first failure (in order) is thrown.
    func all() throws -> [R] {
        lock.lock()
        let filled = slots
        lock.unlock()
        return try filled.enumerated().map { index, slot in
            guard let slot else { throw UnfilledSlot(index: index) }
            return try slot.get()
        }
    }
}

/// A slot that concurrent work never filled: a bug in the caller, reported rather than trapped.
struct UnfilledSlot: Error, CustomStringConvertible {
    let index: Int
    var description: String { "internal error: no result for item \(index)" }
}
