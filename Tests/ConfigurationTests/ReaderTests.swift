import Foundation
import Support
import Testing
@testable import Configuration

/// The reader's promises: every problem is one `ConfigError` at `file:line:column` with the key
/// path, unknown keys get the closest allowed keys, and values stay text as written.
@Suite struct ReaderTests {
    static let expected = "settings"

    func parse(_ yaml: String) throws -> ConfigNode {
        try ConfigFile.parse(yaml, file: "x.yaml", expected: Self.expected)
    }

    func error(_ body: () throws -> Void) -> ConfigError? {
        do {
            try body()
            return nil
        } catch {
            return error as? ConfigError
        }
    }

    @Test func anUnknownKeyIsNamedAtItsPlaceWithTheClosestAllowedKeys() throws {
        let root = try parse("export:\n  file: a.csv\n  colum: 3\n")
        let export = try root.mapping(allowed: ["export"]).required("export")
        let typo = error { _ = try export.mapping(allowed: ["file", "column", "columns", "encoding"]) }
        #expect(typo?.description == "x.yaml:3:3: export: unknown key `colum`; did you mean `column` or `columns`?")
        // Nothing close: the allowed keys are listed, in the order the reader gives them.
        let far = error { _ = try export.mapping(allowed: ["file", "encoding"]) }
        #expect(far?.description == "x.yaml:3:3: export: unknown key `colum`; expected one of `file`, `encoding`")
        // At the top the key path is empty.
        let top = error { _ = try root.mapping(allowed: ["exports"]) }
        #expect(top?.description == "x.yaml:1:1: unknown key `export`; did you mean `exports`?")
    }

    @Test func wrongShapesAndMissingKeysNameWhatWasExpected() throws {
        let root = try parse("year: twintig\nlist: [1, 2]\nflag: misschien\nempty:\n")
        let keys = try root.mapping(allowed: nil)
        #expect(error { _ = try keys.required("year").int() }?.description == "x.yaml:1:7: year: expected a whole number, found `twintig`")
        #expect(error { _ = try keys.required("list").text() }?.description == "x.yaml:2:7: list: expected a single value, found a list")
        #expect(error { _ = try keys.required("list").list()[1].int(atLeast: 5) }?.description
            == "x.yaml:2:11: list[2]: expected a whole number of at least 5, found `2`")
        #expect(error { _ = try keys.required("flag").bool() }?.description == "x.yaml:3:7: flag: expected true or false, found `misschien`")
        #expect(error { _ = try keys.required("empty").nonEmptyText() }?.description == "x.yaml:4:7: empty: expected text, found nothing")
        #expect(try keys.required("empty").isNull)
        #expect(error { _ = try keys.required("model", expected: "the model's name") }?.description
            == "x.yaml:1:1: missing key `model`; expected the model's name")
    }

    @Test func valuesStayTextAsWritten() throws {
        let keys = try parse("ja: nee\nyes: on\n\"1.0\": 1.0\nnull: ~\n").mapping(allowed: nil)
        #expect(keys.keys == ["ja", "yes", "1.0", "null"])
        #expect(try keys.entries.map { try $0.value.text() } == ["nee", "on", "1.0", "~"])
    }

    @Test func yamlErrorsCarryTheirPosition() {
        let broken = error { _ = try parse("year: [2012\nmodel: x\n") }
        #expect(broken?.location.file == "x.yaml")
        #expect(broken?.line != nil && broken?.column != nil)
        #expect(broken?.problem.hasPrefix("not valid YAML: ") == true)
        let twice = error { _ = try parse("a: 1\nb:\n  c: 1\n  c: 2\n") }
        #expect(twice?.description == "x.yaml:4:3: b: the key `c` is given twice (first on line 3); each key may appear once")
        #expect(error { _ = try parse("# only a comment\n") }?.description == "x.yaml: the file is empty; expected settings")
        #expect(error { _ = try parse("a: 1\n---\na: 2\n") }?.problem.hasPrefix("a second YAML document starts here") == true)
        #expect(error { _ = try parse("a: *nowhere\n") }?.description
            == "x.yaml:1:4: the alias *nowhere refers to no anchor (&nowhere) defined before it")
    }

    @Test func controlCharactersInTheFileArePrintedVisibly() throws {
        let keys = try parse("\"\\e[2J\": 1\n").mapping(allowed: nil)
        let typo = error { try keys.check(allowed: ["title"]) }
        #expect(typo?.description == "x.yaml:1:1: unknown key `\\u{1B}[2J`; expected one of `title`")
        // Also where a reader quotes a value in its own words.
        let encoding = try parse("encoding: \"utf\\e]0;x\\a\"\n").mapping(allowed: nil)["encoding"]
        let value = try #require(try encoding?.text())
        #expect(encoding?.error("unknown encoding \"\(value)\"").description
            == "x.yaml:1:11: encoding: unknown encoding \"utf\\u{1B}]0;x\\u{7}\"")
    }

    @Test func theTextColumnPointsInsideAValue() throws {
        let keys = try parse("a: x + y\nb: 'x + y'\nc: |\n  x\n").mapping(allowed: nil)
        #expect(keys["a"]?.textColumn == 4)
        #expect(keys["b"]?.textColumn == 5)
        #expect(keys["c"]?.textColumn == nil)
        #expect(keys["a"]?.error("unknown input", column: 8).description == "x.yaml:1:8: a: unknown input")
    }

    @Test func theFileIsReadWithItsNameAndTheUTF8Checked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("site.yaml")
        try Data([0x74, 0x3A, 0x20, 0xE9, 0x0A]).write(to: file)  // "t: é" in Windows-1252
        #expect(error { _ = try ConfigFile.read(file, name: "site/site.yaml", expected: "settings") }?.description
            == "site/site.yaml: is not UTF-8 text; save it as UTF-8")
        let missing = error { _ = try ConfigFile.read(folder.appendingPathComponent("none.yaml"), name: "none.yaml", expected: "settings") }
        #expect(missing?.description.hasPrefix("none.yaml: cannot be read (") == true)
    }
}

