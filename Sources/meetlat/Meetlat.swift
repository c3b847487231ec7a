import ArgumentParser
import Foundation
import Publish
import Support

/// The `meetlat` command: a thin layer over the pipeline's libraries.
@main
struct Meetlat: ParsableCommand {
    /// One version for the CLI and every data download (`PublishInput.meetlatVersion`).
    static let version = PublishInput.meetlatVersion

    static let configuration = CommandConfiguration(
        commandName: "meetlat",
        abstract: "Score, compare and publish the Dutch socialmediameetlat.",
        discussion: """
            Pipeline: ingest → score → stats → site. Every command works on any folder laid out \
            like Surveys/ (see --surveys), so a private survey can be scored outside this repository. \
            roi and kpi are what-ifs for consultants and need no survey data; webcare reads a webcare tool's message log.
            """,
        version: "meetlat \(version)",
        subcommands: [
            InitCommand.self,
            IngestCommand.self,
            ScoreCommand.self,
            ExplainCommand.self,
            AdviseCommand.self,
            SensitivityCommand.self,
            DiscrepanciesCommand.self,
            StatsCommand.self,
            CompareCommand.self,
            SiteCommand.self,
            ExportCommand.self,
            ROICommand.self,
            KPICommand.self,
            WebcareCommand.self,
            VersionCommand.self,
        ]
    )

    /// ArgumentParser's own `main`, except that its messages (a refused option value, help) are
    /// printed with control characters made visible too: an option value is quoted in them.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                let stream = code == .success ? FileHandle.standardOutput : FileHandle.standardError
                stream.write(Data((VisibleText.message(message) + "\n").utf8))
            }
            Foundation.exit(code.rawValue)
        }
    }
}
