import ArgumentParser

/// The `meetlat` command: a thin layer over the pipeline's libraries.
@main
struct Meetlat: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "meetlat",
        abstract: "Score, compare and publish the Dutch socialmediameetlat.",
        discussion: """
            Pipeline: ingest → score → stats → site. Every command works on any folder laid out
            like Surveys/ (see --surveys), so a private survey can be scored outside this repository.
            """,
        subcommands: [
            IngestCommand.self,
            VersionCommand.self,
            ScoreCommand.self,
            ExplainCommand.self,
            SensitivityCommand.self,
            ROICommand.self,
            KPICommand.self,
            StatsCommand.self,
            CompareCommand.self,
            SiteCommand.self,
        ]
    )
}
