import ArgumentParser
import Foundation
import PersonalData
import Publish
import Site
import Support

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the data for re-use: meetlat.sqlite (with Datasette's metadata.json) and the static JSON API.",
        discussion: """
            Reads finished outputs only (Rankings/, Statistics/, the models' names) and site.yaml for \
            the licence and publisher; writes what `meetlat site` publishes under data/ and api/v1/. \
            Every file is scanned for personal data before it is written; same input, same bytes.
            """
    )

    @OptionGroup var surveys: SurveysOption
    @OptionGroup var rankings: RankingsOption
    @OptionGroup var statistics: StatisticsOption

    @Option(help: "Folder with the site sources: its site.yaml names the licence and publisher.")
    var source: String = "site"

    @Option(help: ArgumentHelp("Write the SQLite database to this file.", valueName: "file"))
    var sqlite: String?

    @Option(help: ArgumentHelp("Write Datasette's metadata.json for the database to this file.", valueName: "file"))
    var metadata: String?

    @Option(help: ArgumentHelp("Write the static JSON API (v1/…, openapi.json) into this folder (replaced as a whole).", valueName: "folder"))
    var api: String?

    func validate() throws {
        guard sqlite != nil || metadata != nil || api != nil else {
            throw ValidationError("nothing to write: give --sqlite <file>, --metadata <file> or --api <folder>")
        }
    }

    func run() throws {
        try reportingErrors {
            let inputs = [rankings.rankingsURL, statistics.statisticsURL, surveys.surveysURL, URL(fileURLWithPath: source)]
            // Refused before the work, not after it; the writes apply the rule again.
            for file in [sqlite, metadata].compactMap({ $0 }) { try AtomicOutput.checkFile(URL(fileURLWithPath: file), inputs: inputs) }
            if let api { try AtomicOutput.checkFolder(URL(fileURLWithPath: api), inputs: inputs) }
            let config = try SiteConfig.load(from: URL(fileURLWithPath: source).appendingPathComponent("site.yaml"))
            let input = try PublishInput.load(rankings: rankings.rankingsURL, statistics: statistics.statisticsURL,
                                              models: surveys.folder.modelsURL, licence: config.licence, publisher: config.publisher,
                                              syntheticData: config.syntheticData)
            let detector = config.detector
            // Scanned before anything is written, like every published output.
            func checked(_ data: Data, text: Data? = nil, path: String) throws -> Data {
                let scan = (text ?? data).withUnsafeBytes { raw in
                    detector.scanFile(raw.bindMemory(to: UInt8.self), relativePath: URL(fileURLWithPath: path).lastPathComponent,
                                      displayPath: path)
                }
                if !scan.findings.isEmpty { throw SiteError.personalData(findings: scan.findings, output: path) }
                return data
            }
            if let sqlite {
                let bytes = try DatabaseWriter.database(input)
                try AtomicOutput.write(try checked(bytes, text: Data(try DatabaseWriter.text(of: bytes).utf8), path: sqlite),
                                       to: URL(fileURLWithPath: sqlite), inputs: inputs)
                printMessage("wrote \(sqlite): \(bytes.count) bytes, editions \(input.editions.map { String($0.year) }.joined(separator: ", "))")
            }
            if let metadata {
                try AtomicOutput.write(try checked(Data(DatasetteMetadata.json(input).text.utf8), path: metadata),
                                       to: URL(fileURLWithPath: metadata), inputs: inputs)
                printMessage("wrote \(metadata)")
            }
            if let api {
                let files = try StaticAPI.files(input).map { file in
                    (path: String(file.path.dropFirst("api/".count)), data: try checked(file.data, path: api + "/" + file.path.dropFirst("api/".count)))
                }
                try AtomicOutput.replaceFolder(URL(fileURLWithPath: api), inputs: inputs) { staging in
                    for file in files { try staging.write(file.data, to: file.path) }
                }
                printMessage("wrote \(api): \(files.count) files")
            }
        }
    }
}
