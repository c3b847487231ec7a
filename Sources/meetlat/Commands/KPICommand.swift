import ArgumentParser
import Foundation
import ROI

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Social-media KPIs beside ROI: conversion, activity, doorlooptijd, satisfaction, NPS, first time resolution.",
        discussion: """
            Give the inputs of any KPIs you want; each KPI needs all of its inputs. Score files hold \
            one number per line (blank lines and # comments are skipped; 7,5 reads as 7.5). \
            Formulas: Sources/ROI/README.md.
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
    @Option(help: ArgumentHelp("File of satisfaction scores, one per line.", valueName: "file"))
    var satisfactionScores: String?
    @Option(help: ArgumentHelp("Scale of the satisfaction scores (default 1..5).", valueName: "min..max"))
    var satisfactionScale: String?
    @Option(help: ArgumentHelp("Lowest score that counts as satisfied (default 4 on 1..5).", valueName: "score"))
    var satisfiedFrom: Double?
    @Option(help: ArgumentHelp("Satisfied respondents (counts instead of a score file).", valueName: "count"))
    var satisfied: Int?
    @Option(help: ArgumentHelp("All respondents (with --satisfied).", valueName: "count"))
    var respondents: Int?
    @Option(help: ArgumentHelp("File of 0–10 recommendation scores, one per line.", valueName: "file"))
    var npsScores: String?
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
            request.satisfactionScores = try satisfactionScores.map { try ScoreList.read(path: $0) }
            request.satisfactionScale = try satisfactionScale.map { try IntervalText.parse($0, option: "--satisfaction-scale") }
            request.satisfiedFrom = satisfiedFrom
            request.satisfied = satisfied
            request.respondents = respondents
            request.npsScores = try npsScores.map { try ScoreList.read(path: $0) }
            request.promoters = promoters
            request.passives = passives
            request.detractors = detractors
            request.resolvedFirstTime = resolvedFirstTime
            request.cases = cases
            let results = try KPIReport.evaluate(request)
            try emit(format == .json ? KPIReport.json(results).text : KPIReport.text(results), to: output)
        }
    }
}
