import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every output meetlat writes goes through here, so that a reader never sees a half-written
/// one and a command never destroys what it must not:
///
/// - **The output rule** (`checkFolder`): an output may not be, hold or lie inside an input, nor
///   be or hold the current folder, the repository, a home folder; refused with one message
///   before anything is written (`OutputRefused`).
/// - **One file** (`write(_:to:inputs:)`): written to a temporary sibling with an unguessable
///   name, created exclusively (`O_CREAT|O_EXCL|O_NOFOLLOW`), synced, and renamed over the
///   file. A symbolic link at the file's name is replaced by the file, never written through.
/// - **A folder** (`replaceFolder`): `build` fills a fresh staging folder beside the output
///   (`.<name>.staging-<pid>-<random>`), which then takes the output's place in one step
///   (`renameat2(RENAME_EXCHANGE)`), so every file of the folder changes together or none does.
///   With `keepingOtherFiles`, what the build did not write is carried over unchanged (hard
///   links). An output that is a symbolic link to a folder is published into that folder; an
///   output that is a mount point (which cannot be renamed) has its entries swapped one by
///   one inside it, and the publication says so.
///
/// A run killed at any moment leaves every output as its previous or its new complete version;
/// what it leaves beside it (a staging folder, a temporary file) carries its process id and is
/// removed by the next run once that process is gone. Failures are `OutputError`s naming the
/// path and the cause in words (`the disk is full`), never a Foundation error code.
/// Debug builds can be made to stop or fail at any write (`WriteFaults`), for the tests.
public enum AtomicOutput {
    /// What a folder replacement did.
    public struct Publication: Sendable {
        /// The folder that now holds the output: the target of a symbolic link when the output
        /// was one.
        public var folder: URL
        /// What happened beyond a plain replacement, as sentences for the command to print: a
        /// symbolic link followed, a mount point's contents replaced, an interrupted run's
        /// leftovers removed.
        public var notes: [String]
    }

    /// Applies the output rule to `folder` for a command reading `inputs` (folders or files),
    /// without writing anything: a command calls it before long work, so it fails at once.
    /// `replaceFolder` applies it again.
    public static func checkFolder(_ folder: URL, inputs: [URL]) throws {
        _ = try OutputRule.folder(folder, inputs: inputs)
    }

    /// The same for an output file (`write(_:to:inputs:)` applies it again).
    public static func checkFile(_ file: URL, inputs: [URL]) throws {
        _ = try OutputRule.file(file, inputs: inputs)
    }

    /// Writes `data` to the file `file` atomically (parent folders are made as needed), after
    /// checking that it is neither a folder nor one of `inputs` nor inside one.
    public static func write(_ data: Data, to file: URL, inputs: [URL]) throws {
        let path = try OutputRule.file(file, inputs: inputs)
        let existed = FileSystem.linkStatus(path) != nil
        let outcome = existed ? "\(file.path) is unchanged" : "nothing was written"
        do {
            try FileSystem.makeFolders((path as NSString).deletingLastPathComponent)
            try data.withUnsafeBytes { try replaceFile(path, with: $0, shown: file.path) }
        } catch let failure as FileSystem.Failure {
            throw OutputError(path: failure.path == path ? file.path : failure.path, code: failure.code, outcome: outcome)
        }
        Leftovers.removeTemporaries(of: path)
    }

    /// `write(_:to:inputs:)` for text, as UTF-8.
    public static func write(_ text: String, to file: URL, inputs: [URL]) throws {
        try write(Data(text.utf8), to: file, inputs: inputs)
    }

