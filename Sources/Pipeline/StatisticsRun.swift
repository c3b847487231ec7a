import Core
import Foundation
import Ingest
import PersonalData
import Stats
import Support

/// The steps of `meetlat stats`: ingest a year and compute the tables of `statistics.yaml`, to
/// print them or to write the published statistics (`Statistics/`) that the site and
/// `meetlat compare` read instead of the survey exports.
public enum StatisticsRun {
    /// One year's tables (or only `table`), as `meetlat stats --year` prints them. With
    /// `checkPublished`, two more: the published figures the tables do not reproduce, and the
    /// published figures that contradict each other (the year needs `published/<year>.yaml`).
    public static func tables(year: Int, in folder: SurveyFolder, only table: String? = nil,
                              checkPublished: Bool = false) throws -> [StatTable] {
        let definition = try StatisticsDefinition.load(from: folder.statisticsURL)
        if let table, definition.table(table) == nil {
            throw StatsError.unknownTable(id: table, known: definition.tables.map(\.id))
        }
        let reference = try folder.reference()
        let published = try PublishedYear.load(year: year, surveys: folder.url)
        if checkPublished && published == nil {
            throw StatsError.missingFile(path: PublishedYear.url(year: year, surveys: folder.url).path,
                                         hint: "--check-published needs the year's published figures")
        }
        let survey = try folder.ingest(year: year, reference: reference)
        let report = try SurveyStatistics(definition: definition, reference: reference)
            .report(for: survey.accepted, questionnaire: try folder.mapping(year: year).questionnaire,
                    published: published, only: table)
        guard checkPublished, let published else { return report.tables }
        return report.tables + [
            PublishedComparison(report: report, published: published, sizeClasses: reference.sizeClasses).table(year: year),
            published.inconsistencyTable(),
        ]
    }

    /// What `Statistics/<year>.json` holds for one year.
    public static func statistics(year: Int, in folder: SurveyFolder, reference: Reference,
                                  definition: StatisticsDefinition) throws -> YearStatistics {
        let survey = try folder.ingest(year: year, reference: reference)
        return try SurveyStatistics(definition: definition, reference: reference)
            .statistics(for: survey.accepted, questionnaire: try folder.mapping(year: year).questionnaire,
                        published: try PublishedYear.load(year: year, surveys: folder.url))
    }

    /// Writes `Statistics/<year>.json` for every year of `years` and `Statistics/reference.json`,
    /// only after every year has been computed and everything passed the personal-data scan
    /// (the files are published: labels come from statistics.yaml and the mappings), the folder
    /// replaced as a whole (`AtomicOutput.replaceFolder`). Returns the files written, in order,
    /// and the publication.
    @discardableResult
    public static func write(years: [Int], in folder: SurveyFolder, to statistics: URL,
                             inputs: [URL]) throws -> (files: [URL], publication: AtomicOutput.Publication) {
        let reference = try folder.reference()
        let definition = try StatisticsDefinition.load(from: folder.statisticsURL)
        var outputs: [(URL, Data)] = []
        for year in years {
            let computed = try self.statistics(year: year, in: folder, reference: reference, definition: definition)
            outputs.append((StatisticsFile.url(year: year, statistics: statistics), try StatisticsFile.json(computed)))
        }
        outputs.append((ReferenceFile.url(statistics: statistics), try ReferenceFile.json(reference)))
        try PersonalDataDetector.publishedOutput.checkBeforeWriting(outputs.map { ($0.0.path, $0.1) },
                                                                    target: "\(statistics.path) (nothing written)")
        // Every file changes together or none does; years not written are carried over.
        let publication = try AtomicOutput.replaceFolder(statistics, inputs: inputs, keepingOtherFiles: true) { staging in
            for (url, data) in outputs { try staging.write(data, to: url.lastPathComponent) }
        }
        let files = outputs.map { publication.folder.appendingPathComponent($0.0.lastPathComponent) }
        return (files, publication)
    }
}
