import ArgumentParser
import Foundation

/// Where a command finds its input and puts its output. Shared by every command.
struct LocationOptions: ParsableArguments {
    @Option(help: "Folder laid out like Surveys/: <year>/ folders, reference/ and models/.")
    var surveys: String = "Surveys"

    @Option(help: "Folder for Rankings/<year>.csv and .json.")
    var rankings: String = "Rankings"

    @Option(help: "Folder for ingest reports and rejects (they hold original rows: keep them private).")
    var reports: String = "Reports"

    var surveysURL: URL { URL(fileURLWithPath: surveys) }
    var rankingsURL: URL { URL(fileURLWithPath: rankings) }
    var reportsURL: URL { URL(fileURLWithPath: reports) }
}