    /// Replaces the folder `folder` as a whole with what `build` writes into a fresh staging
    /// folder. If `build` throws, a write fails or the process dies, `folder` keeps its previous
    /// content. The output rule is applied first (`checkFolder`).
    ///
    /// - Parameters:
    ///   - folder: the output folder.
    ///   - inputs: the folders and files the command reads (the rule refuses an output among them).
    ///   - keepingOtherFiles: carry over, unchanged, the entries of the previous folder that
    ///     `build` did not write (e.g. the other years' rankings when one year is scored).
    ///   - durable: sync every file and the folder to disk before publishing, so that the new
    ///     version also survives a crash of the machine. The site, thousands of files that the
    ///     next build remakes, passes `false`.
    ///   - build: writes the new content into the staging folder it is given.
    @discardableResult
    public static func replaceFolder(_ folder: URL, inputs: [URL], keepingOtherFiles: Bool = false, durable: Bool = true,
                                     build: (StagingFolder) throws -> Void) throws -> Publication {
        let target = try OutputRule.folder(folder, inputs: inputs)
        let shown = folder.path
        let parent = (target.path as NSString).deletingLastPathComponent
        let name = (target.path as NSString).lastPathComponent
        do {
            try FileSystem.makeFolders(parent)
        } catch {
            throw OutputError(path: error.path, code: error.code, outcome: "nothing was written")
        }
        var notes = target.notes + Leftovers.clear(beside: target.path)
        let existed = FileSystem.status(target.path) != nil
        let onMountPoint = existed && FileSystem.isMountPoint(target.path)
        let unchanged = existed ? "\(shown) is unchanged" : "nothing was written"

        // The staging folder: beside the output, or inside it on a mount point (the only place
        // on the same file system).
        let staging: StagingFolder
        do {
            staging = StagingFolder(path: try makeStagingFolder(in: onMountPoint ? target.path : parent, output: name),
                                    shown: shown, durable: durable)
        } catch {
            throw OutputError(path: shown, code: error.code, outcome: unchanged)
        }
        do {
            try build(staging)
            if keepingOtherFiles && existed && !onMountPoint {
                try carryOver(from: target.path, into: staging)
            }
            if durable { FileSystem.sync(staging.path) }
        } catch {
            FileSystem.removeTree(staging.path)
            switch error {
            case var failure as OutputError:
                failure.outcome = [failure.outcome, unchanged].compactMap { $0 }.joined(separator: "; ")
                throw failure
            case let failure as FileSystem.Failure:
                throw OutputError(path: staging.shown(failure.path), code: failure.code, outcome: unchanged)
            default:
                throw error
            }
        }

        if onMountPoint {
            notes += try publishInsideMountPoint(staging, into: target.path, keepingOtherFiles: keepingOtherFiles)
        } else {
            notes += try publishBySwap(staging, replacing: target.path, existed: existed)
        }
        if durable { FileSystem.sync(parent) }
        return Publication(folder: URL(fileURLWithPath: target.path), notes: notes.map(VisibleText.codePoints))
    }

    // MARK: - Publishing

    /// Puts the staging folder in the output's place in one step; returns notes.
    static func publishBySwap(_ staging: StagingFolder, replacing target: String, existed: Bool) throws -> [String] {
        let shown = staging.shownFolder
        let unchanged = existed ? "\(shown) is unchanged" : "nothing was written"
        func fail(_ code: Int32, outcome: String = unchanged) -> OutputError {
            FileSystem.removeTree(staging.path)
            return OutputError(path: shown, code: code, outcome: outcome)
        }
        if !existed {
            do {
                try step("publish \(shown)", path: shown) { rename(staging.path, target) == 0 ? 0 : errno }
            } catch {
                throw fail(error.code)
            }
            return []
        }
        do {
            let code = try step("swap \(shown)", path: shown, allowing: [EINVAL, ENOSYS, ENOTSUP]) {
                FileSystem.exchange(staging.path, target)
            }
            if code == 0 {
                // The staging path now holds the previous version.
                return removeRetired(staging.path, shown: shown)
            }
        } catch {
            throw fail(error.code)
        }
        // No swap on this system or file system: two renames, the previous version kept aside
        // in between (a run killed there gets it back from `Leftovers.clear`).
        let retired = (target as NSString).deletingLastPathComponent + "/."
            + (target as NSString).lastPathComponent + ".old-\(getpid())-" + FileSystem.randomSuffix()
        do {
            try step("set \(shown) aside", path: shown) { rename(target, retired) == 0 ? 0 : errno }
        } catch {
            throw fail(error.code)
        }
        do {
            try step("publish \(shown)", path: shown) { rename(staging.path, target) == 0 ? 0 : errno }
        } catch {
            let restored = rename(retired, target) == 0
            throw fail(error.code, outcome: restored ? unchanged : "the previous version is in \(retired)")
        }
        return removeRetired(retired, shown: shown)
    }