/// A strict `Decodable` reader for the files whose types are `Codable` (Stats).
@Suite struct DecoderTests {
    struct Table: Decodable, Equatable {
        enum Kind: String, Decodable, CaseIterable { case choice, options, numbers }
        var id: String
        var kind: Kind
        var decimals: Int?
        var labels: [String: String]?
        var notAsked: Bool?

        enum CodingKeys: String, CodingKey {
            case id, kind, decimals, labels
            case notAsked = "not_asked"
        }
    }

    func decode(_ yaml: String) throws -> [Table] {
        try ConfigFile.parse(yaml, file: "t.yaml", expected: "tables").decode([Table].self)
    }

    func error(_ yaml: String) -> String? {
        do {
            _ = try decode(yaml)
            return nil
        } catch {
            return (error as? ConfigError)?.description ?? "not a ConfigError: \(error)"
        }
    }

    @Test func decodesWhatTheTypeDeclares() throws {
        let tables = try decode("- { id: a, kind: choice, decimals: 1, labels: { ja: Ja }, not_asked: true }\n- { id: b, kind: numbers, decimals: ~ }\n")
        #expect(tables == [Table(id: "a", kind: .choice, decimals: 1, labels: ["ja": "Ja"], notAsked: true),
                           Table(id: "b", kind: .numbers, decimals: nil, labels: nil, notAsked: nil)])
    }

    @Test func refusesWhatTheTypeDoesNotDeclareInTheOneForm() {
        #expect(error("- id: a\n  kind: choice\n  decimal: 1\n") == "t.yaml:3:3: [1]: unknown key `decimal`; did you mean `decimals`?")
        // A misspelt required key is reported as the typo, not as the key that is missing.
        #expect(error("- idd: a\n  kind: choice\n") == "t.yaml:1:3: [1]: unknown key `idd`; did you mean `id`?")
        #expect(error("- kind: choice\n") == "t.yaml:1:3: [1]: missing key `id`")
        #expect(error("- id: a\n  kind: choise\n") == "t.yaml:2:9: [1].kind: unknown value `choise`; did you mean `choice`?")
        #expect(error("- id: a\n  kind: choice\n  decimals: twee\n") == "t.yaml:3:13: [1].decimals: expected a whole number, found `twee`")
        #expect(error("- id: a\n  kind: choice\n  not_asked: ja\n") == "t.yaml:3:14: [1].not_asked: expected true or false, found `ja`")
        #expect(error("id: a\n") == "t.yaml:1:1: expected a list, found a mapping")
    }
}
