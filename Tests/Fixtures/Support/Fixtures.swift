import Foundation

/// The XLSX and SPSS fixtures that openpyxl and pyreadstat write (Tests/Fixtures/make_fixtures.py):
/// `MEETLAT_FIXTURES`, or `.build/fixtures` of this package, made on first use with the
/// virtualenv that scripts/test.sh installs (.venv).
public enum Fixtures {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String
    }

    /// The package folder, found from this file's place in it.
    public static let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    public static func url(_ path: String) throws -> URL {
        try folder().appendingPathComponent(path)
    }

    public static func folder() throws -> URL {
        if let given = ProcessInfo.processInfo.environment["MEETLAT_FIXTURES"] { return URL(fileURLWithPath: given) }
        let folder = package.appendingPathComponent(".build/fixtures")
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("fresh/answers.json").path) { return folder }
        let python = package.appendingPathComponent(".venv/bin/python")
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Missing(description: "the test fixtures need .venv with openpyxl and pyreadstat: run scripts/test.sh once (or Tests/Fixtures/make_fixtures.py)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments = [package.appendingPathComponent("Tests/Fixtures/make_fixtures.py").path, folder.path]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Missing(description: "Tests/Fixtures/make_fixtures.py failed") }
        return folder
    }
}