    /// A mount point cannot be renamed: its entries are swapped one by one with the staged ones
    /// (each entry in one step), entries the new version lacks are removed, and the staging
    /// folder inside it goes. Returns the note that says so.
    static func publishInsideMountPoint(_ staging: StagingFolder, into target: String, keepingOtherFiles: Bool) throws -> [String] {
        let shown = staging.shownFolder
        let stagingName = (staging.path as NSString).lastPathComponent
        let entries = FileSystem.names(in: staging.path)
        do {
            for entry in entries {
                let source = staging.path + "/" + entry, destination = target + "/" + entry
                if FileSystem.linkStatus(destination) != nil {
                    let code = try step("swap \(shown)/\(entry)", path: "\(shown)/\(entry)", allowing: [EINVAL, ENOSYS, ENOTSUP]) {
                        FileSystem.exchange(source, destination)
                    }
                    if code == 0 { continue }
                    FileSystem.removeTree(destination)
                }
                try step("move \(shown)/\(entry)", path: "\(shown)/\(entry)") { rename(source, destination) == 0 ? 0 : errno }
            }
            if !keepingOtherFiles {
                for entry in FileSystem.names(in: target) where entry != stagingName && !entries.contains(entry) {
                    try step("remove \(shown)/\(entry)", path: "\(shown)/\(entry)") {
                        FileSystem.removeTree(target + "/" + entry) ? 0 : errno
                    }
                }
            }
        } catch {
            FileSystem.removeTree(staging.path)
            throw OutputError(path: error.path, code: error.code,
                              outcome: "\(shown) is a mount point and was being replaced entry by entry, so it may hold "
                                + "old and new files; run the command again")
        }
        let note = "\(shown) is a mount point, which cannot be swapped as a whole: its entries were replaced one by one"
        return [note] + removeRetired(staging.path, shown: shown)
    }

    /// Removes the previous version once the new one is in place. A failure here does not undo
    /// the publication: it is reported, and the next run removes the leftover.
    static func removeRetired(_ path: String, shown: String) -> [String] {
        do {
            try step("remove the previous \(shown)", path: shown) { FileSystem.removeTree(path) ? 0 : errno }
            return []
        } catch {
            return ["the previous version of \(shown) could not be removed (\(OutputError.cause(error.code))): "
                + "\(path) is left; the next run removes it"]
        }
    }

    /// Carries the entries of the previous folder that the build did not write into the staging
    /// folder, as hard links (copies where the file system cannot link).
    static func carryOver(from previous: String, into staging: StagingFolder) throws {
        let written = Set(FileSystem.names(in: staging.path))
        for entry in FileSystem.names(in: previous) where !written.contains(entry) && !Leftovers.isLeftover(entry) {
            try step("keep \(staging.shownFolder)/\(entry)", path: "\(staging.shownFolder)/\(entry)") {
                do throws(FileSystem.Failure) {
                    try FileSystem.duplicate(previous + "/" + entry, at: staging.path + "/" + entry)
                    return 0
                } catch {
                    return error.code
                }
            }
        }
    }

    // MARK: - Files

