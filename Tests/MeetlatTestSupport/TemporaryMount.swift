import Foundation

/// A small tmpfs mounted on an existing empty folder for one test (`mount -t tmpfs -o size=…`),
/// unmounted when the value goes away: a disk that really fills up, a file system that really
/// is read-only, a folder that really is a mount point. Needs root (or CAP_SYS_ADMIN); tests
/// that use it are enabled only where `TemporaryMount.available`, and say why otherwise.
public final class TemporaryMount {
    public let url: URL
    public var path: String { url.path }

    /// Whether this machine lets the tests mount a tmpfs (tried once, on a scratch folder).
    public static let available: Bool = {
        guard geteuid() == 0 else { return false }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("meetlat-mount-probe-\(UUID().uuidString)")
        var mounted = false
        if let mount = try? TemporaryMount(at: scratch, kilobytes: 64) {
            mounted = true
            withExtendedLifetime(mount) {}
        }
        try? FileManager.default.removeItem(at: scratch)
        return mounted
    }()

    /// Why a test was skipped where `available` is false.
    public static let unavailableReason = "needs root to mount a tmpfs (mount -t tmpfs -o size=1m tmpfs <folder>); skipped on this machine"

    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    /// Mounts a tmpfs of `kilobytes` at `url` (made if missing).
    public init(at url: URL, kilobytes: Int) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.url = url
        try Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k", "tmpfs", url.path])
    }

    /// Makes the file system read-only (or writable again).
    public func remount(readOnly: Bool) throws {
        try Self.command("/bin/mount", ["-o", "remount,\(readOnly ? "ro" : "rw")", url.path])
    }

    /// Bytes still free on the file system.
    public var freeBytes: Int {
        var status = statvfs()
        guard statvfs(url.path, &status) == 0 else { return 0 }
        return Int(status.f_bavail) * Int(status.f_frsize)
    }

    deinit {
        // Lazily: a process that still has a file open there must not keep the mount alive.
        try? Self.command("/bin/umount", ["-l", url.path])
    }

    static func command(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(executable) \(arguments.joined(separator: " ")) failed with status \(process.terminationStatus)")
        }
    }
}
