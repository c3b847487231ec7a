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

/// Prints `meetlat: <message>` on standard error (failures, and warnings that do not stop a run),
/// control characters made visible (`TerminalText`): messages quote cells of exports.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("meetlat: \(TerminalText.visible(message))\n".utf8))
}

/// Prints a message or report for people on standard output, control characters made visible
/// (`TerminalText`). Every command prints through here or `printError`.
func printMessage(_ text: String, terminator: String = "\n") {
    print(TerminalText.visible(text), terminator: terminator)
}

/// Prints `text` on standard output, or writes it atomically to `path` when one is given. Data
/// (CSV, JSON) reach a pipe or file byte for byte; on a terminal control characters are shown.
/// `published`: the output is meant for publication (statistics, comparisons) and passes the
/// personal-data scan first; a finding stops it, naming the file (or standard output) and the
/// redacted match, and nothing is written.
func emit(_ text: String, to path: String?, published: Bool = false) throws {
    if published {
        try PersonalDataDetector.publishedOutput.checkBeforeWriting([(path ?? "standard output", Data(text.utf8))],
                                                                    target: path.map { "\($0) (not written)" } ?? "standard output (not printed)")
    }
    if let path {
        try AtomicOutput.write(text, to: URL(fileURLWithPath: path))
    } else {
        print(isatty(STDOUT_FILENO) == 1 ? TerminalText.visible(text) : text, terminator: "")
    }
}

/// `--format` of `roi` and `kpi`: `text` for people, `json` for programs.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` of `stats` and `compare`.
extension Stats.OutputFormat: ExpressibleByArgument {}
