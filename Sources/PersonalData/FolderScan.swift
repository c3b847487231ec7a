import Foundation

/// Personal data found in a file: where, what kind, and the match.
public struct PersonalDataFinding: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The folder path as given to the scan, "/", and the file's path inside it.
    public let path: String
    /// 1-based line; 0 for a match in the file's name.
    public let line: Int
    /// 1-based column, in characters (Unicode scalars) from the start of the line (or of the
    /// path inside the folder, for a match in the file's name).
    public let column: Int
    public let kind: PersonalDataKind
    public let text: String

    public init(path: String, line: Int, column: Int, kind: PersonalDataKind, text: String) {
        self.path = path
        self.line = line
        self.column = column
        self.kind = kind
        self.text = text
    }

    /// Path, then line, then column, then kind: the order findings are reported in.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.path, lhs.line, lhs.column, lhs.kind, lhs.text) < (rhs.path, rhs.line, rhs.column, rhs.kind, rhs.text)
    }

    /// Whether the match is in the file's name rather than its content.
    public var isInFileName: Bool { line == 0 }

    /// `_site/gemeente/hoorn.html:12:40: e-mail address 'ja*.******@*******.nl' — refusing to publish`,
    /// or `_site/assets/jan@x.nl.css: file name: …`. The match is redacted (`redacted(_:)`):
    /// messages end up in terminals and CI logs, which must not publish what the scan stopped.
    public var description: String {
        // In a file name the path itself holds the match: it is redacted there too.
        let place = isInFileName ? "\(path.replacingOccurrences(of: text, with: Self.redacted(text))): file name" : "\(path):\(line):\(column)"
        return "\(place): \(kind.label) '\(Self.redacted(text))' — refusing to publish"
    }

    /// `text` with its letters and digits masked by `*` except the first two and the last two
    /// characters (one each for texts of up to five characters); punctuation and spaces stay,
    /// so the shape shows: `06-******78`, `ja*.******@*******.nl`, `NL** **** **** **** 00`.
    /// Line breaks and tabs become spaces, so every finding is one line of output.
    public static func redacted(_ text: String) -> String {
        let characters = Array(text)
        let kept = characters.count > 5 ? 2 : 1
        return String(characters.indices.map { index -> Character in
            let character = characters[index]
            if character.isNewline || character == "\t" { return " " }
            let masked = index >= kept && index < characters.count - kept && (character.isLetter || character.isNumber)
            return masked ? "*" : character
        })
    }
}

/// The result of scanning a folder.
public struct FolderScanReport: Sendable {
    /// The folder as given.
    public let folder: String
    /// Relative paths of the files that were scanned, sorted.
    public let scannedFiles: [String]
    /// Every finding, sorted by path, line, column and kind.
    public let findings: [PersonalDataFinding]

    /// Files scanned and findings per kind, without the matched text.
    public var counts: PersonalDataCounts {
        var counts = PersonalDataCounts()
        var kindsByPath: [String: [PersonalDataKind]] = [:]
        for finding in findings { kindsByPath[finding.path, default: []].append(finding.kind) }
        for file in scannedFiles {
            counts.record(kindsByPath[FolderScanReport.display(file, in: folder)] ?? [])
        }
        return counts
    }

    public var isClean: Bool { findings.isEmpty }

    /// The error to stop publishing with, or nil when nothing was found.
    public var refusal: PublicationRefused? {
        isClean ? nil : PublicationRefused(target: folder, findings: findings)
    }

    static func display(_ relativePath: String, in folder: String) -> String {
        var base = folder
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        return base.isEmpty ? relativePath : base + "/" + relativePath
    }
}

/// Thrown when output about to be published holds personal data: by `checkBeforeWriting` (Rankings/,
/// statistics, comparisons) and for a scanned folder (`FolderScanReport.refusal`).
public struct PublicationRefused: Error, CustomStringConvertible, Sendable {
    /// What was not written or published: a folder, or the files' common description.
    public let target: String
    public let findings: [PersonalDataFinding]

    public init(target: String, findings: [PersonalDataFinding]) {
        self.target = target
        self.findings = findings
    }

    /// How many findings the message lists before summarising the rest.
    static let listed = 50

    /// One line per finding (the first 50), then a count of the rest and the kinds.
    public var description: String {
        var lines = findings.prefix(Self.listed).map(\.description)
        if findings.count > Self.listed {
            lines.append("… and \(findings.count - Self.listed) more")
        }
        var counts = PersonalDataCounts()
        counts.record(findings.map(\.kind))
        let kinds = counts.byKind.keys.sorted().map { "\($0.label) \(counts.byKind[$0] ?? 0)" }
        lines.append("\(findings.count) personal-data finding(s) in \(target) (\(kinds.joined(separator: ", "))): refusing to publish")
        return lines.joined(separator: "\n")
    }
}

/// Why a folder could not be scanned.
public struct FolderScanError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let problem: String

    public var description: String { "\(path): \(problem)" }
}

/// What the publish check found in one file: in its name and (when it is text) its content.
public struct FileScan: Sendable {
    /// Findings in the name, then in the content, in order.
    public var findings: [PersonalDataFinding]
    /// Whether the content was scanned (it is text, `PersonalDataDetector.isText`).
    public var scannedContent: Bool
    /// The allowed value behind each allowed match, one entry per match.
    public var allowedMatches: [String]
}

