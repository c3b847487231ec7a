import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What runs killed in the middle leave beside an output, and its removal. Every such name
/// carries the process id of its run: `.<name>.tmp-<pid>-<random>` (a file's temporary),
/// `.<name>.staging-<pid>-<random>` (a folder being built, or after the swap the previous
/// version about to be removed), `.<name>.old-<pid>-<random>` (the previous version set aside
/// where the system cannot swap). Only leftovers of processes that no longer run are touched,
/// so two runs at once do not disturb each other. (Names without the random part, from
/// earlier versions, are recognised too.)
enum Leftovers {
    /// Removes dead runs' leftovers of the folder `output` (beside it, and inside it where a
    /// mount point keeps its staging folder); puts a previous version back when a run died
    /// between setting it aside and publishing. Returns what it did, for the user.
    static func clear(beside output: String) -> [String] {
        let parent = (output as NSString).deletingLastPathComponent
        let name = (output as NSString).lastPathComponent
        var notes: [String] = []
        let candidates = FileSystem.names(in: parent).map { (parent, $0) } + FileSystem.names(in: output).map { (output, $0) }
        // Set-aside versions first: one of them may have to become the output again.
        let found = candidates.compactMap { folder, entry -> (path: String, setAside: Bool)? in
            for (kind, setAside) in [("old", true), ("staging", false)] {
                if let pid = processID(entry, prefix: ".\(name).\(kind)-"), !processIsRunning(pid) {
                    return (folder + "/" + entry, setAside)
                }
            }
            return nil
        }.sorted { ($0.setAside ? 0 : 1, $0.path) < ($1.setAside ? 0 : 1, $1.path) }
        for leftover in found {
            let entry = (leftover.path as NSString).lastPathComponent
            if leftover.setAside && FileSystem.linkStatus(output) == nil && rename(leftover.path, output) == 0 {
                notes.append("restored \(output) from \(entry), left by an interrupted run")
            } else if FileSystem.removeTree(leftover.path) {
                notes.append("removed \(entry), left by an interrupted run")
            }
        }
        return notes
    }

    /// Removes dead runs' temporaries of the file `path`.
    static func removeTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = "." + (path as NSString).lastPathComponent + ".tmp-"
        for entry in FileSystem.names(in: folder) {
            if let pid = processID(entry, prefix: prefix), !processIsRunning(pid) { unlink(folder + "/" + entry) }
        }
    }

    /// Whether `entry` is some run's leftover (never carried over into a new version).
    static func isLeftover(_ entry: String) -> Bool {
        guard entry.hasPrefix(".") else { return false }
        return [".tmp-", ".staging-", ".old-"].contains { marker in
            guard let range = entry.range(of: marker) else { return false }
            return entry[range.upperBound...].first?.isNumber == true
        }
    }

    /// The process id in `<prefix><pid>` or `<prefix><pid>-<random>`.
    static func processID(_ entry: String, prefix: String) -> Int32? {
        guard entry.hasPrefix(prefix) else { return nil }
        let rest = entry.dropFirst(prefix.count)
        return Int32(rest.prefix { $0 != "-" })
    }

    /// Whether a process with this id exists (this one included).
    static func processIsRunning(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }
}
