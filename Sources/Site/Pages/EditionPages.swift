import Core
import Foundation
import Scoring
import Stats
import Support

/// The methodology page of an edition: the scoring model it was ranked with (from
/// `Surveys/models/<model>.yaml`: labels, descriptions, every rule and number), the general
/// method text (`content/methode.md`) and, when present, `content/modellen/<model>.md`.
struct MethodPage {
    let source: SiteSource
    let index: EditionIndex
    let links: EditionLinks
    let labels: QuestionLabels

    func page() -> Page {
        let source = self.source, index = self.index, links = self.links, labels = self.labels
        let path = SitePaths.method(index.year)
        return Page(path: path, template: "method") {
            let model = labels.relabelled(index.edition.model)
            var context: TemplateData = [
                "year": .number(index.year), "modelName": .string(model.name), "modelLabel": .string(model.label),
                "maximum": .number(model.maximum),
                "dimensions": .list(model.dimensions.map { Self.dimension($0, labels: labels, notes: index.ranking.provenance ?? model.provenance) }),
                "otherEditions": links.context(from: path, year: index.year, counterpart: .method),
                "sizeClassList": .string(index.sizeClasses.map(\.label).joined(separator: "; ")),
                "methodHTML": .string(source.html("methode")),
                "modelHTML": .string(source.html("modellen/\(model.name)")),
            ]
            if let description = model.description { context["description"] = .string(description) }
            if let summary = index.ranking.uncertainty { context["uncertainty"] = Self.uncertainty(summary, year: index.year) }
            if index.ranking.observations != nil {
                context["measurementsHref"] = .string(SitePaths.fileName(SitePaths.measurements(index.year)))
            }
            let notes = index.ranking.provenance ?? model.provenance
            let modelNotes = notes.filter { $0.about == "model" }
            context["provenance"] = .list(modelNotes.map(Self.provenanceNote))
            context["hasProvenance"] = .bool(!notes.isEmpty)
            context["publishedRules"] = .number(notes.filter { $0.basis == .published }.count)
            context["reconstructedRules"] = .number(notes.filter { $0.basis == .reconstructed }.count)
            return layoutContext(source, path: path, section: .method, year: index.year).merging(context)
        }
    }

    /// The uncertainty analysis in words and bars: per assumption its total Sobol index (its
    /// share of the rank variance, interactions included) as a bar (`<meter>`: readable at any
    /// width and in print), and what was varied.
    static func uncertainty(_ summary: UncertaintySummary, year: Int) -> TemplateValue {
        let anyIndex = summary.assumptions.contains { $0.index != nil }
        return [
            "anyIndex": .bool(anyIndex),
            "samples": .string(DutchFormat.integer(summary.samples)), "evaluations": .string(DutchFormat.integer(summary.evaluations)),
            "seed": .string(String(summary.seed)),
            "assumptions": .list(summary.assumptions.map { assumption in
                let total = max(assumption.index?.total ?? 0, 0)
                var row: TemplateData = [
                    "id": .string(assumption.id), "label": .string(assumption.label), "varied": .string(assumption.varied),
                    "alternatives": .list(assumption.alternatives.enumerated().map { index, text in
                        ["text": .string(text), "last": .bool(index == assumption.alternatives.count - 1)]
                    }),
                    "value": .string(Rounding.fixed(min(100, 100 * total), decimals: 1)),
                    "percent": .string(DutchFormat.percent(100 * total, decimals: 0)),
                    "first": .string(DutchFormat.percent(100 * max(assumption.index?.first ?? 0, 0), decimals: 0)),
                    "hasIndex": .bool(assumption.index != nil),
                ]
                if let error = assumption.index?.totalError { row["error"] = .string(DutchFormat.percent(100 * 1.96 * error, decimals: 0)) }
                return .object(row)
            }),
        ]
    }

    static func provenanceNote(_ note: ProvenanceNote) -> TemplateValue {
        var row: TemplateData = ["text": .string(note.text), TemplateKey(note.basis.rawValue): true]
        if let source = note.source { row["source"] = .string(source) }
        if let lines = note.lines { row["lines"] = .string(lines) }
        return .object(row)
    }

