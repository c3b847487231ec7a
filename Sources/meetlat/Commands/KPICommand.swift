import ArgumentParser
import Foundation
import Ingest
import ROI
import Support
import TableFiles

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Social-media KPIs beside ROI: conversion, activity, doorlooptijd, satisfaction, NPS, first time resolution, IPM, A/B tests, user lifecycle.",
        discussion: """
            Give the inputs of any KPIs you want; each KPI needs all of its inputs. Score files hold \
            one number per line (blank lines and # comments are skipped; 7,5 reads as 7.5). With \
            --satisfaction-column or --nps-column the score file is a CSV file with a header row \
            (a survey export, say; "," or ";", UTF-8 or Windows-1252) and the scores are that \
            column's cells; empty cells are skipped. Counts may be written the Dutch way (12.000). \
            Formulas: Sources/ROI/ROI.docc/ROI.md.
            """
    )

    @Option(help: ArgumentHelp("People reached via social media (conversion ratio).", valueName: "count"))
    var reached: Read<CountValue>?
    @Option(help: ArgumentHelp("Of those, people who converted: followed the advice, downloaded, used the e-service.", valueName: "count"))
    var converted: Read<CountValue>?
    @Option(help: ArgumentHelp("Active users on the platform (activity per user).", valueName: "count"))
    var users: Read<CountValue>?
    @Option(help: ArgumentHelp("Their contributions: posts, replies, reactions (activity per user).", valueName: "count"))
    var actions: Read<CountValue>?
    @Option(help: ArgumentHelp("Doorlooptijd before, in any unit (days, hours).", valueName: "time"))
    var timeBefore: Read<Amount>?
    @Option(help: ArgumentHelp("Doorlooptijd after, in the same unit.", valueName: "time"))
    var timeAfter: Read<Amount>?
    @Option(help: ArgumentHelp("File of satisfaction scores, one per line (or a CSV file with --satisfaction-column).", valueName: "file"))
    var satisfactionScores: String?
    @Option(help: ArgumentHelp("Read --satisfaction-scores as CSV and take the scores from this column of its header.", valueName: "name"))
    var satisfactionColumn: String?
    @Option(help: ArgumentHelp("Scale of the satisfaction scores (default 1..5).", valueName: "min..max"))
    var satisfactionScale: Read<Interval>?
    @Option(help: ArgumentHelp("Lowest score that counts as satisfied (default 4 on 1..5).", valueName: "score"))
    var satisfiedFrom: Read<Amount>?
    @Option(help: ArgumentHelp("Satisfied respondents (counts instead of a score file).", valueName: "count"))
    var satisfied: Read<CountValue>?
    @Option(help: ArgumentHelp("All respondents (with --satisfied).", valueName: "count"))
    var respondents: Read<CountValue>?
    @Option(help: ArgumentHelp("File of 0–10 recommendation scores, one per line (or a CSV file with --nps-column).", valueName: "file"))
    var npsScores: String?
    @Option(help: ArgumentHelp("Read --nps-scores as CSV and take the scores from this column of its header.", valueName: "name"))
    var npsColumn: String?
    @Option(help: ArgumentHelp("Respondents scoring 9–10.", valueName: "count"))
    var promoters: Read<CountValue>?
    @Option(help: ArgumentHelp("Respondents scoring 7–8.", valueName: "count"))
    var passives: Read<CountValue>?
    @Option(help: ArgumentHelp("Respondents scoring 0–6.", valueName: "count"))
    var detractors: Read<CountValue>?
    @Option(help: ArgumentHelp("Cases resolved at the first contact.", valueName: "count"))
    var resolvedFirstTime: Read<CountValue>?
    @Option(help: ArgumentHelp("All cases (with --resolved-first-time).", valueName: "count"))
    var cases: Read<CountValue>?
    @Option(help: ArgumentHelp("Interactions (likes, comments, shares) in a period (IPM).", valueName: "count"))
    var interactions: Read<CountValue>?
    @Option(help: ArgumentHelp("Fans or followers in that period (IPM: interactions per 1.000 fans).", valueName: "count"))
    var fans: Read<CountValue>?
    @Option(help: ArgumentHelp("Messages posted in that period: IPM per message.", valueName: "count"))
    var posts: Read<CountValue>?
    @Option(name: .customLong("a-reached"), help: ArgumentHelp("A/B test: people who saw variant A.", valueName: "count"))
    var aReached: Read<CountValue>?
    @Option(name: .customLong("a-converted"), help: ArgumentHelp("A/B test: of those, people who converted.", valueName: "count"))
    var aConverted: Read<CountValue>?
    @Option(name: .customLong("b-reached"), help: ArgumentHelp("A/B test: people who saw variant B.", valueName: "count"))
    var bReached: Read<CountValue>?
    @Option(name: .customLong("b-converted"), help: ArgumentHelp("A/B test: of those, people who converted.", valueName: "count"))
    var bConverted: Read<CountValue>?
    @Option(help: ArgumentHelp("A/B test: confidence level of the interval and the test (default 95 %).", valueName: "level"))
    var confidence: Read<Confidence>?
    @Option(help: ArgumentHelp("User lifecycle: a CSV log with a row per activity (who, when).", valueName: "file"))
    var activityLog: String?
    @Option(help: ArgumentHelp("The log's column naming the user.", valueName: "name"))
    var activityUser: String?
    @Option(help: ArgumentHelp("The log's column with the date (2024-03-15 or 15-03-2024, a time may follow).", valueName: "name"))
    var activityDate: String?
    @Option(help: "User lifecycle per week, month or quarter.")
    var period: UserLifecycle.Period = .month
    @Option(help: ArgumentHelp("User lifecycle from counts: users active in the previous period.", valueName: "count"))
    var lifecyclePrevious: Read<CountValue>?
    @Option(help: ArgumentHelp("Users active this period for the first time.", valueName: "count"))
    var lifecycleNew: Read<CountValue>?
    @Option(help: ArgumentHelp("Users active this period who were active before.", valueName: "count"))
    var lifecycleReturning: Read<CountValue>?
    @Option(help: ArgumentHelp("Users active in the previous period but not this one.", valueName: "count"))
    var lifecycleLapsed: Read<CountValue>?
    @Option(help: "Output format.")
    var format: ReportFormat = .text
    @Option(help: ArgumentHelp("Write to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    /// Every option's value, read before any file is opened; the KPIs' own rules (a part within
    /// its whole, both inputs of a pair) are the ROI library's and checked when they are computed.
    func validate() throws {
        _ = try request(scores: false)
        if activityLog != nil, activityUser == nil || activityDate == nil {
            throw ROIError(source: "--activity-log", message: "needs --activity-user and --activity-date, the columns naming who was active and when")
        }
        if activityLog == nil, let column = activityUser ?? activityDate {
            throw ROIError(source: activityUser == column ? "--activity-user" : "--activity-date", message: "needs --activity-log, the CSV file to read the column from")
        }
    }

    func run() throws {
        try reportingErrors {
            let results = try KPIReport.evaluate(try request(scores: true))
            // The output may not replace a file it was computed from.
            let inputs = [satisfactionScores, npsScores, activityLog].compactMap { $0 }.map { URL(fileURLWithPath: $0) }
            try emit(format == .json ? KPIReport.json(results).text : KPIReport.text(results), to: output, inputs: inputs)
        }
    }

    /// The options as the ROI library takes them; with `scores`, the score files and the activity
    /// log are read too.
    func request(scores: Bool) throws -> KPIRequest {
        var request = KPIRequest()
        request.reached = try reached.value("--reached")?.count
        request.converted = try converted.value("--converted")?.count
        request.users = try users.value("--users")?.count
        request.actions = try actions.value("--actions")?.count
        request.timeBefore = try timeBefore.value("--time-before")?.amount
        request.timeAfter = try timeAfter.value("--time-after")?.amount
        request.satisfactionScale = try satisfactionScale.value("--satisfaction-scale")?.range
        request.satisfiedFrom = try satisfiedFrom.value("--satisfied-from")?.amount
        request.satisfied = try satisfied.value("--satisfied")?.count
        request.respondents = try respondents.value("--respondents")?.count
        request.promoters = try promoters.value("--promoters")?.count
        request.passives = try passives.value("--passives")?.count
        request.detractors = try detractors.value("--detractors")?.count
        request.resolvedFirstTime = try resolvedFirstTime.value("--resolved-first-time")?.count
        request.cases = try cases.value("--cases")?.count
        request.interactions = try interactions.value("--interactions")?.count
        request.fans = try fans.value("--fans")?.count
        request.posts = try posts.value("--posts")?.count
        request.aReached = try aReached.value("--a-reached")?.count
        request.aConverted = try aConverted.value("--a-converted")?.count
        request.bReached = try bReached.value("--b-reached")?.count
        request.bConverted = try bConverted.value("--b-converted")?.count
        request.confidence = try confidence.value("--confidence")?.level
        request.lifecyclePrevious = try lifecyclePrevious.value("--lifecycle-previous")?.count
        request.lifecycleNew = try lifecycleNew.value("--lifecycle-new")?.count
        request.lifecycleReturning = try lifecycleReturning.value("--lifecycle-returning")?.count
        request.lifecycleLapsed = try lifecycleLapsed.value("--lifecycle-lapsed")?.count
        if scores {
            request.satisfactionScores = try Self.scores(satisfactionScores, column: satisfactionColumn, option: "--satisfaction")
            request.npsScores = try Self.scores(npsScores, column: npsColumn, option: "--nps")
            if let log = activityLog, let user = activityUser, let date = activityDate {
                request.lifecycle = try UserLifecycle.read(userColumn: user, dateColumn: date, period: period, source: log, records: Self.records(log))
            }
        }
        return request
    }

    /// The scores of `path`: a plain file of one number per line, or with `column` that column of
    /// a CSV file. `option` is the options' common prefix, for messages (`--nps`).
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
        return try ScoreList.read(column: column, source: path, records: records(path))
    }

    /// The records of a CSV file through Ingest's libcsv reader (encoding and delimiter
    /// detected), for the ROI library, which reads no CSV itself.
    static func records(_ path: String) -> RecordSource {
        { each in
            try CSVReader(url: URL(fileURLWithPath: path), displayName: path).read { record in try each(record.row, record.fields) }
        }
    }
}

extension UserLifecycle.Period: ExpressibleByArgument {}
