import Foundation
import Support
import Testing
@testable import Configuration

/// Files made to stall or crash a YAML reader are refused before anything is built from them,
/// with one message naming the file. (Refused quickly: the screen reads the events once and
/// never expands an alias; the benchmark-free proof is that the refusal comes from the screen,
/// at the place where the limit is crossed.)
@Suite struct HostileYAMLTests {
    func refusal(_ yaml: String, limits: ConfigLimits = .standard) -> ConfigError? {
        do {
            _ = try ConfigFile.parse(yaml, file: "Scenarios/bom.yaml", expected: "a scenario", limits: limits)
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    /// Level n is a list of ten aliases to level n − 1: 10ⁿ values once expanded.
    static func nestedAliases(levels: Int, key: Bool) -> String {
        var yaml = "x0: &x0 [1,1,1,1,1,1,1,1,1,1]\n"
        for level in 1...levels {
            yaml += "x\(level): &x\(level) [" + Array(repeating: "*x\(level - 1)", count: 10).joined(separator: ",") + "]\n"
        }
        if key { yaml += "? *x\(levels)\n: 1\n" }
        return yaml
    }

    @Test func theReportedFileOfNestedAliasKeysIsRefused() throws {
        // The file: nested alias lists and an alias key (`? *x7 : 1`), about 400 bytes.
        let yaml = Self.nestedAliases(levels: 7, key: true)
        #expect((380...430).contains(yaml.utf8.count))
        let error = try #require(refusal(yaml))
        #expect(error.file == "Scenarios/bom.yaml")
        // x4 would be 111,111 values: refused at its alias that crosses the limit, the tenth.
        #expect(error.line == 5)
        #expect(error.key == "x4[10]")
        #expect(error.problem.hasPrefix("with its aliases expanded the file holds more than 100000 values"))
        #expect(error.description.hasPrefix("Scenarios/bom.yaml:5:"))
    }

    @Test func anAliasUsedAsAKeyIsRefusedWhateverItsSize() throws {
        let small = try #require(refusal("a: &x [1]\nb:\n  ? *x\n  : 1\n"))
        #expect(small.description == "Scenarios/bom.yaml:3:5: b: the alias *x is used as a key; keys must be plain text")
        // In a flow mapping too, and a list or mapping as a key (which could hold an alias).
        #expect(refusal("a: &x [1]\nb: { *x : 1 }\n")?.problem == "the alias *x is used as a key; keys must be plain text")
        #expect(refusal("? [1, 2]\n: 1\n")?.problem == "a key must be plain text, found a list")
        #expect(refusal("? { a: 1 }\n: 1\n")?.problem == "a key must be plain text, found a mapping")
        // Even when the aliases stay within the limit, the key is refused.
        let withinLimit = try #require(refusal(Self.nestedAliases(levels: 3, key: true)))
        #expect(withinLimit.problem.hasSuffix("is used as a key; keys must be plain text"))
        #expect(withinLimit.line == 5)
    }

    @Test func aliasValuesWithinTheLimitAreRead() throws {
        let node = try ConfigFile.parse(Self.nestedAliases(levels: 3, key: false), file: "ok.yaml", expected: "")
        let x3 = try node.mapping(allowed: nil).required("x3").list()
        #expect(x3.count == 10)
        #expect(try x3[9].list()[9].list()[9].list().map { try $0.int() } == Array(repeating: 1, count: 10))
        // The expansion is what counts, not the file's size: a limit of 1,000 refuses x2's
        // tenth alias (1 + 10 × 11 + 10 × 111 values so far).
        let small = ConfigLimits(nodes: 1_000)
        #expect(refusal(Self.nestedAliases(levels: 3, key: false), limits: small)?.key == "x2[10]")
    }

    @Test func deepNestingIsRefusedAtTheLimit() throws {
        let tooDeep = "the values are nested more than 64 levels deep; expected at most 64"
        var block = ""
        for level in 0..<70 { block += String(repeating: " ", count: level) + "k\(level):\n" }
        let indented = try #require(refusal(block))
        #expect(indented.line == 65)
        #expect(indented.key == (0...63).map { "k\($0)" }.joined(separator: "."))
        #expect(indented.problem == tooDeep)
        #expect(refusal(String(repeating: "[", count: 65) + String(repeating: "]", count: 65))?.location
            == SourceLocation(file: "Scenarios/bom.yaml", line: 1, column: 65))
        #expect(refusal(String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) == nil)
        // libyaml itself looks far ahead in flow collections: its own limit answers first.
        #expect(refusal(String(repeating: "[", count: 100_000))?.problem == tooDeep)
        #expect(refusal(String(repeating: "{a: ", count: 100_000))?.problem == tooDeep)
    }

    @Test func aFileTooLargeIsRefusedWithoutReadingItAll() throws {
        let large = String(repeating: "# comment\n", count: 110_000)
        #expect(refusal(large)?.description == "Scenarios/bom.yaml: the file is larger than 1048576 bytes; expected a configuration file of at most 1048576 bytes")
        // A file is read only up to the limit.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("site.yaml")
        try Data(large.utf8).write(to: file)
        let tooLarge = #expect(throws: ConfigError.self) { try ConfigFile.read(file, name: "site/site.yaml", expected: "settings") }
        #expect(tooLarge?.description == "site/site.yaml: the file is larger than 1048576 bytes; expected a configuration file of at most 1048576 bytes")
        // An endless device or a pipe is not read at all, nor is a folder; a link to one neither.
        let zero = #expect(throws: ConfigError.self) {
            try ConfigFile.read(URL(fileURLWithPath: "/dev/zero"), name: "site/site.yaml", expected: "settings")
        }
        #expect(zero?.description == "site/site.yaml: is not a file (a device or pipe); expected settings")
        let pipe = folder.appendingPathComponent("pipe.yaml")
        #expect(mkfifo(pipe.path, 0o600) == 0)
        #expect(throws: ConfigError.self) { try ConfigFile.read(pipe, expected: "settings") }
        let link = folder.appendingPathComponent("link.yaml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/dev/zero")
        #expect(throws: ConfigError.self) { try ConfigFile.read(link, expected: "settings") }
        let inFolder = #expect(throws: ConfigError.self) { try ConfigFile.read(folder, name: "site", expected: "settings") }
        #expect(inFolder?.description == "site: is not a file (a folder); expected settings")
    }
}