    /// A dimension with its rule's numbers, keyed by kind for the template.
    static func dimension(_ dimension: Scoring.Dimension, labels: QuestionLabels, notes: [ProvenanceNote]) -> TemplateValue {
        // `description` is always set (empty when the model has none), so the template never
        // falls back to the model's own description.
        var context: TemplateData = ["id": .string(dimension.id), "label": .string(dimension.label),
                                     "maximum": .number(dimension.maximum), "description": .string(dimension.description ?? "")]
        if dimension.weight != 1 { context["weight"] = .number(dimension.weight) }
        let own = notes.filter { $0.about == dimension.id }
        context["provenance"] = .list(own.map(provenanceNote))
        context["hasProvenance"] = .bool(!own.isEmpty)
        // Every question by its one name (statistics.yaml), as on the rest of the site.
        func fieldLabels(_ fields: [LabelledField]) -> TemplateValue {
            .list(fields.map { ["label": .string(labels.field($0.field) ?? $0.label)] })
        }
        func countLabels(_ fields: [CountField]) -> TemplateValue {
            .list(fields.map { ["label": .string(labels.field($0.field) ?? $0.label), "source": .string($0.source.dutch)] })
        }
        switch dimension.rule {
        case .presence(let rule):
            context["presence"] = ["options": .list(rule.options.map {
                ["label": .string(labels.option($0.value, of: rule.field) ?? $0.label), "points": .number($0.points), "onePoint": .bool($0.points == 1)]
            })]
        case .perInhabitant(let rule):
            let capPercent = Double(rule.cap) / Double(max(rule.pointsPerPercent, 1))
            context["perInhabitant"] = [
                "pointsPerPercent": .number(rule.pointsPerPercent), "cap": .number(rule.cap),
                "capPercent": .string(DutchFormat.number(capPercent, maximumDecimals: 1)),
                "fields": countLabels(rule.fields),
                "measured": .bool(rule.fields.contains { $0.source != .reported }),
            ]
        case .choicePoints(let rule):
            context["choicePoints"] = [
                "values": .list(rule.values.map {
                    ["value": .string($0.value), "points": .number($0.points), "onePoint": .bool($0.points == 1)]
                }),
                "fields": fieldLabels(rule.fields),
            ]
        case .scaledRatings(let rule):
            context["scaledRatings"] = [
                "scale": .number(rule.scale), "minimum": .number(rule.minimum), "maximum": .number(rule.maximum),
                "unanswered": .number(rule.unanswered), "count": .number(rule.fields.count),
                "denominator": .number(rule.denominator), "fields": fieldLabels(rule.fields),
            ]
        }
        return .object(context)
    }
}

/// The caveats of an edition (`content/kanttekeningen.md`) with the year's own figures: who
/// answered (the response table), how many gemeenten reported more followers than inhabitants.
struct CaveatsPage {
    let source: SiteSource
    let index: EditionIndex
    let links: EditionLinks
    let labels: QuestionLabels

    func page() -> Page {
        let source = self.source, index = self.index, links = self.links
        let path = SitePaths.caveats(index.year)
        return Page(path: path, template: "caveats") {
            let edition = index.edition
            func flagged(_ kind: ScoreFlag.Kind) -> [RankedGemeente] {
                edition.ranking.entries.filter { entry in entry.flags.contains { ScoreFlag(id: $0)?.kind == kind } }
            }
            let suspect = flagged(.suspect), unknown = flagged(.unknown)
            var context: TemplateData = [
                "year": .number(index.year), "respondents": .number(edition.respondents), "gemeenten": .number(edition.gemeenten),
                "responsePercent": .string(Rounding.percent(edition.respondents, of: edition.gemeenten).map { "\($0) %" } ?? "–"),
                "suspectCount": .number(suspect.count), "oneSuspect": .bool(suspect.count == 1),
                "unknownCount": .number(unknown.count), "oneUnknown": .bool(unknown.count == 1),
                "caveatsHTML": .string(source.html("kanttekeningen")),
                "methodHref": .string(SitePaths.relative(from: path, to: SitePaths.method(index.year))),
            ]
            if index.ranking.observations != nil {
                context["measurementsHref"] = .string(SitePaths.relative(from: path, to: SitePaths.measurements(index.year)))
            }
            if edition.anonymous > 0 { context["anonymous"] = .number(edition.anonymous) }
            context["otherEditions"] = links.context(from: path, year: index.year, counterpart: .caveats)
            if let response = edition.statistics.tables.first(where: { $0.definition == "response" }) {
                context["responseTable"] = statTableContext(response)
                if let classes = Self.responseBySizeClass(response) { context["response"] = classes }
            }
            return layoutContext(source, path: path, section: .caveats, year: index.year).merging(context)
        }
    }
}

