import Core
import Foundation
import Support
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A year's rejected rows, kept in a temporary file rather than in memory, so that ingest needs
/// memory for the gemeenten, not for the rows (a ten-million-row export would otherwise hold
/// every rejected and superseded row: issue 19).
///
/// While reading, `RejectSpool` appends each row in input order that is rejected or that is
/// accepted for its gemeente: which accepted row wins is known only at the end (the duplicate
/// rule), so an accepted row is kept until then as a possible duplicate. Reading the log back
/// (`forEach`) turns every accepted row that did not win into its `duplicate` reject, with the
/// winner known, and skips the winners: the rejects come out in row order, one pass, without
/// sorting.
///
/// The file is unlinked as soon as it is made: only this process can read it (it holds the
/// original rows, personal data included), and it disappears with the process however that ends.
public final class RejectLog: @unchecked Sendable {
    // Immutable once made; reads use `pread` at explicit offsets, so threads may share it.

    /// The accepted row of a gemeente, as a duplicate's message names it.
    struct Winner {
        var name: String
        var code: String
        var row: Int
        var submittedAt: String?
    }

    /// The number of rejects, `duplicate` included.
    public let count: Int
    /// The message of the first reject that fails a `--strict` run (`RejectReason.failsStrictRun`).
    public let firstStrictFailure: String?
    private let descriptor: Int32
    private let size: Int
    private let winners: [String: Winner]
    private let exportName: String

    init(descriptor: Int32, size: Int, count: Int, firstStrictFailure: String?, winners: [String: Winner], exportName: String) {
        self.descriptor = descriptor
        self.size = size
        self.count = count
        self.firstStrictFailure = firstStrictFailure
        self.winners = winners
        self.exportName = exportName
    }

    deinit { close(descriptor) }

    /// Calls `body` with every reject in row order. Memory stays that of one row.
    public func forEach(_ body: (Reject) throws -> Void) throws {
        var reader = SpoolReader(descriptor: descriptor, size: size)
        while !reader.isAtEnd {
            switch try reader.byte() {
            case SpoolRecord.reject:
                let row = try reader.integer()
                let reasonIndex = try reader.integer()
                let message = try reader.string()
                let original = try reader.strings()
                guard RejectReason.allCases.indices.contains(reasonIndex) else { throw reader.damaged() }
                try body(Reject(row: row, reason: RejectReason.allCases[reasonIndex], message: message, original: original))
            case SpoolRecord.candidate:
                let row = try reader.integer()
                let code = try reader.string()
                let submittedAt = try reader.byte() == 1 ? try reader.string() : nil
                let original = try reader.strings()
                guard let winner = winners[code] else { throw reader.damaged() }
                if winner.row == row { continue }
                try body(duplicate(row: row, submittedAt: submittedAt, original: original, winner: winner))
            default:
                throw reader.damaged()
            }
        }
    }

    /// Every reject in memory, in row order: for small years and tests. Writing the rejects
    /// uses `forEach`.
    public func all() throws -> [Reject] {
        var rejects: [Reject] = []
        rejects.reserveCapacity(count)
        try forEach { rejects.append($0) }
        return rejects
    }

    private func duplicate(row: Int, submittedAt: String?, original: [String], winner: Winner) -> Reject {
        let why: String
        switch (submittedAt, winner.submittedAt) {
        case let (lost?, won?) where lost != won:
            why = "it was submitted later (\(won), this row \(lost))"
        case (_?, _?):
            why = "both have the same timestamp, so the later row wins"
        case (nil, _?):
            why = "this row has no timestamp and that row has one"
        default:
            why = "without timestamps the later row wins"
        }
        let message = "\(exportName), row \(row): \(winner.name) (\(winner.code)) answered again in row \(winner.row), "
            + "which is used: \(why)"
        return Reject(row: row, reason: .duplicate, message: message, original: original)
    }
}

/// The record tags of the spool file.
enum SpoolRecord {
    static let reject: UInt8 = 1
    static let candidate: UInt8 = 2
}

/// Writes a `RejectLog` while a year is read (see there). Records are a tag, then integers as
/// LEB128 varints and strings as a length and their UTF-8 bytes, through a buffer of about a
/// megabyte.
final class RejectSpool {
    private let descriptor: Int32
    private let folder: String
    private var buffer: [UInt8] = []
    private var written = 0
    private var rejects = 0
    private var candidates = 0
    private var firstStrictFailure: String?
    private var closed = false
    private static let flushBytes = 1 << 20

    init() throws {
        folder = NSTemporaryDirectory().hasSuffix("/") ? String(NSTemporaryDirectory().dropLast()) : NSTemporaryDirectory()
        var template = Array((folder + "/.meetlat-rejects-XXXXXX").utf8CString)
        // mkstemp: an unguessable name, created exclusively, readable by this user only.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw Self.failure(errno, in: folder) }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        self.descriptor = descriptor
        buffer.reserveCapacity(Self.flushBytes + 4096)
    }

