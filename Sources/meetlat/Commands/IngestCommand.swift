import ArgumentParser
import Foundation
import Ingest

/// `meetlat ingest`: read survey years, print each year's ingest report and write it with the
/// rejects to Reports/<year>/.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read survey exports into canonical responses; report and quarantine what cannot be used.",
        discussion: "Per year: prints the ingest report and writes Reports/<year>/ingest-report.txt and "
            + "Reports/<year>/rejects.csv (original rows: keep them private). A year that cannot be read writes "
            + "nothing. Exits non-zero when a year cannot be read, has no usable row, or (with --strict) has a "
            + "rejected row other than anonymous answers and superseded duplicates."
    )

    @OptionGroup var locations: LocationOptions

    @Option(help: "Survey year to ingest (default: every year in the surveys folder).")
    var year: Int?

    @Flag(help: "Fail when any row is rejected for a fault in the export (anonymous answers and superseded duplicates do not count).")
    var strict = false

    func run() throws {
        let folder = SurveyFolder(locations.surveysURL)
        let reference: Reference
        let years: [Int]
        do {
            reference = try folder.reference()
            years = try year.map { [$0] } ?? folder.years()
        } catch {
            report(error)
            throw ExitCode.failure
        }
        if years.isEmpty {
            report("no survey years in \(locations.surveys): expected folders <year>/ holding a mapping.yaml")
            throw ExitCode.failure
        }
        var failed = false
        for year in years {
            do {
                let surveyYear = try folder.ingest(year: year, reference: reference, strict: strict)
                try emit(surveyYear)
            } catch let error as IngestError {
                if let surveyYear = error.surveyYear { try emit(surveyYear) }
                report(error)
                failed = true
            } catch {
                report(error)
                failed = true
            }
        }
        if failed { throw ExitCode.failure }
    }

    private func emit(_ surveyYear: SurveyYear) throws {
        print(surveyYear.report.text(year: surveyYear.year))
        try surveyYear.writeReports(to: locations.reportsURL)
    }

    private func report(_ error: Any) {
        FileHandle.standardError.write(Data("meetlat: \(error)\n".utf8))
    }
}
