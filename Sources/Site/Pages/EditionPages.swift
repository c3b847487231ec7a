import Foundation
import Ingest
import Scoring
import Stats
import Support

/// The methodology page of an edition: the scoring model it was ranked with (from
/// `Surveys/models/<model>.yaml`: labels, descriptions, every rule and number), the general
/// method text (`content/methode.md`) and, when present, `content/modellen/<model>.md`.
struct MethodPage {
    let source: SiteSource
    let index: EditionIndex

    func page() -> Page {
        let source = self.source, index = self.index
        let path = SitePaths.method(index.year)
        return Page(path: path, template: "method") {
            let model = index.edition.model
            var context: [String: Any] = [
                "year": index.year, "modelName": model.name, "modelLabel": model.label, "maximum": model.maximum,
                "dimensions": model.dimensions.map(Self.dimension),
                "sizeClasses": index.sizeClasses.map { ["label": $0.label] },
                "methodHTML": source.html("methode"),
                "modelHTML": source.html("modellen/\(model.name)"),
            ]
            if let description = model.description { context["description"] = description }
            if let sensitivity = index.ranking.sensitivity {
                context["sensitivity"] = [
                    "runs": DutchText.integer(sensitivity.runs),
                    "spread": DutchText.percent(sensitivity.spread * 100, sensitivity.spread * 100 == (sensitivity.spread * 100).rounded() ? 0 : 1),
                    sensitivity.distribution.rawValue: true,
                ] as [String: Any]
            }
            return layoutContext(source, path: path, section: .method, year: index.year).merging(context)
        }
    }

    /// A dimension with its rule's numbers, keyed by kind for the template.
    static func dimension(_ dimension: Scoring.Dimension) -> [String: Any] {
        // `description` is always set (empty when the model has none), so the template never
        // falls back to the model's own description.
        var context: [String: Any] = ["id": dimension.id, "label": dimension.label, "maximum": dimension.maximum,
                                      "description": dimension.description ?? ""]
        if dimension.weight != 1 { context["weight"] = dimension.weight }
        switch dimension.rule {
        case .presence(let rule):
            context["presence"] = ["options": rule.options.map { ["label": $0.label, "points": $0.points] }]
        case .perInhabitant(let rule):
            let capPercent = Double(rule.cap) / Double(max(rule.pointsPerPercent, 1))
            context["perInhabitant"] = [
                "pointsPerPercent": rule.pointsPerPercent, "cap": rule.cap,
                "capPercent": DutchText.decimal(capPercent, capPercent == capPercent.rounded() ? 0 : 1),
                "fields": rule.fields.map { ["label": $0.label] },
            ] as [String: Any]
        case .choicePoints(let rule):
            context["choicePoints"] = [
                "values": rule.values.map { ["value": $0.value, "points": $0.points] },
                "fields": rule.fields.map { ["label": $0.label] },
            ]
        case .scaledRatings(let rule):
            context["scaledRatings"] = [
                "scale": rule.scale, "minimum": rule.minimum, "maximum": rule.maximum, "unanswered": rule.unanswered,
                "count": rule.fields.count, "denominator": rule.denominator,
                "fields": rule.fields.map { ["label": $0.label] },
            ] as [String: Any]
        }
        return context
    }
}

/// The caveats of an edition (`content/kanttekeningen.md`) with the year's own figures: who
/// answered (the response table), how many gemeenten reported more followers than inhabitants.
struct CaveatsPage {
    let source: SiteSource
    let index: EditionIndex

    func page() -> Page {
        let source = self.source, index = self.index
        let path = SitePaths.caveats(index.year)
        return Page(path: path, template: "caveats") {
            let edition = index.edition
            let suspect = edition.ranking.entries.filter { entry in entry.flags.contains { $0.hasPrefix("suspect:") } }
            let unknown = edition.ranking.entries.filter { entry in entry.flags.contains { $0.hasPrefix("unknown:") } }
            var context: [String: Any] = [
                "year": index.year, "respondents": edition.respondents, "gemeenten": edition.gemeenten,
                "responsePercent": Rounding.percent(edition.respondents, of: edition.gemeenten).map { "\($0) %" } ?? "–",
                "suspectCount": suspect.count, "unknownCount": unknown.count,
                "caveatsHTML": source.html("kanttekeningen"),
                "methodHref": SitePaths.relative(from: path, to: SitePaths.method(index.year)),
            ]
            if edition.anonymous > 0 { context["anonymous"] = edition.anonymous }
            if let response = edition.statistics.tables.first(where: { $0.definition == "response" }) {
                context["responseTable"] = statTableContext(response, config: source.config)
            }
            return layoutContext(source, path: path, section: .caveats, year: index.year).merging(context)
        }
    }
}

