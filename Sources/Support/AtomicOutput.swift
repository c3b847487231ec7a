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
            // Where the system can swap two paths in one step, there is no moment without `url`:
            // the staging path then holds the previous content, which is removed.
            if exchange(staging.path, url.path) {
                try? fileManager.removeItem(at: staging)
                return
            }
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

    /// Swaps two existing paths atomically: `renameat2(RENAME_EXCHANGE)` on Linux (looked up at
    /// run time: the C library's header hides it from Swift), `renamex_np(RENAME_SWAP)` on macOS.
    /// False when the system or file system cannot.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0
        #else
        return false
        #endif
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