/// The limits leave the repository's own files ten times the room they use.
@Suite struct LimitsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func repositoryYAML() throws -> [URL] {
        var files: [URL] = []
        for folder in ["Surveys", "Scenarios", "site", "Fuzz/survey"] {
            let root = repository.appendingPathComponent(folder)
            let names = try #require(FileManager.default.subpathsOfDirectory(atPath: root.path) as [String]?)
            files += names.filter { $0.hasSuffix(".yaml") }.sorted().map { root.appendingPathComponent($0) }
        }
        return files
    }

    @Test func everyRepositoryFileIsFarWithinTheLimits() throws {
        let files = try Self.repositoryYAML()
        #expect(files.count >= 16)
        let limits = ConfigLimits.standard
        for file in files {
            var bytes = try [UInt8](Data(contentsOf: file))
            let size = try bytes.withUnsafeMutableBufferPointer { buffer in
                try YAMLScreen(file: file.path, limits: limits).check(UnsafeBufferPointer(buffer))
            }
            #expect(bytes.count * 10 <= limits.bytes, "\(file.path): \(bytes.count) bytes")
            #expect(size.depth * 10 <= limits.depth, "\(file.path): \(size.depth) levels")
            #expect(size.nodes * 10 <= limits.nodes, "\(file.path): \(size.nodes) values")
            #expect(size.nodes > 0 && size.depth > 0)
        }
    }
}
