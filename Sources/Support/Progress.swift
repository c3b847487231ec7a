import Foundation

/// Progress for long work (big ingest, Monte Carlo, site build): a single updating line on a
/// terminal, nothing at all when standard error is not a terminal (CI logs, pipes, tests).
public final class Progress: @unchecked Sendable {
    private let label: String
    private let total: Int
    private let enabled: Bool
    private var lastDrawn = -1
    private let lock = NSLock()

    /// - Parameters:
    ///   - label: what is being done, shown before the count.
    ///   - total: the number of steps that make 100 %.
    ///   - enabled: defaults to whether standard error is a terminal.
    public init(_ label: String, total: Int, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.label = label
        self.total = max(total, 1)
        self.enabled = enabled
    }

    /// Reports that `done` of `total` units are finished. Redraws at most once per percent.
    public func update(_ done: Int) {
        guard enabled else { return }
        let percent = min(100, done * 100 / total)
        lock.lock()
        defer { lock.unlock() }
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        FileHandle.standardError.write(Data("\r\(label): \(percent)% (\(done)/\(total))".utf8))
    }

    /// Clears the progress line.
    public func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