/// The downloads of an edition: the ranking, the statistics and the comparison with the
/// previous edition as CSV and JSON, in the formats of `Rankings/` and `meetlat stats`.
struct Downloads {
    let source: SiteSource
    let index: EditionIndex

    /// The files, with what the page says about them.
    func files() throws -> [(file: OutputFile, kind: String, format: String)] {
        let year = index.year
        var files: [(OutputFile, String, String)] = [
            (OutputFile(path: SitePaths.data(year, "ranglijst-\(year).csv"), data: Data(RankingsWriter.csv(index.ranking).utf8)), "ranking", "CSV"),
            (OutputFile(path: SitePaths.data(year, "ranglijst-\(year).json"), data: try RankingsWriter.json(index.ranking)), "ranking", "JSON"),
        ]
        let tables = index.edition.statistics.tables
        files.append((OutputFile(path: SitePaths.data(year, "statistieken-\(year).csv"), data: Data(TableRenderer.render(tables, as: .csv).utf8)), "statistics", "CSV"))
        files.append((OutputFile(path: SitePaths.data(year, "statistieken-\(year).json"), data: Data(TableRenderer.render(tables, as: .json).utf8)), "statistics", "JSON"))
        if let comparison = index.edition.comparison {
            let name = "vergelijking-\(comparison.from.year)-\(year)"
            let compared = comparison.tables()
            files.append((OutputFile(path: SitePaths.data(year, "\(name).csv"), data: Data(TableRenderer.render(compared, as: .csv).utf8)), "comparison", "CSV"))
            files.append((OutputFile(path: SitePaths.data(year, "\(name).json"), data: Data(TableRenderer.render(compared, as: .json).utf8)), "comparison", "JSON"))
        }
        return files
    }

    func page(_ files: [(file: OutputFile, kind: String, format: String)]) -> Page {
        let source = self.source, index = self.index
        let path = SitePaths.downloads(index.year)
        return Page(path: path, template: "downloads") {
            let listed: [[String: Any]] = files.map { file in
                [file.kind: true, "format": file.format, "name": (file.file.path as NSString).lastPathComponent,
                 "href": SitePaths.relative(from: path, to: file.file.path),
                 "size": DutchText.integer(max(1, (file.file.data.count + 512) / 1024))]
            }
            var context: [String: Any] = ["year": index.year, "files": listed, "modelLabel": index.edition.model.label]
            if let comparison = index.edition.comparison { context["previousYear"] = comparison.from.year }
            return layoutContext(source, path: path, section: .downloads, year: index.year).merging(context)
        }
    }
}

/// The home page: every edition (newest first) and the way to the ROI calculator.
struct HomePage {
    let source: SiteSource
    let indexes: [EditionIndex]

    func page() -> Page {
        let source = self.source, indexes = self.indexes
        let path = SitePaths.home
        return Page(path: path, template: "home") {
            let editions: [[String: Any]] = indexes.reversed().map { index in
                ["year": index.year, "count": index.ranking.entries.count, "modelLabel": index.edition.model.label,
                 "gemeenten": index.edition.gemeenten, "maximum": index.ranking.maximum,
                 "href": SitePaths.relative(from: path, to: SitePaths.edition(index.year)),
                 "statisticsHref": SitePaths.relative(from: path, to: SitePaths.statistics(index.year)),
                 "top": index.ranking.entries.prefix(3).map { entry -> [String: Any] in
                     ["name": entry.name, "rank": entry.rank, "total": entry.total,
                      "href": SitePaths.relative(from: path, to: SitePaths.gemeente(index.year, slug: index.slugs[entry.code] ?? entry.code))]
                 }]
            }
            var context: [String: Any] = [
                "editions": editions, "aboutHTML": source.html("over"),
                "roiHref": SitePaths.relative(from: path, to: SitePaths.roi),
            ]
            if let latest = editions.first { context["latest"] = latest }
            return layoutContext(source, path: path, section: .home, year: nil).merging(context)
        }
    }
}
