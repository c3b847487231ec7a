import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The fresh folder a `AtomicOutput.replaceFolder` build writes into. Files are created
/// exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`: a name is written once, nothing planted is
/// followed), folders on their way are made as needed, and a failure names the file as it
/// will be published (`_site/2012/index.html`), never the staging name. Safe to use from
/// several threads at once.
public struct StagingFolder: Sendable {
    /// The staging folder itself. Write through the methods below; reading what was written is fine.
    public var url: URL { URL(fileURLWithPath: path) }
    let path: String
    /// The output folder as the user named it.
    let shownFolder: String
    let durable: Bool

    init(path: String, shown: String, durable: Bool) {
        self.path = path
        self.shownFolder = shown
        self.durable = durable
    }

    /// Writes a new file at `relativePath` (`2012.json`, `2012/index.html`).
    public func write(_ data: Data, to relativePath: String) throws {
        try data.withUnsafeBytes { try write($0, to: relativePath) }
    }

    /// Writes a new text file (UTF-8) at `relativePath`.
    public func write(_ text: String, to relativePath: String) throws {
        try write(Data(text.utf8), to: relativePath)
    }

    /// Writes a new file at `relativePath` from raw bytes (the site's pages, without a copy).
    public func write(_ bytes: UnsafeRawBufferPointer, to relativePath: String) throws {
        let (file, shown) = try place(relativePath)
        do throws(FileSystem.Failure) {
            let descriptor = try create(file, nested: relativePath.contains("/"))
            try AtomicOutput.writeAll(bytes, to: descriptor, what: "file \(shown)", path: file, sync: durable)
        } catch {
            throw OutputError(path: shown, code: error.code)
        }
    }

    /// Writes a new file at `relativePath` whose bytes `produce` hands to `emit` piece by piece:
    /// a file too large to hold in memory (a big export's rejects.csv). An error `produce`
    /// throws is rethrown unchanged.
    public func write(to relativePath: String, streaming produce: (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let (file, shown) = try place(relativePath)
        do {
            let descriptor = try create(file, nested: relativePath.contains("/"))
            try AtomicOutput.writeStreaming(to: descriptor, what: "file \(shown)", path: file, sync: durable, produce)
        } catch let error as FileSystem.Failure {
            throw OutputError(path: shown, code: error.code)
        }
    }

    /// The staging path of `relativePath` and its name as published; refuses a path that
    /// would leave the folder.
    private func place(_ relativePath: String) throws -> (file: String, shown: String) {
        let shown = shownFolder + "/" + relativePath
        let parts = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }) else {
            throw OutputError(path: shown, code: EINVAL, outcome: "it is not a path inside the output")
        }
        return (path + "/" + relativePath, shown)
    }

    /// Creates `file` exclusively; when `nested`, makes the folders on its way as needed.
    private func create(_ file: String, nested: Bool) throws(FileSystem.Failure) -> Int32 {
        var descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT && nested {
            try FileSystem.makeFolders((file as NSString).deletingLastPathComponent)
            descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw FileSystem.Failure(code: errno, path: file) }
        return descriptor
    }

    /// `path` inside the staging folder as it will be published.
    func shown(_ inside: String) -> String {
        inside.hasPrefix(path) ? shownFolder + inside.dropFirst(path.count) : inside
    }
}