extension PersonalDataDetector {
    /// Extensions always scanned as text, whatever the content.
    public static let textExtensions: Set<String> = [
        "html", "htm", "xhtml", "csv", "tsv", "json", "geojson", "js", "mjs", "cjs", "map", "css",
        "svg", "txt", "md", "markdown", "xml", "rss", "atom", "yaml", "yml", "toml", "ics", "vcf",
        "webmanifest",
    ]

    /// Whether a file's content is scanned: always for a text extension; otherwise when its first
    /// 8 KB hold no NUL byte (images, fonts, archives and PDFs have one early). The content
    /// decides, not the name: a text file called `notes.png` is scanned.
    public static func isText(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> Bool {
        if textExtensions.contains((path as NSString).pathExtension.lowercased()) { return true }
        return !bytes.prefix(8192).contains(0)
    }

    /// Scans one file about to be published: its path inside the published folder (without the
    /// last extension, so `jan.jansen@example.nl.css` is read as the address it holds) and, when
    /// it is text, its bytes. Findings are named by `displayPath`.
    public func scanFile(_ bytes: UnsafeBufferPointer<UInt8>, relativePath: String, displayPath: String) -> FileScan {
        var findings: [PersonalDataFinding] = []
        var allowedMatches: [String] = []
        var name = relativePath
        let extensionName = (relativePath as NSString).pathExtension
        if !extensionName.isEmpty { name.removeLast(extensionName.count + 1) }
        name.withUTF8 { nameBytes in
            let detection = detect(in: nameBytes)
            allowedMatches += detection.allowed
            var position = LinePosition()
            for (candidate, text) in detection.candidates {
                let column = position.advance(to: candidate.start, in: nameBytes).column
                findings.append(PersonalDataFinding(path: displayPath, line: 0, column: column, kind: candidate.kind, text: text))
            }
        }
        let isText = Self.isText(bytes, path: relativePath)
        if isText {
            let content = scanContent(bytes, path: displayPath)
            findings += content.findings
            allowedMatches += content.allowed
        }
        return FileScan(findings: findings, scannedContent: isText, allowedMatches: allowedMatches)
    }

    /// Scans every file under `folder` (recursively, hidden files included) as `scanFile` does and
    /// returns the findings sorted by path, line, column and kind. Bytes are scanned as UTF-8 as
    /// they are: a file in another ASCII-compatible encoding is still scanned for its ASCII.
    public func scanFolder(_ folder: String) throws -> FolderScanReport {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw FolderScanError(path: folder, problem: "folder not found")
        }
        guard isDirectory.boolValue else {
            throw FolderScanError(path: folder, problem: "is a file, expected a folder")
        }
        guard let enumerator = manager.enumerator(atPath: folder) else {
            throw FolderScanError(path: folder, problem: "cannot list the folder")
        }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            var entryIsDirectory: ObjCBool = false
            let full = (folder as NSString).appendingPathComponent(relative)
            if manager.fileExists(atPath: full, isDirectory: &entryIsDirectory), !entryIsDirectory.boolValue {
                files.append(relative)
            }
        }
        files.sort()

        var scanned: [String] = []
        var findings: [PersonalDataFinding] = []
        for relative in files {
            let full = (folder as NSString).appendingPathComponent(relative)
            guard let data = manager.contents(atPath: full) else {
                throw FolderScanError(path: FolderScanReport.display(relative, in: folder), problem: "cannot read the file")
            }
            let file = data.withUnsafeBytes { raw in
                scanFile(raw.bindMemory(to: UInt8.self), relativePath: relative, displayPath: FolderScanReport.display(relative, in: folder))
            }
            if file.scannedContent { scanned.append(relative) }
            findings += file.findings
        }
        findings.sort()
        return FolderScanReport(folder: folder, scannedFiles: scanned, findings: findings)
    }

    /// Findings in one file's bytes, with line and column.
    public func findings(in data: Data, path: String) -> [PersonalDataFinding] {
        data.withUnsafeBytes { raw in findings(in: raw.bindMemory(to: UInt8.self), path: path) }
    }

    /// Findings in bytes held in memory (a file before or instead of writing it), with line and column.
    public func findings(in bytes: UnsafeBufferPointer<UInt8>, path: String) -> [PersonalDataFinding] {
        scanContent(bytes, path: path).findings
    }

    private func scanContent(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> (findings: [PersonalDataFinding], allowed: [String]) {
        var position = LinePosition()
        let detection = detect(in: bytes)
        let findings = detection.candidates.map { candidate, text in
            let (line, column) = position.advance(to: candidate.start, in: bytes)
            return PersonalDataFinding(path: path, line: line, column: column, kind: candidate.kind, text: text)
        }
        return (findings, detection.allowed)
    }

    /// The check every writer of published output runs before writing (Rankings/, statistics,
    /// comparisons): scans each file's bytes, named by its path, and throws `PublicationRefused`
    /// (one line per finding, matches redacted) when any holds personal data. Nothing is written
    /// by this; a writer calls it with everything it is about to write, then writes.
    public func checkBeforeWriting(_ outputs: [(path: String, data: Data)], target: String) throws {
        var findings: [PersonalDataFinding] = []
        for output in outputs { findings += self.findings(in: output.data, path: output.path) }
        if !findings.isEmpty { throw PublicationRefused(target: target, findings: findings.sorted()) }
    }
}

/// Line and column of byte offsets visited in increasing order, in one pass over the bytes.
struct LinePosition {
    private var offset = 0
    private var line = 1
    private var column = 1

    mutating func advance(to target: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        while offset < target {
            let byte = bytes[offset]
            if byte == .newline {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            offset += 1
        }
        return (line, column)
    }
}
