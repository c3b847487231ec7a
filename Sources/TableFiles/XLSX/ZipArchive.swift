import CLibZip
import Foundation

/// The ZIP container of an XLSX file, through libzip. Entries are inflated by libzip in chunks;
/// what comes out is counted here, whatever the entry's header claims, so a zip bomb stops at
/// `TableLimits` instead of filling memory or disk.
final class ZipArchive {
    let displayName: String
    private let archive: OpaquePointer
    let limits: TableLimits

    init(path: String, displayName: String, limits: TableLimits) throws(TableFileError) {
        self.displayName = displayName
        self.limits = limits
        var code: Int32 = 0
        guard let archive = zip_open(path, ZIP_RDONLY | ZIP_CHECKCONS, &code) else {
            throw TableFileError(file: displayName, problem: Self.openProblem(code: code))
        }
        self.archive = archive
    }

    deinit {
        zip_discard(archive)
    }

    private static func openProblem(code: Int32) -> String {
        switch code {
        case ZIP_ER_NOENT: return "the file does not exist"
        case ZIP_ER_OPEN, ZIP_ER_READ: return "cannot open the file: \(String(cString: strerror(errno)))"
        case ZIP_ER_NOZIP:
            return "not an XLSX file (no ZIP archive; an XLSX file is one): the file is damaged or cut off, or has the wrong extension"
        case ZIP_ER_INCONS:
            return "the XLSX file is damaged (its ZIP directory contradicts its contents; was it cut off while copying?)"
        default:
            var error = zip_error_t()
            zip_error_init_with_code(&error, code)
            defer { zip_error_fini(&error) }
            return "cannot read the XLSX file: " + String(cString: zip_error_strerror(&error))
        }
    }

    /// The entry with this name (ZIP names in an XLSX package compare ignoring case).
    func index(of name: String) -> UInt64? {
        let index = zip_name_locate(archive, name, zip_flags_t(ZIP_FL_NOCASE))
        return index >= 0 ? UInt64(index) : nil
    }

    /// Opens an entry for reading in chunks, with the limits enforced on what comes out.
    func open(_ name: String) throws(TableFileError) -> ZipEntryStream {
        guard let index = index(of: name) else {
            throw TableFileError(file: displayName, part: name, problem: "missing from the XLSX package; the file is damaged or not a workbook")
        }
        var stat = zip_stat_t()
        zip_stat_init(&stat)
        guard zip_stat_index(archive, index, 0, &stat) == 0 else { throw archiveError(name) }
        let both = UInt64(ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)
        let hasSizes = stat.valid & both == both
        if hasSizes && Int64(clamping: stat.size) > limits.maximumEntryBytes {
            throw ZipEntryStream.tooLarge(file: displayName, name, claimed: Int64(clamping: stat.size), limits: limits)
        }
        guard let file = zip_fopen_index(archive, index, 0) else { throw archiveError(name) }
        return ZipEntryStream(archive: self, file: file, name: name,
                              compressedSize: hasSizes ? max(Int64(clamping: stat.comp_size), 1) : 1,
                              claimedSize: hasSizes ? Int64(clamping: stat.size) : 0)
    }

    /// Streams an entry's uncompressed bytes to `body`, chunk by chunk.
    func read(_ name: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let stream = try open(name)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = try stream.read(into: buffer)
            if count == 0 { return }
            try body(UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count))
        }
    }

    /// An entry small enough to hold (workbook, relationships, styles) as bytes.
    func bytes(_ name: String) throws -> [UInt8] {
        var result: [UInt8] = []
        try read(name) { result.append(contentsOf: $0) }
        return result
    }

    private func archiveError(_ name: String) -> TableFileError {
        let error = zip_get_error(archive)
        let message = String(cString: zip_error_strerror(error))
        if zip_error_code_zip(error) == ZIP_ER_NOPASSWD || zip_error_code_zip(error) == ZIP_ER_ENCRNOTSUPP {
            return TableFileError(file: displayName, part: name, problem: "is encrypted; save the workbook without a password")
        }
        return TableFileError(file: displayName, part: name, problem: "cannot be read (\(message)); the file is damaged or cut off")
    }
}

/// One entry being inflated. Counts what libzip hands out and stops at the entry limit or
/// when the output outgrows the compressed size by more than the allowed ratio.
final class ZipEntryStream {
    let archive: ZipArchive
    let name: String
    let compressedSize: Int64
    /// The uncompressed size the entry's header claims (0 when unknown); for progress only.
    let claimedSize: Int64
    private let file: OpaquePointer
    private let ratioLimit: Int64
    private(set) var total: Int64 = 0

    init(archive: ZipArchive, file: OpaquePointer, name: String, compressedSize: Int64, claimedSize: Int64) {
        self.archive = archive
        self.file = file
        self.name = name
        self.compressedSize = compressedSize
        self.claimedSize = claimedSize
        let limits = archive.limits
        let (ratioBytes, overflow) = compressedSize.multipliedReportingOverflow(by: limits.maximumCompressionRatio)
        ratioLimit = max(limits.ratioFloorBytes, overflow ? Int64.max : ratioBytes)
    }

    deinit {
        zip_fclose(file)
    }

    /// Fills `buffer` with the next bytes; 0 at the end of the entry.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(TableFileError) -> Int {
        let count = zip_fread(file, buffer.baseAddress, UInt64(buffer.count))
        if count < 0 {
            let message = String(cString: zip_error_strerror(zip_file_get_error(file)))
            throw TableFileError(file: archive.displayName, part: name, problem: "cannot be inflated (\(message)); the file is damaged or cut off")
        }
        total += count
        let limits = archive.limits
        if total > limits.maximumEntryBytes {
            throw Self.tooLarge(file: archive.displayName, name, claimed: nil, limits: limits)
        }
        if total > ratioLimit {
            throw TableFileError(file: archive.displayName, part: name,
                                 problem: "inflates to more than \(limits.maximumCompressionRatio) times its compressed size of \(compressedSize) bytes; refusing it as a zip bomb")
        }
        return Int(count)
    }

    static func tooLarge(file: String, _ name: String, claimed: Int64?, limits: TableLimits) -> TableFileError {
        let what = claimed.map { "claims \($0 >> 20) MB uncompressed, more" } ?? "inflates to more"
        return TableFileError(file: file, part: name,
                              problem: "\(what) than the \(limits.maximumEntryBytes >> 20) MB meetlat reads from one part of an XLSX file; refusing it (a zip bomb, or a sheet far larger than any survey)")
    }
}
