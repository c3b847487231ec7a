import Foundation
import PersonalData
import Support

/// Throughput of the personal-data scan that the site build runs over every page: every file of a
/// folder (a built `_site/`) read into memory first, then scanned with the published-output
/// detector on one thread, several times; MB/s of the bytes scanned (disk reads not timed), by
/// wall time and by CPU time (the latter less disturbed by other work on a shared machine).
enum ScanBenchmark {
    static func run(_ arguments: [String]) throws {
        let options = try BenchmarkOptions(arguments, allowed: ["folder", "runs"])
        let folder = options.string("folder", default: "_site")
        let runs = try options.integer("runs", default: 5)
        let files = try readFiles(in: folder)
        let bytes = files.reduce(0) { $0 + $1.data.count }
        guard bytes > 0 else { throw BenchmarkError(message: "\(folder): no files to scan; build a site first (meetlat site)") }
        let detector = PersonalDataDetector.publishedOutput

        print("Personal-data scan benchmark")
        print("folder: \(folder) (\(files.count) files, \(Rounding.fixed(Double(bytes) / 1e6, decimals: 1)) MB); runs: \(runs); one thread")
        var rates: [Double] = []
        var cpuRates: [Double] = []
        var findings = 0
        let megabytes = Double(bytes) / 1e6
        for run in 0...runs {
            var found = 0
            let cpuBefore = processorSeconds()
            let seconds = measure {
                for file in files { found += detector.findings(in: file.data, path: file.path).count }
            }
            let cpuSeconds = processorSeconds() - cpuBefore
            findings = found
            if run == 0 { continue }  // warm-up
            rates.append(megabytes / seconds)
            cpuRates.append(megabytes / cpuSeconds)
            print("run \(run): \(Rounding.fixed(seconds, decimals: 3)) s wall, \(Rounding.fixed(cpuSeconds, decimals: 3)) s CPU: "
                  + "\(Rounding.fixed(megabytes / seconds, decimals: 0)) MB/s (CPU: \(Rounding.fixed(megabytes / cpuSeconds, decimals: 0)) MB/s)")
        }
        print("")
        print("wall: median \(Rounding.fixed(median(rates), decimals: 0)) MB/s, best \(Rounding.fixed(rates.max() ?? 0, decimals: 0)) MB/s; "
              + "CPU: median \(Rounding.fixed(median(cpuRates), decimals: 0)) MB/s, best \(Rounding.fixed(cpuRates.max() ?? 0, decimals: 0)) MB/s; "
              + "findings: \(findings)")
    }

    static func readFiles(in folder: String) throws -> [(path: String, data: Data)] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else {
            throw BenchmarkError(message: "\(folder): not a folder")
        }
        var files: [(String, Data)] = []
        while let relative = enumerator.nextObject() as? String {
            let path = folder + "/" + relative
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            files.append((path, data))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