extension CaveatsPage {
    /// Who took part, smallest against largest size class, from the edition's own response
    /// table (nil when it has fewer than two size classes with gemeenten): the figures of the
    /// caveat that large gemeenten answered more often, computed for the year.
    static func responseBySizeClass(_ table: StatTable) -> TemplateValue? {
        let classes = table.rows.filter { $0.id != "total" }.compactMap { row -> (label: String, count: Int, of: Int, percent: Int)? in
            guard case .count(let count)? = table.cell(row: row.id, column: "respondents"),
                  case .count(let of)? = table.cell(row: row.id, column: "gemeenten"), of > 0,
                  let percent = Rounding.percent(count, of: of), let label = row.cells.first?.text(in: .dutch) else { return nil }
            return (label, count, of, percent)
        }
        guard let smallest = classes.first, let largest = classes.last, classes.count >= 2 else { return nil }
        func side(_ value: (label: String, count: Int, of: Int, percent: Int)) -> TemplateValue {
            ["label": .string(value.label), "count": .number(value.count), "of": .number(value.of), "percent": .string("\(value.percent) %")]
        }
        var context: TemplateData = ["smallest": side(smallest), "largest": side(largest)]
        context[largest.percent > smallest.percent ? "largeMore" : largest.percent < smallest.percent ? "smallMore" : "alike"] = true
        return .object(context)
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
            let editions: [TemplateValue] = indexes.reversed().map { index in
                ["year": .number(index.year), "count": .number(index.ranking.entries.count),
                 "modelLabel": .string(index.edition.model.label),
                 "gemeenten": .number(index.edition.gemeenten), "maximum": .number(index.ranking.maximum),
                 "href": .string(SitePaths.relative(from: path, to: SitePaths.edition(index.year))),
                 "statisticsHref": .string(SitePaths.relative(from: path, to: SitePaths.statistics(index.year))),
                 "mapHref": .string(SitePaths.relative(from: path, to: SitePaths.map(index.year))),
                 "top": .list(index.ranking.entries.prefix(3).map { entry in
                     ["name": .string(entry.name), "rank": .number(entry.rank), "total": .number(entry.total),
                      "href": .string(SitePaths.relative(from: path, to: SitePaths.gemeente(index.year, slug: index.slugs[entry.code] ?? entry.code)))]
                 })]
            }
            var context: TemplateData = [
                "editions": .list(editions), "aboutHTML": .string(source.html("over")),
                "roiHref": .string(SitePaths.relative(from: path, to: SitePaths.roi)),
                "allEditionsCsvHref": .string(SitePaths.relative(from: path, to: "data/\(Downloads.allEditionsName).csv")),
                "allEditionsXlsxHref": .string(SitePaths.relative(from: path, to: "data/\(Downloads.allEditionsName).xlsx")),
            ]
            if let latest = editions.first { context["latest"] = latest }
            return layoutContext(source, path: path, section: .home, year: nil).merging(context)
        }
    }
}

/// Self-reported against measured (`<year>/metingen.html`), for an edition whose ranking holds
/// an observation report: what the measurement found that differs from the answers, and which
/// gemeenten change place because the model scores the measured counts.
struct MeasurementsPage {
    let source: SiteSource
    let index: EditionIndex
    let links: EditionLinks

    func page() -> Page? {
        guard let report = index.ranking.observations else { return nil }
        let source = self.source, index = self.index
        let path = SitePaths.measurements(index.year)
        return Page(path: path, template: "measurements") {
            let labels = Dictionary(report.channels.map { ($0.value, $0.label) }) { first, _ in first }
            func href(_ code: String) -> String {
                SitePaths.relative(from: path, to: SitePaths.gemeente(index.year, slug: index.slugs[code] ?? code))
            }
            func count(_ value: Int?, approximate: Bool = false) -> String {
                value.map { (approximate ? "ca. " : "") + DutchFormat.integer($0) } ?? "–"
            }
            let findings: [TemplateValue] = ObservationRow.Finding.allCases.map { finding in
                ["label": .string(finding.dutch), "count": .number(report.rows.filter { $0.finding == finding }.count)]
            }
            let rows: [TemplateValue] = report.flagged.map { row in
                var item: TemplateData = [
                    "name": .string(row.name), "href": .string(href(row.code)), "channel": .string(labels[row.channel] ?? row.channel),
                    "claimed": .string(row.claimed.map { $0 ? "ja" : "nee" } ?? "geen antwoord"),
                    "reported": .string(count(row.reported, approximate: row.reportedApproximate)),
                    "measured": .string(count(row.measured)), "finding": .string(row.finding.dutch),
                    "account": .string(row.account ?? "geen gevonden"),
                    "date": .string(row.date.map(DutchFormat.date) ?? "–"),
                ]
                if let reported = row.reported, let measured = row.measured, measured > 0 {
                    item["difference"] = .string(DutchFormat.percent(100 * Double(reported - measured) / Double(measured), decimals: 0))
                }
                return .object(item)
            }
            let changes: [TemplateValue] = report.changes.map { change in
                ["name": .string(change.name), "href": .string(href(change.code)),
                 "reportedTotal": .number(change.reportedTotal), "total": .number(change.total),
                 "reportedRank": .number(change.reportedRank), "rank": .number(change.rank)]
            }
            let context: TemplateData = [
                "year": .number(index.year), "synthetic": .bool(report.synthetic), "file": .string(report.file),
                "measured": .number(report.measured), "respondents": .number(index.ranking.entries.count),
                "relative": .string(DutchFormat.percent(100 * report.threshold.relative, decimals: 0)),
                "absolute": .string(DutchFormat.integer(report.threshold.absolute)),
                "channels": .string(report.channels.map(\.label).joined(separator: ", ")),
                "findings": .list(findings), "rows": .list(rows), "hasRows": .bool(!rows.isEmpty),
                "changes": .list(changes), "hasChanges": .bool(!changes.isEmpty), "changeCount": .number(changes.count),
                "methodHref": .string(SitePaths.fileName(SitePaths.method(index.year))),
                "otherEditions": links.context(from: path, year: index.year, counterpart: .measurements),
            ]
            return layoutContext(source, path: path, section: .measurements, year: index.year).merging(context)
        }
    }
}
