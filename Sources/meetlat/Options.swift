import ArgumentParser
import Foundation
import Ingest

/// `--surveys`: where the input is. Every command that reads surveys takes it.
struct SurveysOption: ParsableArguments {
    @Option(help: ArgumentHelp("Folder laid out like Surveys/: <year>/ folders, reference/ and models/.", valueName: "folder"))
    var surveys: String = "Surveys"

    var surveysURL: URL { URL(fileURLWithPath: surveys) }
    var folder: SurveyFolder { SurveyFolder(surveysURL) }
}

/// `--rankings`: where `score` writes Rankings/<year>.csv and .json, and others read them.
struct RankingsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for Rankings/<year>.csv and .json.", valueName: "folder"))
    var rankings: String = "Rankings"

    var rankingsURL: URL { URL(fileURLWithPath: rankings) }
}

/// `--statistics`: where `stats --write` writes Statistics/<year>.json and reference.json, and
/// `compare` and `site` read them.
struct StatisticsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for Statistics/<year>.json and Statistics/reference.json.", valueName: "folder"))
    var statistics: String = "Statistics"

    var statisticsURL: URL { URL(fileURLWithPath: statistics) }
}

/// `--reports`: where `ingest` writes its reports and rejects.
struct ReportsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for ingest reports and rejects (they hold original rows: keep them private).",
                               valueName: "folder"))
    var reports: String = "Reports"

    var reportsURL: URL { URL(fileURLWithPath: reports) }
}
