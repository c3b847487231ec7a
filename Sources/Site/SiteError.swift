import PersonalData
import Support

/// Everything that stops `meetlat site`, each with one clear message. The previous output is
/// never touched when one of these is thrown: the site is built in a staging folder first.
public enum SiteError: Error, CustomStringConvertible, Sendable {
    /// A file or folder the build needs is not there.
    case missingSource(path: String, expected: String)
    /// An entry of the site sources the build refuses to read (a symbolic link).
    case unsafeSource(path: String, problem: String)
    /// A template does not parse, or a template the site needs is missing.
    case template(file: String, line: Int?, column: Int?, problem: String)
    /// No `Rankings/<year>.json` to publish.
    case noEditions(rankings: String)
    /// A Rankings file and the surveys disagree (e.g. scored with another model than the mapping names).
    case inconsistentData(path: String, problem: String)
    /// A file could not be read.
    case unreadable(path: String, problem: String)
    /// The personal-data scan found something in the built site; nothing was published.
    /// `findings` name the files as they would have been published (under the output folder).
    case personalData(findings: [PersonalDataFinding], output: String)

    public var description: String {
        switch self {
        case .missingSource(let path, let expected):
            return "\(path): not found; expected \(expected)"
        case .unsafeSource(let path, let problem):
            return "\(path): \(problem)"
        case .template(let file, let line, let column, let problem):
            return "\(SourceLocation(file: file, line: line, column: column)): \(problem)"
        case .noEditions(let rankings):
            return "\(rankings): no <year>.json rankings found; run `meetlat score` first"
        case .inconsistentData(let path, let problem):
            return "\(path): \(problem)"
        case .unreadable(let path, let problem):
            return "\(path): cannot be read (\(problem))"
        case .personalData(let findings, let output):
            return PublicationRefused(target: output, findings: findings).description + "; \(output) was left as it was"
        }
    }
}
