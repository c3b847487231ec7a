import Foundation

/// The site's sources, read and compiled once per build: `site.yaml`, the Mustache templates of
/// `templates/` (parsed once, rendered many times; see `Template`), the Markdown texts of `content/` (turned into
/// HTML once) and the files of `assets/` (copied as they are).
///
/// ```
/// site/
///   site.yaml                       title, synthetic_data + banner, Dutch column/answer words
///   templates/<name>.mustache       layout, pages and fragments (see `SiteSource.requiredTemplates`)
///   content/<name>.md               methodology, caveats, ROI introduction, about
///   content/modellen/<model>.md     optional: more about one scoring model
///   assets/…                        CSS and JavaScript, copied to <output>/assets/
/// ```
public struct SiteSource: Sendable {
    public let folder: URL
    public let config: SiteConfig
    let templates: TemplateLibrary
    /// Markdown file name (without `.md`, `modellen/` kept) → HTML, sanitised (`MarkdownHTML`).
    let content: [String: String]
    /// What the sanitiser removed, per file: `content/over.md: removed <script> with its content`.
    let contentWarnings: [String]
    /// Path under `assets/` → bytes, sorted by path.
    let assets: [(path: String, data: Data)]

    /// The templates the build renders; a source folder without one of them is refused up front
    /// rather than producing empty pages.
    public static let requiredTemplates = [
        "layout", "home", "ranking", "ranking-row", "gemeente", "statistics", "method", "caveats", "downloads", "roi", "api",
        "line-chart", "bar-chart", "stat-table", "gemeenten", "afwezig", "vergelijk",
    ]

    public static func load(_ folder: URL) throws -> SiteSource {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        guard manager.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteError.missingSource(path: folder.path, expected: "a site source folder with site.yaml, templates/, content/ and assets/")
        }
        try refuseSymbolicLinks(in: folder)
        let config = try SiteConfig.load(from: folder.appendingPathComponent("site.yaml"))

        let templateFolder = folder.appendingPathComponent("templates")
        let library = try TemplateLibrary(try files(in: templateFolder, extension: "mustache").map { file in
            let url = templateFolder.appendingPathComponent(file)
            return try TemplateParser.parse(try readText(url), name: String(file.dropLast(".mustache".count)), file: url.path)
        })
        for name in requiredTemplates where !library.contains(name) {
            throw SiteError.missingSource(path: templateFolder.appendingPathComponent("\(name).mustache").path,
                                          expected: "the template '\(name)' (required: \(requiredTemplates.joined(separator: ", ")))")
        }

        var content: [String: String] = [:]
        var contentWarnings: [String] = []
        let contentFolder = folder.appendingPathComponent("content")
        for file in try files(in: contentFolder, extension: "md") {
            let sanitized = MarkdownHTML.html(fromMarkdown: try readText(contentFolder.appendingPathComponent(file)))
            content[String(file.dropLast(".md".count))] = sanitized.html
            contentWarnings += sanitized.removed.map { "content/\(file): \($0)" }
        }

        let assetFolder = folder.appendingPathComponent(SitePaths.assets)
        let assets = try files(in: assetFolder, extension: nil).map { path -> (String, Data) in
            let url = assetFolder.appendingPathComponent(path)
            guard let data = manager.contents(atPath: url.path) else {
                throw SiteError.unreadable(path: url.path, problem: "no permission or not a file")
            }
            return (path, data)
        }
        return SiteSource(folder: folder, config: config, templates: library, content: content,
                          contentWarnings: contentWarnings, assets: assets)
    }

    /// A symbolic link in the site sources would publish whatever it points to (`assets/x ->
    /// /etc/hostname`, a folder elsewhere): every entry under the source folder must be a
    /// plain file or folder. The source folder itself may be a link; hidden entries, which the
    /// build never reads, are left alone (an editor's lock file `.#over.md` is a link).
    static func refuseSymbolicLinks(in folder: URL) throws {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder.path) else { return }
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            let path = folder.appendingPathComponent(relative).path
            guard let type = try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType,
                  type == .typeSymbolicLink else { continue }
            let target = (try? manager.destinationOfSymbolicLink(atPath: path)) ?? "?"
            throw SiteError.unsafeSource(path: path, problem: "is a symbolic link (to \(target)); site sources must be plain files "
                                         + "and folders inside \(folder.path), so that the build never publishes a file from elsewhere")
        }
    }

    /// The HTML of `content/<name>.md`, or an empty string when the file is absent.
    func html(_ name: String) -> String { content[name] ?? "" }

    /// Renders the template `name` with `context`.
    func render(_ name: String, _ context: TemplateData) throws -> String {
        try templates.render(name, context)
    }

    /// Renders the template `name` with `context`, appending its UTF-8 to `output`.
    func render(_ name: String, _ context: TemplateData, into output: inout [UInt8]) throws {
        try templates.render(name, context, into: &output)
    }

    /// Relative paths of the files under `folder` (recursively, hidden files skipped), sorted;
    /// only those ending in `.<extension>` when one is given. A missing folder has none.
    static func files(in folder: URL, extension wanted: String?) throws -> [String] {
        let manager = FileManager.default
        guard let enumerator = manager.enumerator(atPath: folder.path) else { return [] }
        var result: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            _ = manager.fileExists(atPath: folder.appendingPathComponent(relative).path, isDirectory: &isFolder)
            if isFolder.boolValue { continue }
            if let wanted, !relative.hasSuffix("." + wanted) { continue }
            result.append(relative)
        }
        return result.sorted()
    }

    static func readText(_ url: URL) throws -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw SiteError.unreadable(path: url.path, problem: "no permission or not a file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SiteError.unreadable(path: url.path, problem: "not valid UTF-8")
        }
        return text
    }
}
