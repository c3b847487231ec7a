import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX calls the output code is made of. Each failure is a `FileSystem.Failure` carrying
/// `errno`, so that `OutputError` can name the cause in a sentence (Foundation's file manager
/// would wrap it in an `NSCocoaErrorDomain` code instead). Nothing here follows a symbolic link
/// at the name it creates, renames or removes.
enum FileSystem {
    /// A system call that failed: its `errno` and the path it was about.
    struct Failure: Error {
        var code: Int32
        var path: String
    }

    /// The `lstat` of `path` (a symbolic link is described, not followed); nil when nothing is there.
    static func linkStatus(_ path: String) -> stat? {
        var status = stat()
        return lstat(path, &status) == 0 ? status : nil
    }

    /// The `stat` of `path`, following symbolic links; nil when nothing is there.
    static func status(_ path: String) -> stat? {
        var status = stat()
        return stat(path, &status) == 0 ? status : nil
    }

    static func isDirectory(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFDIR }
    static func isSymbolicLink(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFLNK }
    static func isRegularFile(_ status: stat) -> Bool { (status.st_mode & S_IFMT) == S_IFREG }

    /// The names in a folder, without `.` and `..`, sorted; empty when it cannot be read.
    static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// `mkdir -p`: creates `path` and the folders above it that are missing.
    static func makeFolders(_ path: String) throws(Failure) {
        if let status = status(path) {
            if isDirectory(status) { return }
            throw Failure(code: ENOTDIR, path: path)
        }
        let parent = (path as NSString).deletingLastPathComponent
        if !parent.isEmpty && parent != path { try makeFolders(parent) }
        if mkdir(path, 0o777) != 0 && errno != EEXIST { throw Failure(code: errno, path: path) }
    }

    /// Removes `path` and, if it is a folder, everything in it. A symbolic link is removed, never
    /// followed. Best effort: returns false when something could not be removed.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        guard let status = linkStatus(path) else { return true }
        if !isDirectory(status) { return unlink(path) == 0 || errno == ENOENT }
        var removed = true
        for name in names(in: path) { removed = removeTree(path + "/" + name) && removed }
        return (rmdir(path) == 0 || errno == ENOENT) && removed
    }

    /// Makes `destination` (which must not exist) the same as `source`: a hard link to a file
    /// or symbolic link (the link itself, not what it points to), a new folder with the same
    /// done to each entry. Where the file system cannot link, files are copied and symbolic
    /// links made again.
    static func duplicate(_ source: String, at destination: String) throws(Failure) {
        guard let status = linkStatus(source) else { return }
        if isDirectory(status) {
            if mkdir(destination, status.st_mode & 0o7777) != 0 { throw Failure(code: errno, path: destination) }
            for name in names(in: source) { try duplicate(source + "/" + name, at: destination + "/" + name) }
            return
        }
        let atCurrentDirectory: Int32 = -100
        if linkat(atCurrentDirectory, source, atCurrentDirectory, destination, 0) == 0 { return }
        let linkError = errno
        if isSymbolicLink(status) {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let count = readlink(source, &buffer, buffer.count - 1)
            guard count >= 0 else { throw Failure(code: errno, path: source) }
            if symlink(buffer, destination) != 0 { throw Failure(code: errno, path: destination) }
            return
        }
        guard isRegularFile(status) else { throw Failure(code: linkError, path: destination) }
        let input = open(source, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard input >= 0 else { throw Failure(code: errno, path: source) }
        defer { close(input) }
        let output = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, status.st_mode & 0o7777)
        guard output >= 0 else { throw Failure(code: errno, path: destination) }
        defer { close(output) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = read(input, &buffer, buffer.count)
            if count == 0 { return }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(code: errno, path: source)
            }
            var offset = 0
            while offset < count {
                let written = buffer.withUnsafeBytes { systemWrite(output, $0.baseAddress! + offset, count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(code: errno, path: destination)
                }
                offset += written
            }
        }
    }

    /// Twelve lowercase letters and digits from the system's random source: a name nobody can
    /// guess in advance (62 bits).
    static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789")
        return String((0..<12).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }

    /// Swaps two existing paths in one step: `renameat2(RENAME_EXCHANGE)` on Linux (looked up at
    /// run time: the C library's header hides it from Swift), `renamex_np(RENAME_SWAP)` on macOS.
    /// Returns 0, or the `errno` (`EINVAL`/`ENOSYS` when the system or file system cannot swap).
    static func exchange(_ first: String, _ second: String) -> Int32 {
        #if os(Linux)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return ENOSYS }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let atCurrentDirectory: Int32 = -100, renameExchange: UInt32 = 1 << 1
        return renameat2(atCurrentDirectory, first, atCurrentDirectory, second, renameExchange) == 0 ? 0 : errno
        #elseif canImport(Darwin)
        return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
        #else
        return ENOSYS
        #endif
    }

    /// `fsync` of a file or folder, so that what was written or renamed in it survives a crash of
    /// the machine. Best effort (some file systems cannot sync a folder).
    static func sync(_ path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// The canonical path of an existing `path` (symbolic links, `.` and `..` resolved).
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The absolute path `path` stands for, with every symbolic link of its existing part
    /// resolved; the part that does not exist yet is appended with `.` and `..` applied.
    static func resolved(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if let real = realPath(absolute) { return real }
        let name = (absolute as NSString).lastPathComponent
        let parent = (absolute as NSString).deletingLastPathComponent
        if parent == absolute || parent.isEmpty { return absolute }
        let resolvedParent = resolved(parent)
        switch name {
        case "", ".": return resolvedParent
        case "..": return (resolvedParent as NSString).deletingLastPathComponent
        default: return resolvedParent == "/" ? "/" + name : resolvedParent + "/" + name
        }
    }

    /// Whether `inner` is `outer` or lies inside it (both canonical, absolute paths).
    static func isSameOrInside(_ inner: String, _ outer: String) -> Bool {
        inner == outer || outer == "/" || inner.hasPrefix(outer + "/")
    }

    /// Whether the existing folder `path` (canonical) is a mount point: on another device than
    /// its parent, or listed as one in `/proc/self/mountinfo` (a bind mount of the same file
    /// system). A mount point cannot be renamed (`EBUSY`), so it cannot be swapped.
    static func isMountPoint(_ path: String) -> Bool {
        guard path != "/", let own = status(path), let parent = status((path as NSString).deletingLastPathComponent) else {
            return path == "/"
        }
        if own.st_dev != parent.st_dev { return true }
        #if os(Linux)
        guard let table = try? String(contentsOfFile: "/proc/self/mountinfo", encoding: .utf8) else { return false }
        for line in table.split(separator: "\n") {
            // Fields: id, parent id, major:minor, root, mount point (spaces etc. written as \040), ...
            let fields = line.split(separator: " ", omittingEmptySubsequences: false)
            if fields.count > 4 && unescapeMountField(fields[4]) == path { return true }
        }
        #endif
        return false
    }

    /// `/mnt/my\040site` → `/mnt/my site`: mountinfo writes space, tab, newline and backslash
    /// as three octal digits.
    static func unescapeMountField(_ field: Substring) -> String {
        var bytes: [UInt8] = []
        let raw = Array(field.utf8)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "\\"), index + 4 <= raw.count,
               let value = UInt8(String(decoding: raw[(index + 1)..<(index + 4)], as: UTF8.self), radix: 8) {
                bytes.append(value)
                index += 4
            } else {
                bytes.append(raw[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
