import Foundation

/// A file read in fixed-size chunks through one reusable buffer, so that memory stays flat
/// however large the export is.
final class FileBytes {
    static let chunkSize = 1 << 20

    let path: String
    let displayName: String
    let size: Int
    private let descriptor: Int32
    let buffer: UnsafeMutableRawBufferPointer

    init(path: String, displayName: String, chunkSize: Int = FileBytes.chunkSize) throws(CSVError) {
        self.path = path
        self.displayName = displayName
        let descriptor = open(path, O_RDONLY)
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
        self.descriptor = descriptor
        self.size = Int(status.st_size)
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
    }

    /// Reads the next chunk into `buffer`; returns its bytes (empty at the end of the file).
    func next() throws(CSVError) -> UnsafeBufferPointer<UInt8> {
        while true {
            let count = read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 {
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