    deinit { if !closed { close(descriptor) } }

    private static func failure(_ code: Int32, in folder: String) -> OutputError {
        OutputError(path: "the temporary file for the rejected rows in \(folder)", code: code,
                    outcome: "set TMPDIR to a folder with room for about the size of the export")
    }

    func append(_ reject: Reject) throws {
        rejects += 1
        if firstStrictFailure == nil && reject.reason.failsStrictRun { firstStrictFailure = reject.message }
        buffer.append(SpoolRecord.reject)
        appendInteger(reject.row)
        appendInteger(RejectReason.allCases.firstIndex(of: reject.reason) ?? 0)
        appendString(reject.message)
        appendStrings(reject.original)
        try flushIfFull()
    }

    /// An accepted row of gemeente `code`: a duplicate unless it turns out to be the winner.
    func appendCandidate(row: Int, code: String, submittedAt: String?, original: [String]) throws {
        candidates += 1
        buffer.append(SpoolRecord.candidate)
        appendInteger(row)
        appendString(code)
        if let submittedAt {
            buffer.append(1)
            appendString(submittedAt)
        } else {
            buffer.append(0)
        }
        appendStrings(original)
        try flushIfFull()
    }

    /// The log, once every row is read: `winners` by CBS code (one per gemeente that has
    /// accepted rows).
    func finish(winners: [String: RejectLog.Winner], exportName: String) throws -> RejectLog {
        try flush()
        closed = true
        return RejectLog(descriptor: descriptor, size: written, count: rejects + candidates - winners.count,
                         firstStrictFailure: firstStrictFailure, winners: winners, exportName: exportName)
    }

    private func appendInteger(_ value: Int) {
        var rest = UInt64(bitPattern: Int64(value))
        while rest >= 0x80 {
            buffer.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        buffer.append(UInt8(rest))
    }

    private func appendString(_ text: String) {
        appendInteger(text.utf8.count)
        buffer.append(contentsOf: text.utf8)
    }

    private func appendStrings(_ texts: [String]) {
        appendInteger(texts.count)
        for text in texts { appendString(text) }
    }

    private func flushIfFull() throws {
        if buffer.count >= Self.flushBytes { try flush() }
    }

    private func flush() throws {
        try buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count, let base = bytes.baseAddress {
                let count = write(descriptor, base + offset, bytes.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw Self.failure(errno, in: folder)
                }
                offset += count
            }
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Reads the spool file back through a buffer of about a megabyte.
struct SpoolReader {
    let descriptor: Int32
    let size: Int
    private var buffer: [UInt8] = []
    private var position = 0
    /// File offset of `buffer[0]`.
    private var base = 0

    init(descriptor: Int32, size: Int) {
        self.descriptor = descriptor
        self.size = size
    }

    var isAtEnd: Bool { base + position >= size }

    /// The spool is this process's own file; anything unexpected in it is a fault of the
    /// machine (a disk error), reported as such.
    func damaged(_ code: Int32 = EIO) -> OutputError {
        OutputError(path: "the temporary file for the rejected rows", code: code, outcome: "it could not be read back")
    }

    /// Makes at least `count` bytes available from `position`.
    private mutating func need(_ count: Int) throws {
        if position + count <= buffer.count { return }
        guard base + position + count <= size else { throw damaged() }
        let kept = buffer.count - position
        base += position
        let length = min(max(count, 1 << 20), size - base)
        var fresh = [UInt8](repeating: 0, count: length)
        fresh.replaceSubrange(0..<kept, with: buffer[position...])
        var filled = kept
        while filled < length {
            let read = fresh.withUnsafeMutableBytes { bytes in
                pread(descriptor, bytes.baseAddress! + filled, length - filled, off_t(base + filled))
            }
            if read < 0 && errno == EINTR { continue }
            guard read > 0 else { throw damaged(read < 0 ? errno : EIO) }
            filled += read
        }
        buffer = fresh
        position = 0
    }

    mutating func byte() throws -> UInt8 {
        try need(1)
        defer { position += 1 }
        return buffer[position]
    }

    mutating func integer() throws -> Int {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let next = try byte()
            guard shift < 64 else { throw damaged() }
            value |= UInt64(next & 0x7F) << shift
            if next & 0x80 == 0 { return Int(Int64(bitPattern: value)) }
            shift += 7
        }
    }

    mutating func string() throws -> String {
        let count = try integer()
        guard count >= 0 else { throw damaged() }
        try need(count)
        defer { position += count }
        return String(decoding: buffer[position..<(position + count)], as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let count = try integer()
        guard count >= 0 else { throw damaged() }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count { texts.append(try string()) }
        return texts
    }
}
