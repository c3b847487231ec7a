import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fault injection for the crash and disk-full tests: every write the output code makes is a
/// numbered step (a file's bytes, a carried-over file, a rename or swap that publishes, the
/// removal of what was replaced), and environment variables stop the process after a chosen
/// step or make a chosen step fail:
///
/// - `MEETLAT_FAULT_STOP_AFTER_WRITE=N` — the process kills itself (`SIGKILL`: no clean-up
///   runs) right after step N;
/// - `MEETLAT_FAULT_FAIL_WRITE=N:ENOSPC` — step N fails with that error (`ENOSPC`, `EDQUOT`,
///   `EROFS`, `EBUSY`, `EIO`, `EACCES`; `EINVAL` at a swap: a file system that cannot swap) as
///   the system call would;
/// - `MEETLAT_FAULT_TRACE=1` — each step is listed on standard error (`meetlat: write 3: …`),
///   so a test can count them.
///
/// Compiled into debug builds only (`#if DEBUG`, which `swift build` and `swift test` define);
/// a release build ignores the variables, so no installed `meetlat` can be made to fail this way.
enum WriteFaults {
    /// Starts step `what`: returns its number and the error planned for it (0: none), which the
    /// caller reports as its system call's.
    @inline(__always)
    static func begin(_ what: @autoclosure () -> String) -> (number: Int, planned: Int32) {
        #if DEBUG
        guard let plan = Plan.current else { return (0, 0) }
        let number = plan.counter.next()
        if plan.trace { FileHandle.standardError.write(Data("meetlat: write \(number): \(what())\n".utf8)) }
        if let failure = plan.failure, failure.step == number { return (number, failure.code) }
        return (number, 0)
        #else
        return (0, 0)
        #endif
    }

    /// Ends step `number`: stops the process here when that was asked for.
    @inline(__always)
    static func end(_ number: Int) {
        #if DEBUG
        if let stop = Plan.current?.stopAfter, stop == number { kill(getpid(), SIGKILL) }
        #endif
    }

    #if DEBUG
    /// What the environment asked for; nil (no counting at all) when it asked for nothing.
    struct Plan: Sendable {
        var stopAfter: Int?
        var failure: (step: Int, code: Int32)?
        var trace: Bool
        let counter = Counter()

        static let current: Plan? = {
            let environment = ProcessInfo.processInfo.environment
            var plan = Plan(stopAfter: environment["MEETLAT_FAULT_STOP_AFTER_WRITE"].flatMap { Int($0) },
                            failure: nil, trace: environment["MEETLAT_FAULT_TRACE"] == "1")
            if let text = environment["MEETLAT_FAULT_FAIL_WRITE"] {
                let parts = text.split(separator: ":")
                let codes: [String: Int32] = ["ENOSPC": ENOSPC, "EDQUOT": EDQUOT, "EROFS": EROFS, "EBUSY": EBUSY,
                                              "EIO": EIO, "EACCES": EACCES, "EINVAL": EINVAL]
                if parts.count == 2, let step = Int(parts[0]), let code = codes[String(parts[1])] {
                    plan.failure = (step, code)
                }
            }
            return plan.stopAfter == nil && plan.failure == nil && !plan.trace ? nil : plan
        }()
    }

    /// Step numbers, handed out in order across threads (the site writes on all cores).
    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0

        func next() -> Int {
            lock.lock()
            defer { lock.unlock() }
            count += 1
            return count
        }
    }
    #endif
}
