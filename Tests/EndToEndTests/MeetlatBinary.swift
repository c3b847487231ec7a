import Foundation

/// The `meetlat` executable that `swift build` / `swift test` built next to this test bundle
/// (the test target depends on it, so it is always built first). `MEETLAT_BINARY` overrides.
enum MeetlatBinary {
    struct NotFound: Error, CustomStringConvertible {
        var looked: [String]
        var description: String {
            "the meetlat executable is not built; looked at \(looked.joined(separator: ", ")); run swift build first or set MEETLAT_BINARY"
        }
    }

    static func url() throws -> URL {
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
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `meetlat` to completion in `directory`.
    static func run(_ arguments: [String], in directory: URL) throws -> Result {
        let running = try start(arguments, in: directory)
        return running.wait()
    }

    /// Starts `meetlat` without waiting: the kill test needs the process id.
    static func start(_ arguments: [String], in directory: URL) throws -> Running {
        let process = Process()
        process.executableURL = try url()
        process.arguments = arguments
        process.currentDirectoryURL = directory
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

    final class Running {
        let process: Process
        let outputs: URL

        init(process: Process, outputs: URL) {
            self.process = process
            self.outputs = outputs
        }

        var pid: Int32 { process.processIdentifier }

        func kill() {
            _ = Foundation.kill(process.processIdentifier, SIGKILL)
        }

        func wait() -> Result {
            process.waitUntilExit()
            func read(_ name: String) -> String {
                (try? String(contentsOf: outputs.appendingPathComponent(name), encoding: .utf8)) ?? ""
            }
            let result = Result(status: process.terminationStatus, stdout: read("stdout"), stderr: read("stderr"))
            try? FileManager.default.removeItem(at: outputs)
            return result
        }
    }
}
