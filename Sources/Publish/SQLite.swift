import CSQLite
import Foundation

/// A value bound to a statement parameter or read from a column.
public enum SQLValue: Sendable, Hashable {
    case integer(Int)
    case real(Double)
    case text(String)
    case null

    static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    static func integer(_ value: Int?) -> SQLValue { value.map { .integer($0) } ?? .null }
    static func real(_ value: Double?) -> SQLValue { value.map { .real($0) } ?? .null }
}

/// What SQLite said went wrong, with the statement it was running.
public struct SQLiteError: Error, CustomStringConvertible {
    public let code: Int32
    public let message: String
    public let statement: String

    public var description: String { "SQLite error \(code): \(message) (in: \(statement.prefix(120)))" }
}

/// A database held in memory by SQLite (Debian's libsqlite3) and handed out as the bytes of a
/// database file (`sqlite3_serialize`): nothing touches the disk until the caller writes them
/// through `AtomicOutput`, so a killed build leaves no half-written database.
final class SQLiteDatabase {
    // SQLITE_TRANSIENT: SQLite copies bound text before the Swift string goes away.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
    private var handle: OpaquePointer?

    init() throws {
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY
        let status = sqlite3_open_v2(":memory:", &handle, flags, nil)
        guard status == SQLITE_OK else {
            defer { sqlite3_close(handle) }
            throw SQLiteError(code: status, message: String(cString: sqlite3_errstr(status)), statement: "open")
        }
    }

    /// A database opened from the bytes of a database file (a copy, owned by SQLite), read-only.
    convenience init(bytes: Data) throws {
        try self.init()
        guard let buffer = sqlite3_malloc64(sqlite3_uint64(max(bytes.count, 1))) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "out of memory", statement: "deserialize")
        }
        bytes.copyBytes(to: buffer.assumingMemoryBound(to: UInt8.self), count: bytes.count)
        let flags = UInt32(SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY)
        let status = sqlite3_deserialize(handle, "main", buffer.assumingMemoryBound(to: UInt8.self), sqlite3_int64(bytes.count),
                                         sqlite3_int64(bytes.count), flags)
        try check(status, "deserialize")
    }

    deinit { sqlite3_close(handle) }

    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let status = sqlite3_exec(handle, sql, nil, nil, &message)
        guard status == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(status))
            sqlite3_free(message)
            throw SQLiteError(code: status, message: text, statement: sql)
        }
    }

    /// Runs `sql` once per row of `rows`, binding the row's values to its parameters in order.
    func insert(_ sql: String, _ rows: [[SQLValue]]) throws {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &statement, nil), sql)
        defer { sqlite3_finalize(statement) }
        for row in rows {
            try check(sqlite3_reset(statement), sql)
            for (offset, value) in row.enumerated() {
                let index = Int32(offset + 1)
                switch value {
                case .integer(let number): try check(sqlite3_bind_int64(statement, index, Int64(number)), sql)
                case .real(let number): try check(sqlite3_bind_double(statement, index, number), sql)
                case .text(let text): try check(sqlite3_bind_text(statement, index, text, -1, Self.transient), sql)
                case .null: try check(sqlite3_bind_null(statement, index), sql)
                }
            }
            let status = sqlite3_step(statement)
            guard status == SQLITE_DONE else { throw error(status, sql) }
        }
    }

    /// Every row `sql` returns, its columns as values.
    func query(_ sql: String) throws -> [[SQLValue]] {
        var statement: OpaquePointer?
        try check(sqlite3_prepare_v2(handle, sql, -1, &statement, nil), sql)
        defer { sqlite3_finalize(statement) }
        var rows: [[SQLValue]] = []
        while true {
            let status = sqlite3_step(statement)
            if status == SQLITE_DONE { break }
            guard status == SQLITE_ROW else { throw error(status, sql) }
            rows.append((0..<sqlite3_column_count(statement)).map { column in
                switch sqlite3_column_type(statement, column) {
                case SQLITE_INTEGER: return .integer(Int(sqlite3_column_int64(statement, column)))
                case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
                case SQLITE_NULL: return .null
                default: return .text(sqlite3_column_text(statement, column).map { String(cString: $0) } ?? "")
                }
            })
        }
        return rows
    }

    /// The database as the bytes of a database file.
    func serialized() throws -> Data {
        var size: sqlite3_int64 = 0
        guard let bytes = sqlite3_serialize(handle, "main", &size, 0) else {
            throw SQLiteError(code: SQLITE_NOMEM, message: "could not serialise the database", statement: "serialize")
        }
        defer { sqlite3_free(bytes) }
        return Data(bytes: bytes, count: Int(size))
    }

    private func check(_ status: Int32, _ sql: String) throws {
        guard status == SQLITE_OK else { throw error(status, sql) }
    }

    private func error(_ status: Int32, _ sql: String) -> SQLiteError {
        SQLiteError(code: status, message: String(cString: sqlite3_errmsg(handle)), statement: sql)
    }
}
