import ArgumentParser
import Foundation
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
    for note in publication.notes { print(note) }
}

/// Prints `meetlat: <message>` on standard error (failures, and warnings that do not stop a run).
func printError(_ message: String) {
    FileHandle.standardError.write(Data("meetlat: \(message)\n".utf8))
}

/// Prints `text` on standard output, or writes it atomically to `path` when one is given
/// (refused when `path` is a folder, or is or lies inside one of `inputs`).
/// Refuses an `--output` file among the inputs before any work (`emit` checks again).
func checkOutput(_ path: String?, inputs: [URL]) throws {
    if let path { try AtomicOutput.checkFile(URL(fileURLWithPath: path), inputs: inputs) }
}

func emit(_ text: String, to path: String?, inputs: [URL]) throws {
    if let path {
        try AtomicOutput.write(text, to: URL(fileURLWithPath: path), inputs: inputs)
    } else {
        print(text, terminator: "")
    }
}

/// `--format` of `roi` and `kpi`: `text` for people, `json` for programs.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format` of `stats` and `compare`.
extension Stats.OutputFormat: ExpressibleByArgument {}
