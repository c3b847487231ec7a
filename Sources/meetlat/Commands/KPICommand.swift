import ArgumentParser
import Foundation
import ROI

struct KPICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kpi",
        abstract: "Social-media KPIs beside ROI: conversion, activity, doorlooptijd, satisfaction, NPS, first time resolution.",
        discussion: """
            Give the inputs of any KPIs you want; each KPI needs all of its inputs. Score files hold
            one number per line (blank lines and # comments are skipped; 7,5 reads as 7.5).
            Formulas: Sources/ROI/README.md.
            """
    )

    @Option(help: "People reached via social media (conversion ratio).") var reached: Int?
    @Option(help: "Of those, people who converted: followed the advice, downloaded, used the e-service.") var converted: Int?
    @Option(help: "Active users on the platform (activity per user).") var users: Int?
    @Option(help: "Their contributions: posts, replies, reactions (activity per user).") var actions: Int?
    @Option(name: .customLong("time-before"), help: "Doorlooptijd before, in any unit (days, hours).") var timeBefore: Double?
    @Option(name: .customLong("time-after"), help: "Doorlooptijd after, in the same unit.") var timeAfter: Double?
    @Option(name: .customLong("satisfaction-scores"), help: "File of satisfaction scores, one per line.") var satisfactionScores: String?
    @Option(name: .customLong("satisfaction-scale"), help: ArgumentHelp("Scale of the satisfaction scores (default 1..5).", valueName: "min..max"))
    var satisfactionScale: String?
    @Option(name: .customLong("satisfied-from"), help: "Lowest score that counts as satisfied (default 4 on 1..5).") var satisfiedFrom: Double?
    @Option(help: "Satisfied respondents (counts instead of a score file).") var satisfied: Int?
    @Option(help: "All respondents (with --satisfied).") var respondents: Int?
    @Option(name: .customLong("nps-scores"), help: "File of 0–10 recommendation scores, one per line.") var npsScores: String?
    @Option(help: "Respondents scoring 9–10.") var promoters: Int?
    @Option(help: "Respondents scoring 7–8.") var passives: Int?
    @Option(help: "Respondents scoring 0–6.") var detractors: Int?
    @Option(name: .customLong("resolved-first-time"), help: "Cases resolved at the first contact.") var resolvedFirstTime: Int?
    @Option(help: "All cases (with --resolved-first-time).") var cases: Int?
    @Option(help: "text or json.") var format: ReportFormat = .text
    @Option(help: "Write to this file (atomically) instead of standard output.") var output: String?

    func run() throws {
        try reportingFailures {
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
