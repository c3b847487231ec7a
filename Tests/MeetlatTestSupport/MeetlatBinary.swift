import Foundation

/// The `meetlat` executable that `swift build` / `swift test` built next to the test bundle.
/// `MEETLAT_BINARY` overrides.
public enum MeetlatBinary {
    public struct NotFound: Error, CustomStringConvertible {
        var looked: [String]
        public var description: String {
            "the meetlat executable is not built; looked at \(looked.joined(separator: ", ")); run swift build first or set MEETLAT_BINARY"
        }
    }

    public static func url() throws -> URL {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["MEETLAT_BINARY"] {
            candidates.append(URL(fileURLWithPath: path))
        }
        // The test runner (…/debug/meetlatPackageTests.xctest) sits beside the package's executables.
        for runner in [Bundle.main.executableURL, URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()] {
            if let runner { candidates.append(runner.deletingLastPathComponent().appendingPathComponent("meetlat")) }
        }
        if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
        throw NotFound(looked: candidates.map(\.path))
    }

    /// What a finished run printed.
    public struct Result {
        public var status: Int32
        /// Whether the process was ended by a signal (`status` is then the signal's number).
        public var killed: Bool
        public var stdout: String
        public var stderr: String
    }

    /// Runs `meetlat` to completion in `directory`, with `environment` added to this process's.
    public static func run(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Result {
        let running = try start(arguments, in: directory, environment: environment)
        return running.wait()
    }

    /// Starts `meetlat` without waiting.
    public static func start(_ arguments: [String], in directory: URL, environment: [String: String] = [:]) throws -> Running {
        try launch(try url(), arguments, in: directory, environment: environment)
    }

    /// Starts `executable` (meetlat, or a program that runs it) without waiting.
    static func launch(_ executable: URL, _ arguments: [String], in directory: URL, environment: [String: String]) throws -> Running {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        // Output goes to files, not pipes: a pipe nobody reads would block a chatty process.
        let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
        let stdout = outputs.appendingPathComponent("stdout"), stderr = outputs.appendingPathComponent("stderr")
        try Data().write(to: stdout)
        try Data().write(to: stderr)
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return Running(process: process, outputs: outputs)
    }

    public final class Running {
        public let process: Process
        let outputs: URL

        init(process: Process, outputs: URL) {
            self.process = process
            self.outputs = outputs
        }

        public var pid: Int32 { process.processIdentifier }

        public func wait() -> Result {
            process.waitUntilExit()
            func read(_ name: String) -> String {
                (try? String(contentsOf: outputs.appendingPathComponent(name), encoding: .utf8)) ?? ""
            }
            let result = Result(status: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
                                stdout: read("stdout"), stderr: read("stderr"))
            try? FileManager.default.removeItem(at: outputs)
            return result
        }
    }
}

/// The write faults a debug `meetlat` honours (`Support.WriteFaults`): each write of its output
/// code is a numbered step, and the process can be stopped after, or made to fail at, any one.
public enum WriteFault {
    /// Stop the process (`SIGKILL`) right after write `step`.
    public static func stop(after step: Int) -> [String: String] { ["MEETLAT_FAULT_STOP_AFTER_WRITE": String(step)] }

    /// Make write `step` fail with `code` (`ENOSPC`, `EROFS`, `EBUSY`, …).
    public static func fail(_ step: Int, with code: String) -> [String: String] { ["MEETLAT_FAULT_FAIL_WRITE": "\(step):\(code)"] }

    /// The writes of a run, in order (`file …/2012.csv`, `swap …`, `remove the previous …`), as
    /// the run lists them with `MEETLAT_FAULT_TRACE=1` (other faults may be added); and the
    /// run's result.
    public static func trace(_ arguments: [String], in directory: URL,
                             environment: [String: String] = [:]) throws -> (writes: [String], result: MeetlatBinary.Result) {
        let result = try MeetlatBinary.run(arguments, in: directory, environment: environment.merging(["MEETLAT_FAULT_TRACE": "1"]) { $1 })
        // Threads writing at once may print their lines out of order: sorted by number.
        var writes: [Int: String] = [:]
        for line in result.stderr.split(separator: "\n") where line.hasPrefix("meetlat: write ") {
            let rest = line.dropFirst("meetlat: write ".count)
            guard let colon = rest.firstIndex(of: ":"), let number = Int(rest[..<colon]) else { continue }
            writes[number] = String(rest[rest.index(colon, offsetBy: 2)...])
        }
        return ((1...max(writes.count, 1)).compactMap { writes[$0] }, result)
    }
}

extension MeetlatBinary {
    /// A finished run and the peak resident memory of its process alone.
    public struct Measured {
        public var result: Result
        /// The largest resident set of the `meetlat` process, in kibibytes.
        public var peakKilobytes: Int
    }

    /// GNU time (Debian package `time`, which scripts/test.sh installs).
    public static let gnuTime = "/usr/bin/time"

    /// Runs `meetlat` to completion in `directory` under GNU time and returns its peak memory.
    /// Not this process's `wait4`: Linux counts in a child's peak the memory of the process it
    /// was started from until its `exec` — here the test runner, often over 100 MB. GNU time is
    /// small, so the peak it reports for its own child is meetlat's.
    public static func runMeasuringMemory(_ arguments: [String], in directory: URL) throws -> Measured {
        guard FileManager.default.isExecutableFile(atPath: gnuTime) else { throw GNUTimeMissing() }
        let usage = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-time-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: usage) }
        let running = try launch(URL(fileURLWithPath: gnuTime), ["-o", usage.path, "-f", "%M", try url().path] + arguments,
                                 in: directory, environment: [:])
        let result = running.wait()
        // GNU time writes "Command exited with non-zero status N" before the figure when meetlat fails.
        let text = (try? String(contentsOf: usage, encoding: .utf8)) ?? ""
        guard let peak = text.split(separator: "\n").last.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
            throw GNUTimeMissing(output: text)
        }
        return Measured(result: result, peakKilobytes: peak)
    }

    public struct GNUTimeMissing: Error, CustomStringConvertible {
        var output: String?
        public var description: String {
            if let output { return "GNU time gave no peak memory: \(output.debugDescription)" }
            return "\(MeetlatBinary.gnuTime) is missing: install the Debian package time (scripts/test.sh does)"
        }
    }
}
