import Foundation

/// A file read in fixed-size chunks through one reusable buffer, so that memory stays flat
/// however large the export is. Only a regular file is read (a device such as `/dev/zero` or a
/// pipe would never end, or block), at most `maximumSize` bytes, and no more than it held when
/// opened (a file that grows while it is read cannot keep the reader going).
final class FileBytes {
    static let chunkSize = 1 << 20
    /// 16 GiB: far above any survey export (ten million rows of a wide export are about 3 GB),
    /// far below what would fill a disk with warnings or run for hours.
    static let maximumSize = 16 << 30

    let path: String
    let displayName: String
    let size: Int
    private let descriptor: Int32
    /// Bytes still to read of the `size` the file had when opened.
    private var remaining: Int
    let buffer: UnsafeMutableRawBufferPointer

    init(path: String, displayName: String, chunkSize: Int = FileBytes.chunkSize) throws(CSVError) {
        self.path = path
        self.displayName = displayName
        // Non-blocking: opening a pipe must not wait for a writer. Cleared below for reading.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw CSVError(file: displayName, kind: .cannotOpen(reason: String(cString: strerror(errno))))
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw CSVError(file: displayName, kind: .cannotOpen(reason: reason))
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw CSVError(file: displayName, kind: .cannotOpen(reason: "it is a folder"))
        }
        if (status.st_mode & S_IFMT) != S_IFREG {
            close(descriptor)
            throw CSVError(file: displayName, kind: .cannotOpen(reason: "it is not a regular file (a device, pipe or socket), so it has no end to read to"))
        }
        if Int(status.st_size) > Self.maximumSize {
            close(descriptor)
            throw CSVError(file: displayName, kind: .cannotOpen(
                reason: "it holds \(status.st_size) bytes, more than the \(Self.maximumSize >> 30) GiB a file read by meetlat may have"))
        }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        self.descriptor = descriptor
        self.size = Int(status.st_size)
        self.remaining = Int(status.st_size)
        // A small file gets a buffer just larger than itself (one read still reaches the end).
        let bufferSize = Int(status.st_size) < chunkSize ? Int(status.st_size) + 1 : chunkSize
        self.buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferSize, 16), alignment: 8)
    }

    deinit {
        buffer.deallocate()
        close(descriptor)
    }

    func rewind() throws(CSVError) {
        if lseek(descriptor, 0, SEEK_SET) < 0 {
            throw CSVError(file: displayName, kind: .readFailed(reason: String(cString: strerror(errno))))
        }
        remaining = size
    }

    /// Reads the next chunk into `buffer`; returns its bytes (empty at the end of the file).
    func next() throws(CSVError) -> UnsafeBufferPointer<UInt8> {
        while true {
            let count = read(descriptor, buffer.baseAddress, min(buffer.count, remaining))
            if count >= 0 {
                remaining -= count
                return UnsafeBufferPointer(start: buffer.baseAddress?.assumingMemoryBound(to: UInt8.self), count: count)
            }
            if errno != EINTR {
                throw CSVError(file: displayName, kind: .readFailed(reason: String(cString: strerror(errno))))
            }
        }
    }

    /// Calls `body` with each chunk and the offset of its first byte, from the start.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>, Int) throws(CSVError) -> Bool) throws(CSVError) {
        try rewind()
        var offset = 0
        while true {
            let chunk = try next()
            if chunk.isEmpty { return }
            guard try body(chunk, offset) else { return }
            offset += chunk.count
        }
    }
}
