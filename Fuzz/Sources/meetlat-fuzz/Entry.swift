import Foundation

// Two builds of one target (see Fuzz/README.md):
// - `scripts/fuzz.sh` builds with `-sanitize=fuzzer,address -DFUZZING`: libFuzzer supplies
//   `main` and calls `LLVMFuzzerTestOneInput`; the environment variable MEETLAT_FUZZ_TARGET
//   (`csv` or `ingest`) picks the target. A broken invariant aborts, which libFuzzer reports as
//   a crash and saves the input.
// - The plain `swift build` replays inputs: `meetlat-fuzz <csv|ingest> <file or folder>...`
//   checks each file with the same invariants, without libFuzzer — how a saved crash is
//   reproduced in a debugger.

#if FUZZING

/// Built once, on the first input (a global `let` is initialised lazily and exactly once).
let fuzzHarness: Harness = {
    let name = ProcessInfo.processInfo.environment["MEETLAT_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: " or ")
        FileHandle.standardError.write(Data("meetlat-fuzz: set MEETLAT_FUZZ_TARGET to \(names)\n".utf8))
        exit(2)
    }
    do {
        let harness = try Harness(target: target)
        // libFuzzer ends a timed run with exit(); a crash leaves the folder for inspection.
        atexit { fuzzHarness.removeScratch() }
        return harness
    } catch {
        FileHandle.standardError.write(Data("meetlat-fuzz: cannot set up \(Harness.fixture.path): \(error)\n".utf8))
        exit(2)
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    do {
        try fuzzHarness.run(UnsafeBufferPointer(start: data, count: size))
    } catch {
        FileHandle.standardError.write(Data("meetlat-fuzz: invariant broken: \(error)\n".utf8))
        abort()
    }
    return 0
}

#else

@main
struct FuzzReplay {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard let first = arguments.first, let target = FuzzTarget(rawValue: first), arguments.count > 1 else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            print("usage: meetlat-fuzz <\(names)> <file or folder>...   (replays inputs; fuzzing itself: scripts/fuzz.sh)")
            exit(2)
        }
        do {
            let harness = try Harness(target: target)
            var failed = 0
            let files = try inputs(Array(arguments.dropFirst()))
            for file in files {
                let bytes = try [UInt8](Data(contentsOf: file))
                do {
                    try bytes.withUnsafeBufferPointer { buffer throws(InvariantViolation) in try harness.run(buffer) }
                } catch {
                    failed += 1
                    print("FAIL \(file.path): \(error)")
                }
            }
            harness.removeScratch()
            print("\(target.rawValue): \(files.count - failed) passed, \(failed) failed")
            exit(failed == 0 ? 0 : 1)
        } catch {
            print("meetlat-fuzz: \(error)")
            exit(2)
        }
    }

    /// Files as given, folders as their files (sorted, hidden ones left out).
    static func inputs(_ paths: [String]) throws -> [URL] {
        try paths.flatMap { path -> [URL] in
            let url = URL(fileURLWithPath: path)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [url] }
            return try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
                .map { url.appendingPathComponent($0) }
        }
    }
}

#endif
