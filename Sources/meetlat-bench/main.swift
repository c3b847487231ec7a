// meetlat-bench: performance measurements, run in a release build:
//     swift run -c release meetlat-bench <benchmark> [options]
// Each benchmark prints what it measured and how; nothing here is asserted by tests.
import Foundation

/// A named benchmark taking its own command-line arguments.
struct Benchmark {
    var name: String
    var summary: String
    var run: ([String]) throws -> Void
}

let benchmarks = [
    Benchmark(name: "csv", summary: "one timed read of a CSV export through TableFiles.CSVReader (JSON result)", run: CSVBenchmark.run),
    Benchmark(name: "roi", summary: "Monte Carlo scenarios per second on an example scenario", run: ROIBenchmark.run),
    Benchmark(name: "scan", summary: "personal-data scan throughput over a built site's files (MB/s)", run: ScanBenchmark.run),
]

@MainActor func usage() -> String {
    "usage: meetlat-bench <benchmark> [options]\n\nbenchmarks:\n"
        + benchmarks.map { "  \($0.name.padding(toLength: 8, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n")
        + "\n"
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let benchmark = benchmarks.first(where: { $0.name == name }) else {
    FileHandle.standardError.write(Data(usage().utf8))
    exit(arguments.first == nil || arguments.first == "--help" ? 0 : 64)
}
do {
    try benchmark.run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("meetlat-bench: \(error)\n".utf8))
    exit(1)
}
