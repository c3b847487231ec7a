import ArgumentParser
import Foundation
import Site
import Support

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Build the static site: one edition per year of Rankings/, in Dutch, without external resources.",
        discussion: """
            Reads finished outputs only: the rankings (Rankings/, from `meetlat score`), the \
            statistics and the reference (Statistics/, from `meetlat stats --write`), the scoring \
            models (Surveys/models/), the ROI scenarios and the site sources (templates, texts, assets, \
            site.yaml) — never a survey export. Builds every page in a staging folder, scans it for \
            personal data and only then replaces the output folder. A failed or interrupted build \
            leaves the previous output as it was.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var rankings: RankingsOption
    @OptionGroup var statistics: StatisticsOption

    @Option(help: "Folder of ROI scenarios (*.yaml) for the calculator page.")
    var scenarios: String = "Scenarios"

    @Option(help: "Folder with the site sources: site.yaml, templates/, content/, assets/.")
    var source: String = "site"

    @Option(help: "Folder the site is built into (replaced as a whole).")
    var output: String = "_site"

    func run() throws {
        try reportingErrors {
            var input = SiteInput(rankings: rankings.rankingsURL, statistics: statistics.statisticsURL,
                                  models: surveys.folder.modelsURL, scenarios: URL(fileURLWithPath: scenarios),
                                  source: URL(fileURLWithPath: source))
            input.protected = [surveys.surveysURL]
            input.boundaries = surveys.folder.referenceURL.appendingPathComponent("boundaries")
            let summary = try SiteBuilder.build(input, output: URL(fileURLWithPath: output))
            for note in summary.notes { printMessage(note) }
            let megabytes = Rounding.fixed(Double(summary.bytes) / 1_048_576, decimals: 1)
            printMessage("wrote \(output): editions \(summary.editions.map(String.init).joined(separator: ", ")); "
                  + "\(summary.pages) pages, \(summary.files) files, \(megabytes) MB")
            for warning in summary.contentWarnings { printError("warning: \(warning)") }
            if summary.allowedPersonalData.isEmpty {
                printMessage("personal data allowed by \(source)/site.yaml: none")
            } else {
                printMessage("personal data allowed by \(source)/site.yaml (personal_data_allowed), found in:")
                for (entry, files) in summary.allowedPersonalData {
                    printMessage("  \(entry.value): \(files) file\(files == 1 ? "" : "s") — \(entry.reason)")
                }
            }
            let steps = summary.steps.map { "\($0.name) \(Rounding.fixed($0.seconds, decimals: 2)) s" }.joined(separator: ", ")
            printMessage("in \(Rounding.fixed(summary.seconds, decimals: 2)) s (\(steps)): "
                  + "\(Rounding.fixed(summary.pagesPerSecond, decimals: 0)) pages/s")
        }
    }
}
