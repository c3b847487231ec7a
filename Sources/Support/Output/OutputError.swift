import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output file or folder that could not be written: one sentence naming the path (as the
/// user named it), the cause in words, and what was left.
///
///     could not write Rankings/2012.json: the disk is full; Rankings is unchanged
public struct OutputError: Error, CustomStringConvertible, Sendable {
    /// The file or folder, under the output's name as given (never a staging name).
    public var path: String
    /// The system's error number (`ENOSPC`, `EROFS`, …).
    public var code: Int32
    /// What the failure left, e.g. `Rankings is unchanged`.
    public var outcome: String?

    public init(path: String, code: Int32, outcome: String? = nil) {
        self.path = path
        self.code = code
        self.outcome = outcome
    }

    public var description: String {
        VisibleText.codePoints("could not write \(path): \(OutputError.cause(code))" + (outcome.map { "; \($0)" } ?? ""))
    }

    /// The cause of an error number in words.
    public static func cause(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "the disk is full (no space left on the device)"
        case EDQUOT: return "the disk quota is used up"
        case EROFS: return "the file system is read-only"
        case EBUSY: return "it is in use by the system (a mount point or a busy file)"
        case EACCES, EPERM: return "permission denied"
        case EIO: return "the disk reported an input/output error"
        case ENOTDIR: return "a part of the path is a file, not a folder"
        case EISDIR: return "a folder is in the way"
        case ENOENT: return "a folder on the way does not exist"
        case ELOOP: return "a symbolic link is in the way"
        case ENAMETOOLONG: return "the name is too long"
        case EMFILE, ENFILE: return "too many files are open"
        case EXDEV: return "it is on another file system than its staging folder"
        case EINVAL: return "the name or the operation is not valid there"
        default: return String(cString: strerror(code))
        }
    }
}

/// An output that a command refused to write, because replacing it could destroy something it
/// must not (see `AtomicOutput.checkFolder`). Nothing was written.
public struct OutputRefused: Error, CustomStringConvertible, Sendable, Equatable {
    /// The output as the user named it.
    public var output: String
    /// Why, e.g. `it is the current folder`.
    public var reason: String
    /// Whether the output is a folder (else a file): the advice differs.
    public var isFolder: Bool

    public init(output: String, reason: String, isFolder: Bool) {
        self.output = output
        self.reason = reason
        self.isFolder = isFolder
    }

    public var description: String {
        VisibleText.codePoints("refusing to write \(output): \(reason); nothing was written. "
            + (isFolder ? "Give the output a folder of its own" : "Write to a file outside the inputs"))
    }
}
