import Foundation
import Support

/// What killed builds leave next to the output folder. `AtomicOutput.replaceFolder` builds in
/// `.<name>.staging-<pid>` and, between its two renames, keeps the previous output as
/// `.<name>.old-<pid>`. A build killed in that instant leaves no output folder at all, only
/// the `.old-` one; a build killed earlier leaves a staging folder. Before building, leftovers of
/// processes that no longer run are cleared and a lost output is put back.
enum StaleOutput {
    /// Restores the output from a dead build's `.old-` folder when the output is missing, and
    /// removes the dead builds' other leftovers. Returns what it did, for the command to print.
    @discardableResult
    static func recover(_ output: URL) throws -> [String] {
        let manager = FileManager.default
        let parent = output.deletingLastPathComponent()
        let name = output.lastPathComponent
        guard let entries = try? manager.contentsOfDirectory(atPath: parent.path) else { return [] }
        var actions: [String] = []
        let leftovers = entries.compactMap { entry -> (name: String, retired: Bool)? in
            for (prefix, retired) in [(".\(name).old-", true), (".\(name).staging-", false)] where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), !AtomicOutput.processIsRunning(pid) else { return nil }
                return (entry, retired)
            }
            return nil
        }.sorted { ($0.retired ? 0 : 1, $0.name) < ($1.retired ? 0 : 1, $1.name) }
        for leftover in leftovers {
            let url = parent.appendingPathComponent(leftover.name)
            if leftover.retired && !manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: url, to: output)
                actions.append("restored \(output.path) from \(leftover.name), left by an interrupted build")
            } else {
                try manager.removeItem(at: url)
                actions.append("removed \(leftover.name), left by an interrupted build")
            }
        }
        return actions
    }
}
