import Foundation

/// Personal data found in a file: where, what kind, and the match.
public struct PersonalDataFinding: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The folder path as given to the scan, "/", and the file's path inside it.
    public let path: String
    /// 1-based line.
    public let line: Int
    /// 1-based column, in characters (Unicode scalars) from the start of the line.
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

    /// `site/_site/gemeente/hoorn.html:12:40: e-mail address 'x@y.nl' — refusing to publish`
    public var description: String {
        "\(path):\(line):\(column): \(kind.label) '\(Self.oneLine(text))' — refusing to publish"
    }

    /// Line breaks and tabs inside a match (an address over two lines) become spaces, so every
    /// finding is one line of output.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline || $0 == "\t" ? " " : $0 })
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

    static func display(_ relativePath: String, in folder: String) -> String {
        var base = folder
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        return base.isEmpty ? relativePath : base + "/" + relativePath
    }
}

/// Why a folder could not be scanned.
public struct FolderScanError: Error, CustomStringConvertible, Sendable {
    public let path: String
    public let problem: String

    public var description: String { "\(path): \(problem)" }
}

extension PersonalDataDetector {
    /// Extensions always scanned as text.
    public static let textExtensions: Set<String> = [
        "html", "htm", "xhtml", "csv", "tsv", "json", "geojson", "js", "mjs", "cjs", "map", "css",
        "svg", "txt", "md", "markdown", "xml", "rss", "atom", "yaml", "yml", "toml", "ics", "vcf",
        "webmanifest",
    ]

    /// Extensions never scanned: binary formats.
    public static let binaryExtensions: Set<String> = [
        "png", "jpg", "jpeg", "gif", "webp", "avif", "ico", "bmp", "tif", "tiff", "pdf", "zip", "gz",
        "br", "zst", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "wav", "mov",
        "sqlite", "db", "wasm",
    ]

    /// Scans every text file under `folder` (recursively, hidden files included) and returns the
    /// findings sorted by path, line, column and kind. A file is text when its extension is in
    /// `textExtensions`; a file with another extension that is not in `binaryExtensions` is
    /// scanned when its first 8 KB hold no NUL byte. Bytes are scanned as UTF-8 as they are:
    /// nothing is decoded first, so a file in another encoding is still scanned for its ASCII.
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
            let extensionName = (relative as NSString).pathExtension.lowercased()
            if Self.binaryExtensions.contains(extensionName) { continue }
            let full = (folder as NSString).appendingPathComponent(relative)
            guard let data = manager.contents(atPath: full) else {
                throw FolderScanError(path: FolderScanReport.display(relative, in: folder), problem: "cannot read the file")
            }
            if !Self.textExtensions.contains(extensionName) && data.prefix(8192).contains(0) { continue }
            scanned.append(relative)
            findings += self.findings(in: data, path: FolderScanReport.display(relative, in: folder))
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
        let text = ByteText(bytes: bytes)
        var position = LinePosition()
        return candidates(in: bytes).map { candidate in
            let (line, column) = position.advance(to: candidate.start, in: bytes)
            return PersonalDataFinding(
                path: path, line: line, column: column, kind: candidate.kind,
                text: text.string(candidate.start..<candidate.end)
            )
        }
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
