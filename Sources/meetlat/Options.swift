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

/// `--reports`: where `ingest` writes its reports and rejects.
struct ReportsOption: ParsableArguments {
    @Option(help: ArgumentHelp("Folder for ingest reports and rejects (they hold original rows: keep them private).",
                               valueName: "folder"))
    var reports: String = "Reports"

    var reportsURL: URL { URL(fileURLWithPath: reports) }
}

/// Where a command finds its input and puts its output: all three folders, for a command that
/// uses them all. A command that needs fewer takes only those option groups, so its help lists
/// only folders it uses.
struct LocationOptions: ParsableArguments {
    @OptionGroup var surveysOption: SurveysOption
    @OptionGroup var rankingsOption: RankingsOption
    @OptionGroup var reportsOption: ReportsOption

    var surveys: String { surveysOption.surveys }
    var rankings: String { rankingsOption.rankings }
    var reports: String { reportsOption.reports }
    var surveysURL: URL { surveysOption.surveysURL }
    var rankingsURL: URL { rankingsOption.rankingsURL }
    var reportsURL: URL { reportsOption.reportsURL }
}
