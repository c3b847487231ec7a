import ArgumentParser
import Foundation
import Ingest

/// `meetlat ingest`: read survey years, print each year's ingest report and write it with the
/// rejects to Reports/<year>/.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read survey exports into canonical responses; report and quarantine what cannot be used.",
        discussion: """
            Per year: prints the ingest report and writes Reports/<year>/ingest-report.txt and \
            Reports/<year>/rejects.csv (original rows: keep them private). A year that cannot be read \
            writes nothing. Exits non-zero when a year cannot be read, has no usable row, or (with \
            --strict) has a rejected row other than anonymous answers and superseded duplicates; the \
            other years are still ingested.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var reports: ReportsOption

    @Option(help: "Survey year to ingest (default: every year in the surveys folder).")
    var year: Int?

    @Flag(help: "Fail when any row is rejected for a fault in the export (anonymous answers and superseded duplicates do not count).")
    var strict = false

    func run() throws {
        try reportingErrors {
            let folder = surveys.folder
            let reference = try folder.reference()
            let years = try folder.years(selecting: year)
            var failed = false
            for year in years {
                do {
                    try write(try folder.ingest(year: year, reference: reference, strict: strict))
                } catch {
                    // An unusable year still gets its report and rejects, so the cause can be found.
                    if let surveyYear = (error as? IngestError)?.surveyYear { try write(surveyYear) }
                    printError(String(describing: error))
                    failed = true
                }
            }
            if failed { throw ExitCode.failure }
        }
    }

    private func write(_ surveyYear: SurveyYear) throws {
        printMessage(surveyYear.report.text(year: surveyYear.year))
        printNotes(try surveyYear.writeReports(to: reports.reportsURL, inputs: [surveys.surveysURL]))
    }
}
