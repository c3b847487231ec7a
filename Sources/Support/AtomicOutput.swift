import Foundation

/// Writes output so that a reader never sees a half-written file: everything goes to a
/// temporary sibling first and is renamed into place only when complete. `rename(2)` within
/// one directory is atomic, so an interrupted run leaves the previous file intact.
public enum AtomicOutput {
    /// Writes `data` to `url` atomically, creating parent folders as needed. Temporary files
    /// that killed runs left for the same name (`.<name>.tmp-<pid>` of a process that no longer
    /// runs) are removed once the new file is in place.
    public static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(temporaryPrefix(for: url) + String(getpid()))
        do {
            try data.write(to: temporary)
            try replace(url, with: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw OutputError(path: url.path, reason: String(describing: error))
        }
        removeStaleTemporaries(of: url)
    }

    /// `.<name>.tmp-`: the temporary sibling's name without the process id.
    public static func temporaryPrefix(for url: URL) -> String { ".\(url.lastPathComponent).tmp-" }

    /// Removes `.<name>.tmp-<pid>` siblings of `url` whose process no longer runs. Never
    /// mistaken for output (hidden, and not ending in the output's extension), they would still
    /// pile up and show as untracked files in a committed folder such as Rankings/.
    public static func removeStaleTemporaries(of url: URL) {
        let folder = url.deletingLastPathComponent()
        let prefix = temporaryPrefix(for: url)
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), !processIsRunning(pid) else { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
    }

    /// Whether a process with this id exists (this one included); used to tell a killed run's
    /// leftovers from a running one's work in progress.
    public static func processIsRunning(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }

    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }

    /// Builds a whole folder atomically: `build` fills a fresh temporary sibling folder, which
    /// then replaces `url`. If `build` throws (or the process dies), `url` keeps its old content.
    public static func replaceFolder(_ url: URL, build: (URL) throws -> Void) throws {
        let fileManager = FileManager.default
        let parent = url.deletingLastPathComponent()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(url.lastPathComponent).staging-\(getpid())")
        try? fileManager.removeItem(at: staging)
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try build(staging)
        } catch {
            try? fileManager.removeItem(at: staging)
            throw error
        }
        let retired = parent.appendingPathComponent(".\(url.lastPathComponent).old-\(getpid())")
        try? fileManager.removeItem(at: retired)
        if fileManager.fileExists(atPath: url.path) {
            try fileManager.moveItem(at: url, to: retired)
        }
        do {
            try fileManager.moveItem(at: staging, to: url)
        } catch {
            // Put the previous output back rather than leave nothing.
            if fileManager.fileExists(atPath: retired.path) { try? fileManager.moveItem(at: retired, to: url) }
            throw OutputError(path: url.path, reason: String(describing: error))
        }
        try? fileManager.removeItem(at: retired)
    }

    private static func replace(_ destination: URL, with source: URL) throws {
        if rename(source.path, destination.path) != 0 {
            throw OutputError(path: destination.path, reason: String(cString: strerror(errno)))
        }
    }
}

/// An output file or folder that could not be written.
public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "could not write \(path): \(reason)" }
}