    /// Writes `bytes` to a new temporary file beside `path` and renames it over `path`.
    static func replaceFile(_ path: String, with bytes: UnsafeRawBufferPointer, shown: String) throws(FileSystem.Failure) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = "." + (path as NSString).lastPathComponent + ".tmp-\(getpid())-"
        var temporary = ""
        var descriptor: Int32 = -1
        for _ in 0..<100 {
            temporary = folder + "/" + prefix + FileSystem.randomSuffix()
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            if descriptor >= 0 || errno != EEXIST { break }
        }
        guard descriptor >= 0 else { throw FileSystem.Failure(code: errno, path: path) }
        do {
            try writeAll(bytes, to: descriptor, what: "file \(shown)", path: path, sync: true)
        } catch {
            unlink(temporary)
            throw error
        }
        do {
            try step("rename into \(shown)", path: path) { rename(temporary, path) == 0 ? 0 : errno }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Writes all of `bytes` to `descriptor` (one numbered write) and closes it.
    static func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, what: @autoclosure () -> String, path: String,
                         sync: Bool) throws(FileSystem.Failure) {
        var closed = false
        defer { if !closed { close(descriptor) } }
        let (number, planned) = WriteFaults.begin(what())
        if planned != 0 { throw FileSystem.Failure(code: planned, path: path) }
        try writeBytes(bytes, to: descriptor, path: path)
        if sync && fsync(descriptor) != 0 && errno != EINVAL { throw FileSystem.Failure(code: errno, path: path) }
        closed = true
        // `close` reports a deferred write error on some file systems (NFS).
        if close(descriptor) != 0 && errno != EINTR { throw FileSystem.Failure(code: errno, path: path) }
        WriteFaults.end(number)
    }

    /// `writeAll` for a file handed over in pieces by `produce` (still one numbered write), so a
    /// file larger than memory can be written. An error `produce` throws is rethrown unchanged.
    static func writeStreaming(to descriptor: Int32, what: @autoclosure () -> String, path: String, sync: Bool,
                               _ produce: (_ emit: (UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        var closed = false
        defer { if !closed { close(descriptor) } }
        let (number, planned) = WriteFaults.begin(what())
        if planned != 0 { throw FileSystem.Failure(code: planned, path: path) }
        try produce { bytes throws(FileSystem.Failure) in try writeBytes(bytes, to: descriptor, path: path) }
        if sync && fsync(descriptor) != 0 && errno != EINVAL { throw FileSystem.Failure(code: errno, path: path) }
        closed = true
        if close(descriptor) != 0 && errno != EINTR { throw FileSystem.Failure(code: errno, path: path) }
        WriteFaults.end(number)
    }

    /// Writes all of `bytes` to `descriptor`, retrying short writes.
    static func writeBytes(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, path: String) throws(FileSystem.Failure) {
        var offset = 0
        while offset < bytes.count, let base = bytes.baseAddress {
            let count = systemWrite(descriptor, base + offset, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw FileSystem.Failure(code: errno, path: path)
            }
            offset += count
        }
    }

    /// One numbered write: `body` makes the system call and returns 0 or its `errno`. A code
    /// listed in `allowing` is returned to the caller (who has another way); any other throws.
    @discardableResult
    static func step(_ what: @autoclosure () -> String, path: String, allowing: Set<Int32> = [],
                     _ body: () -> Int32) throws(FileSystem.Failure) -> Int32 {
        let (number, planned) = WriteFaults.begin(what())
        let code = planned != 0 ? planned : body()
        if code != 0 && !allowing.contains(code) { throw FileSystem.Failure(code: code, path: path) }
        WriteFaults.end(number)
        return code
    }

    /// A new, empty folder `.<output>.staging-<pid>-<random>` in `parent`, made exclusively
    /// (`mkdir` fails if anything, a planted link included, has the name).
    static func makeStagingFolder(in parent: String, output: String) throws(FileSystem.Failure) -> String {
        for _ in 0..<100 {
            let path = parent + "/." + output + ".staging-\(getpid())-" + FileSystem.randomSuffix()
            if mkdir(path, 0o777) == 0 { return path }
            if errno != EEXIST { throw FileSystem.Failure(code: errno, path: path) }
        }
        throw FileSystem.Failure(code: EEXIST, path: parent)
    }
}

#if canImport(Glibc)
let systemWrite = Glibc.write
#elseif canImport(Darwin)
let systemWrite = Darwin.write
#endif
