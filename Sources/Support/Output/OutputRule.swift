import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one rule for where a command may write, applied by `AtomicOutput` to every output before
/// anything is written. Replacing a folder deletes what it held, so an output folder may not
/// be, hold or lie inside one of the command's inputs, and may not be or hold the current
/// folder, the repository (found from the current folder: the first folder up holding
/// `Package.swift`, `.git` or `Surveys/`), a home folder or the root of the file system; nor may
/// it itself hold `Package.swift`, `.git` or `Surveys/`. An output file may not be an existing
/// folder, nor be or lie inside an input. Paths are compared with symbolic links resolved.
enum OutputRule {
    /// An output folder the rule allows.
    struct Folder {
        /// Canonical path of the folder to replace: the target when the output named a
        /// symbolic link to a folder.
        var path: String
        /// Sentences for the user, e.g. that a symbolic link was followed.
        var notes: [String]
    }

    /// Checks `url` as an output folder of a command reading `inputs`.
    static func folder(_ url: URL, inputs: [URL]) throws(OutputRefused) -> Folder {
        let given = url.path
        func refuse(_ reason: String) -> OutputRefused { OutputRefused(output: given, reason: reason, isFolder: true) }
        var path = unfollowed(given)
        var notes: [String] = []
        if let status = FileSystem.linkStatus(path), FileSystem.isSymbolicLink(status) {
            // A deployed web root is often a link (`_site -> /srv/www`): publish into its target.
            guard let target = FileSystem.realPath(path), let targetStatus = FileSystem.status(target) else {
                throw refuse("it is a symbolic link to \(linkText(path)), which does not exist")
            }
            guard FileSystem.isDirectory(targetStatus) else { throw refuse("it is a symbolic link to a file, not a folder") }
            notes.append("\(given) is a symbolic link: published into \(target), the folder it points to")
            path = target
        }
        if let status = FileSystem.status(path), !FileSystem.isDirectory(status) {
            throw refuse("it is a file, not a folder")
        }
        if path == "/" { throw refuse("it is the root of the file system") }
        let current = FileSystem.resolved(FileManager.default.currentDirectoryPath)
        if path == current { throw refuse("it is the current folder") }
        if FileSystem.isSameOrInside(current, path) { throw refuse("it holds the current folder (\(current))") }
        for home in homeFolders() {
            if path == home { throw refuse("it is a home folder") }
            if FileSystem.isSameOrInside(home, path) { throw refuse("it holds the home folder \(home)") }
        }
        if let repository = repositoryRoot(from: current) {
            if path == repository { throw refuse("it is the repository (\(repository))") }
            if FileSystem.isSameOrInside(repository, path) { throw refuse("it holds the repository \(repository)") }
        }
        if let reason = inputReason(path, inputs: inputs, folder: true) { throw refuse(reason) }
        for marker in markers where FileSystem.linkStatus(path + "/" + marker) != nil {
            throw refuse("it holds \(marker), as a repository or a survey folder does, and replacing it would delete that")
        }
        return Folder(path: path, notes: notes)
    }

    /// Checks `url` as an output file of a command reading `inputs`; returns its path with the
    /// folders above it resolved. A symbolic link at the file's own name is not followed: the
    /// new file replaces the link.
    static func file(_ url: URL, inputs: [URL]) throws(OutputRefused) -> String {
        let path = unfollowed(url.path)
        func refuse(_ reason: String) -> OutputRefused { OutputRefused(output: url.path, reason: reason, isFolder: false) }
        if let status = FileSystem.linkStatus(path), FileSystem.isDirectory(status) { throw refuse("it is a folder") }
        if let reason = inputReason(path, inputs: inputs, folder: false) { throw refuse(reason) }
        return path
    }

    /// Files whose presence marks a folder that must never be replaced.
    static let markers = ["Package.swift", ".git", "Surveys"]

    /// `path` absolute with the folders above its last part resolved, the last part itself not
    /// followed (it may be a symbolic link the caller looks at).
    static func unfollowed(_ path: String) -> String {
        let absolute = FileSystem.resolved((path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        let name = (path as NSString).lastPathComponent
        if name.isEmpty || name == "." || name == ".." || name == "/" { return FileSystem.resolved(path) }
        return absolute == "/" ? "/" + name : absolute + "/" + name
    }

    /// Why `path` may not be written for these inputs, or nil.
    static func inputReason(_ path: String, inputs: [URL], folder: Bool) -> String? {
        for input in inputs {
            let resolved = FileSystem.resolved(input.path)
            if path == resolved { return "it is an input of this command" }
            if folder && FileSystem.isSameOrInside(resolved, path) { return "it holds \(input.path), an input of this command" }
            if FileSystem.isSameOrInside(path, resolved) { return "it lies inside \(input.path), an input of this command" }
        }
        return nil
    }

    /// Where a symbolic link points, as written in it.
    static func linkText(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        return count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
    }

    /// The home folders of people on this machine: `$HOME`, the current user's, root's and those
    /// of login accounts (user ids 1000 and up). Service accounts' homes (`/var/www`, `/bin`) are
    /// not homes in this sense.
    static func homeFolders() -> Set<String> {
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["HOME"], !home.isEmpty { candidates.append(home) }
        if let entry = getpwuid(getuid()) { candidates.append(String(cString: entry.pointee.pw_dir)) }
        setpwent()
        while let entry = getpwent() {
            let user = entry.pointee.pw_uid
            if user == 0 || (user >= 1000 && user < 65534) { candidates.append(String(cString: entry.pointee.pw_dir)) }
        }
        endpwent()
        return Set(candidates.compactMap(FileSystem.realPath).filter { $0 != "/" })
    }

    /// The repository the command runs in: the first folder from `folder` up that holds
    /// `Package.swift`, `.git` or `Surveys/`.
    static func repositoryRoot(from folder: String) -> String? {
        var candidate = folder
        while true {
            if markers.contains(where: { FileSystem.linkStatus(candidate + "/" + $0) != nil }) { return candidate }
            let parent = (candidate as NSString).deletingLastPathComponent
            if parent == candidate || parent.isEmpty { return nil }
            candidate = parent
        }
    }
}
