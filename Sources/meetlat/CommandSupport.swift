import ArgumentParser
import Foundation
import PersonalData
import Stats
import Support

/// Runs a command's work. Any failure is printed as `meetlat: <description>` on standard error
/// and ends the command with a non-zero status; an `ExitCode` thrown on purpose passes through.
/// Every command's `run()` is one call of this, so they all fail the same way.
func reportingErrors(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let exit as ExitCode {
        throw exit
    } catch {
        printError(String(describing: error))
        throw ExitCode.failure
    }
}

/// Prints what an output replacement did beyond the plain replacement (a symbolic link followed,
/// a mount point's contents replaced, an interrupted run's leftovers removed).
func printNotes(_ publication: AtomicOutput.Publication) {
    for note in publication.notes { printMessage(note) }
}

/// Prints `meetlat: <message>` on standard error (failures, and warnings that do not stop a run),
/// control characters made visible (`VisibleText.message`): messages quote cells of exports.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("meetlat: \(VisibleText.message(message))\n".utf8))
}

/// Prints a message or report for people on standard output, control characters made visible
/// (`VisibleText.message`). Every command prints through here or `printError`.
func printMessage(_ text: String, terminator: String = "\n") {
    print(VisibleText.message(text), terminator: terminator)
}

/// Refuses an `--output` file among the inputs before any work (`emit` checks again).
func checkOutput(_ path: String?, inputs: [URL]) throws {
    if let path { try AtomicOutput.checkFile(URL(fileURLWithPath: path), inputs: inputs) }
}

/// Prints `text` on standard output, or writes it atomically to `path` when one is given
/// (refused when `path` is a folder, or is or lies inside one of `inputs`). Data (CSV, JSON)
/// reach a pipe or file byte for byte; on a terminal control characters are shown.
/// `published`: the output is meant for publication (statistics, comparisons) and passes the
/// personal-data scan first; a finding stops it, naming the file (or standard output) and the
/// redacted match, and nothing is written.
func emit(_ text: String, to path: String?, inputs: [URL], published: Bool = false) throws {
    if published {
        try PersonalDataDetector.publishedOutput.checkBeforeWriting([(path ?? "standard output", Data(text.utf8))],
                                                                    target: path.map { "\($0) (not written)" } ?? "standard output (not printed)")
    }
    if let path {
        try AtomicOutput.write(text, to: URL(fileURLWithPath: path), inputs: inputs)
    } else {
        print(isatty(STDOUT_FILENO) == 1 ? VisibleText.message(text) : text, terminator: "")
    }
}

/// `--format` of `roi` and `kpi`: `text` for people, `json` for programs.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` of `stats` and `compare`.
extension Stats.OutputFormat: ExpressibleByArgument {}
