import ArgumentParser
import Foundation
import Ingest
import ROI
import Support
import TableFiles

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Social-media KPIs beside ROI: conversion, activity, doorlooptijd, satisfaction, NPS, first time resolution.",
        discussion: """
            Give the inputs of any KPIs you want; each KPI needs all of its inputs. Score files hold \
            one number per line (blank lines and # comments are skipped; 7,5 reads as 7.5). With \
            --satisfaction-column or --nps-column the score file is a CSV file with a header row \
            (a survey export, say; "," or ";", UTF-8 or Windows-1252) and the scores are that \
            column's cells; empty cells are skipped. Formulas: Sources/ROI/README.md.
            """
    )

    @Option(help: ArgumentHelp("People reached via social media (conversion ratio).", valueName: "count"))
    var reached: Int?
    @Option(help: ArgumentHelp("Of those, people who converted: followed the advice, downloaded, used the e-service.", valueName: "count"))
    var converted: Int?
    @Option(help: ArgumentHelp("Active users on the platform (activity per user).", valueName: "count"))
    var users: Int?
    @Option(help: ArgumentHelp("Their contributions: posts, replies, reactions (activity per user).", valueName: "count"))
    var actions: Int?
    @Option(help: ArgumentHelp("Doorlooptijd before, in any unit (days, hours).", valueName: "time"))
    var timeBefore: Double?
    @Option(help: ArgumentHelp("Doorlooptijd after, in the same unit.", valueName: "time"))
    var timeAfter: Double?
    @Option(help: ArgumentHelp("File of satisfaction scores, one per line (or a CSV file with --satisfaction-column).", valueName: "file"))
    var satisfactionScores: String?
    @Option(help: ArgumentHelp("Read --satisfaction-scores as CSV and take the scores from this column of its header.", valueName: "name"))
    var satisfactionColumn: String?
    @Option(help: ArgumentHelp("Scale of the satisfaction scores (default 1..5).", valueName: "min..max"))
    var satisfactionScale: String?
    @Option(help: ArgumentHelp("Lowest score that counts as satisfied (default 4 on 1..5).", valueName: "score"))
    var satisfiedFrom: Double?
    @Option(help: ArgumentHelp("Satisfied respondents (counts instead of a score file).", valueName: "count"))
    var satisfied: Int?
    @Option(help: ArgumentHelp("All respondents (with --satisfied).", valueName: "count"))
    var respondents: Int?
    @Option(help: ArgumentHelp("File of 0–10 recommendation scores, one per line (or a CSV file with --nps-column).", valueName: "file"))
    var npsScores: String?
    @Option(help: ArgumentHelp("Read --nps-scores as CSV and take the scores from this column of its header.", valueName: "name"))
    var npsColumn: String?
    @Option(help: ArgumentHelp("Respondents scoring 9–10.", valueName: "count"))
    var promoters: Int?
    @Option(help: ArgumentHelp("Respondents scoring 7–8.", valueName: "count"))
    var passives: Int?
    @Option(help: ArgumentHelp("Respondents scoring 0–6.", valueName: "count"))
    var detractors: Int?
    @Option(help: ArgumentHelp("Cases resolved at the first contact.", valueName: "count"))
    var resolvedFirstTime: Int?
    @Option(help: ArgumentHelp("All cases (with --resolved-first-time).", valueName: "count"))
    var cases: Int?
    @Option(help: "Output format.")
    var format: ReportFormat = .text
    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        try reportingErrors {
            var request = KPIRequest()
            request.reached = reached
            request.converted = converted
            request.users = users
            request.actions = actions
            request.timeBefore = timeBefore
            request.timeAfter = timeAfter
            request.satisfactionScores = try Self.scores(satisfactionScores, column: satisfactionColumn, option: "--satisfaction")
            request.satisfactionScale = try satisfactionScale.map { try IntervalText.parse($0, option: "--satisfaction-scale") }
            request.satisfiedFrom = satisfiedFrom
            request.satisfied = satisfied
            request.respondents = respondents
            request.npsScores = try Self.scores(npsScores, column: npsColumn, option: "--nps")
            request.promoters = promoters
            request.passives = passives
            request.detractors = detractors
            request.resolvedFirstTime = resolvedFirstTime
            request.cases = cases
            let results = try KPIReport.evaluate(request)
            let inputs = [satisfactionScores, npsScores].compactMap { $0 }.map { URL(fileURLWithPath: $0) }
            try emit(format == .json ? KPIReport.json(results).text : KPIReport.text(results), to: output, inputs: inputs)
        }
    }

    /// The scores of `path`: a plain file of one number per line, or with `column` that column of
    /// a CSV file, read by Ingest's libcsv reader (encoding and delimiter detected). `option` is
    /// the options' common prefix, for messages (`--nps`).
    static func scores(_ path: String?, column: String?, option: String) throws -> ScoreList? {
        guard let path else {
            if column != nil { throw ROIError(source: "\(option)-column", message: "needs \(option)-scores, the CSV file to read the column from") }
            return nil
        }
        guard let column else {
            do {
                return try ScoreList.read(path: path)
            } catch var error as ROIError where error.line == 1 && path.lowercased().hasSuffix(".csv") {
                error.message += "; to read a column of a CSV file, name it with \(option)-column"
                throw error
            }
        }
        var index: Int?
        var cells: [(row: Int, text: String)] = []
        try CSVReader(url: URL(fileURLWithPath: path), displayName: path).read { record in
            guard let index else {
                let header = record.fields.map { $0.trimmingCharacters(in: .whitespaces) }
                let matches = header.indices.filter { header[$0] == column }
                guard matches.count == 1 else {
                    guard matches.isEmpty else {
                        let columns = matches.map { String($0 + 1) }.joined(separator: ", ")
                        throw ROIError(source: path, row: record.row,
                                       message: "column \"\(column)\" appears \(matches.count) times in the header row (columns \(columns)); expected it once")
                    }
                    let names = header.filter { !$0.isEmpty }
                    throw ROIError(source: path, row: record.row, message: "no column \"\(column)\" in the header row; "
                        + (names.isEmpty ? "expected a header row naming the columns" : Suggestions.hint(for: column, among: names, kind: "column")))
                }
                index = matches[0]
                return
            }
            guard index < record.fields.count else {
                throw ROIError(source: path, row: record.row, field: "column \"\(column)\"",
                               message: "the row ends after \(record.fields.count) of the header's fields, before column \(index + 1); a delimiter is missing")
            }
            cells.append((record.row, record.fields[index]))
        }
        return try ScoreList.parse(cells: cells, source: path, column: column)
    }
}
