import Core
import Foundation
import Scoring
import Stats
import Support

/// One gemeente in one edition, as its history needs it.
struct HistoryPoint: Sendable {
    let year: Int
    let entry: RankedGemeente
    let count: Int
    let maximum: Int
    let modelLabel: String
    let slug: String

    /// The total as a share of the maximum, in %, and as text (`63 %`).
    var percent: Double { 100 * Double(entry.total) / Double(max(maximum, 1)) }
    /// Relative position in the edition's ranking (`YearComparison.relativePosition`).
    var position: Double { YearComparison.relativePosition(rank: entry.rank, count: count) }
    var percentText: String { DutchFormat.percent(percent, decimals: 0) }
}

/// Every gemeente's editions, by CBS code, ascending by year.
func histories(_ indexes: [EditionIndex]) -> [String: [HistoryPoint]] {
    var result: [String: [HistoryPoint]] = [:]
    for index in indexes {
        for entry in index.ranking.entries {
            result[entry.code, default: []].append(HistoryPoint(
                year: index.year, entry: entry, count: index.ranking.entries.count, maximum: index.ranking.maximum,
                modelLabel: index.edition.model.label, slug: index.slugs[entry.code] ?? entry.code))
        }
    }
    return result
}

/// The page of each ranked gemeente in an edition: rank and score over the editions up to this
/// one (charts), the score per part against the median of its size class, its channels and the
/// explanation of every point.
struct GemeentePages {
    let source: SiteSource
    let index: EditionIndex
    let reference: Reference
    let histories: [String: [HistoryPoint]]
    let links: EditionLinks
    let labels: QuestionLabels

    func pages() -> [Page] {
        let source = self.source, index = self.index, reference = self.reference, links = self.links, labels = self.labels
        return index.ranking.entries.map { entry in
            let path = SitePaths.gemeente(index.year, slug: index.slugs[entry.code] ?? entry.code)
            let history = (histories[entry.code] ?? []).filter { $0.year <= index.year }
            return Page(path: path, template: "gemeente") {
                let change = changeContext(index.changes[entry.code], comparison: index.edition.comparison)
                var context = layoutContext(source, path: path, section: .gemeente, year: index.year)
                    .merging(Self.context(entry, path: path, index: index, reference: reference, history: history,
                                          change: change, labels: labels))
                    .merging(Self.shareContext(entry, path: path, index: index, source: source))
                context["otherEditions"] = links.context(from: path, year: index.year, counterpart: .gemeente(code: entry.code))
                return context
            }
        }
    }

    /// The badge and the sharing card of every ranked gemeente of the edition.
    func files() -> [OutputFile] {
        index.ranking.entries.flatMap { entry -> [OutputFile] in
            let slug = index.slugs[entry.code] ?? entry.code
            let count = index.ranking.entries.count
            let text = ShareFiles.badgeText(siteTitle: source.config.title, year: index.year, rank: entry.rank, count: count)
            return [OutputFile(path: ShareFiles.badgePath(index.year, slug: slug), data: ShareFiles.badge(text)),
                    OutputFile(path: ShareFiles.cardPath(index.year, slug: slug),
                               data: ShareFiles.card(siteTitle: source.config.title, entry: entry, year: index.year, count: count,
                                                     maximum: index.ranking.maximum))]
        }
    }

    /// The page's sharing card, the badge and the snippet that embeds it (with the site's address
    /// when site.yaml gives it; otherwise the paths from the site's root).
    static func shareContext(_ entry: RankedGemeente, path: String, index: EditionIndex, source: SiteSource) -> TemplateData {
        let slug = index.slugs[entry.code] ?? entry.code
        let base = source.config.canonicalURL
        let card = ShareFiles.cardPath(index.year, slug: slug), badge = ShareFiles.badgePath(index.year, slug: slug)
        let text = ShareFiles.badgeText(siteTitle: source.config.title, year: index.year, rank: entry.rank,
                                        count: index.ranking.entries.count)
        let snippet = "<a href=\"\(base ?? "")\(path)\"><img src=\"\(base ?? "")\(badge)\" "
            + "alt=\"\(HTMLText.escaped(text))\" height=\"32\"></a>"
        return [
            "ogImage": .string(base.map { $0 + card } ?? SitePaths.relative(from: path, to: card)),
            "badgeHref": .string(SitePaths.relative(from: path, to: badge)), "badgeText": .string(text),
            "badgeSnippet": .string(snippet), "hasCanonical": .bool(base != nil),
        ]
    }

    static func context(_ entry: RankedGemeente, path: String, index: EditionIndex, reference: Reference,
                        history: [HistoryPoint], change: TemplateValue, labels: QuestionLabels) -> TemplateData {
        let year = index.year
        let ranking = index.ranking
        let sizeClass = index.sizeClass(entry.sizeClass)
        let medians = index.medians[entry.sizeClass]
        let lines = entry.explanation ?? []
        let aliases = reference.gemeente(code: entry.code)?.aliases ?? []

        var context: TemplateData = [
            "year": .number(year), "name": .string(entry.name), "code": .string(entry.code), "province": .string(entry.province),
            "sizeLabel": .string(sizeClass?.label ?? entry.sizeClass), "inhabitants": .string(DutchFormat.integer(entry.inhabitants)),
            "count": .number(ranking.entries.count), "rank": .number(entry.rank),
            "rankInSizeClass": .number(entry.rankInSizeClass), "classCount": .number(index.sizeClassCounts[entry.sizeClass] ?? 0),
            "rankInProvince": .number(entry.rankInProvince), "provinceCount": .number(index.provinceCounts[entry.province] ?? 0),
            "total": .number(entry.total), "maximum": .number(ranking.maximum),
            "percent": .string(DutchFormat.percent(100 * Double(entry.total) / Double(max(ranking.maximum, 1)), decimals: 0)),
            "modelLabel": .string(index.edition.model.label),
            "change": change,
            "aliasList": .string(aliases.joined(separator: ", ")), "hasAliases": .bool(!aliases.isEmpty),
            // Every gemeente page of an edition sits in <year>/gemeente/: one level below the edition.
            "rankingHref": "../index.html",
            "sizeClassHref": .string("../" + SitePaths.fileName(index.sizeClassPage(entry.sizeClass))),
            "provinceHref": .string("../" + SitePaths.fileName(index.provincePage(entry.province))),
            "methodHref": "../methode.html",
        ]
        if let interval = entry.rankInterval {
            var data: TemplateData = ["low": .number(interval.low), "high": .number(interval.high), "median": .number(interval.median),
                                      "narrow": .bool(interval.low == interval.high)]
            // The assumption that moves this gemeente most, in one sentence a reader can check.
            if let sentence = ScoringText.driverSentence(entry, in: ranking.uncertainty) { data["driver"] = .string(sentence) }
            context["interval"] = .object(data)
        }
        if index.ranking.observations != nil { context["measurementsHref"] = "../metingen.html" }
        if let advice = index.edition.advice[entry.code] {
            context["advice"] = AdviceContext.context(advice, slugs: index.slugs)
            context["caveatsHref"] = "../kanttekeningen.html"
        }
        // The notes as Scoring words them for people (the ids stay in Rankings/ and the downloads).
        let flags = ScoreFlag.sentences(entry.flags, in: labels.relabelled(index.edition.model))
        context["flags"] = .list(flags.map { .string($0) })
        context["hasFlags"] = .bool(!flags.isEmpty)
        context["oneFlag"] = .bool(flags.count == 1)

        // The score per part against the median of the size class.
        context["parts"] = .list(ranking.parts.map { part in
            let points = entry.parts[part.id] ?? 0
            var row: TemplateData = ["label": .string(part.label), "points": .number(points), "maximum": .number(part.maximum)]
            if part.weight != 1 { row["weight"] = .number(part.weight) }
            if let median = medians?.parts[part.id] { row = row.merging(comparison(Double(points), median)) }
            return .object(row)
        })
        if let medians {
            let classMedian: TemplateData = ["count": .number(medians.count), "label": .string(sizeClass?.label ?? entry.sizeClass)]
            context["classMedian"] = .object(classMedian.merging(comparison(Double(entry.total), medians.total)))
        }

        // Peers without JavaScript: the gemeenten of its size class in its province, and the size
        // class's median (the comparison page lets a visitor pick any others).
        let peers = ranking.entries.filter { $0.sizeClass == entry.sizeClass && $0.province == entry.province }
        context["peers"] = .list(peers.map { peer in
            ["name": .string(peer.name), "rank": .number(peer.rank), "total": .number(peer.total),
             "current": .bool(peer.code == entry.code),
             "href": .string((index.slugs[peer.code] ?? peer.code) + ".html"),
             "parts": .list(ranking.parts.map { ["points": .number(peer.parts[$0.id] ?? 0)] })]
        })
        context["peerParts"] = .list(ranking.parts.map { ["label": .string($0.label)] })
        if let medians {
            context["peerMedian"] = [
                "total": .string(medianText(medians.total)),
                "parts": .list(ranking.parts.map { ["points": .string(medians.parts[$0.id].map(medianText) ?? "")] }),
            ]
        }
        context["compareHref"] = .string("../vergelijk.html#gemeenten=" + peers.prefix(5).map(\.code).joined(separator: ","))

        // Channels (presence dimensions) and follower counts (per-inhabitant dimensions).
        let shown = Self.labelled(lines, model: index.edition.model, labels: labels)
        let channelGroups = Self.channelGroups(lines, model: index.edition.model, labels: labels)
        let followers = shown.filter { index.perInhabitantDimensions.contains($0.dimension) && $0.field != $0.dimension }
            .map(explanationLine)
        context["channelGroups"] = .list(channelGroups)
        context["hasChannels"] = .bool(!channelGroups.isEmpty)
        context["followers"] = .list(followers)
        context["hasFollowers"] = .bool(!followers.isEmpty)
        context["explanation"] = .list(ranking.parts.map { part in
            ["label": .string(part.label), "points": .number(entry.parts[part.id] ?? 0), "maximum": .number(part.maximum),
             "lines": .list(shown.filter { $0.dimension == part.id }.map(explanationLine))]
        })
        context["hasExplanation"] = .bool(!lines.isEmpty)

        // History and its charts.
        context["history"] = .list(history.map { point in
            ["year": .number(point.year), "rank": .number(point.entry.rank), "count": .number(point.count),
             "total": .number(point.entry.total), "maximum": .number(point.maximum), "model": .string(point.modelLabel),
             "current": .bool(point.year == year), "percent": .string(point.percentText),
             "position": .string(positionText(point.position)),
             "href": .string("../../" + SitePaths.gemeente(point.year, slug: point.slug))]
        })
        // Ranks of editions of different lengths on one scale: each edition scaled to its own
        // length (rank 1 at the top, its last place at the bottom), logarithmically, so that 5 →
        // 1 → 2 near the top shows as the movement it is rather than a flat line; every point
        // labelled with its rank and the edition's length.
        context["rankChart"] = Charts.line(
            id: "rang", points: history.map { point in
                Charts.Point(label: String(point.year), value: Self.rankHeight(point.entry.rank, of: point.count),
                             valueText: "\(point.entry.rank) van \(point.count)")
            },
            minimum: 0, maximum: 100, lowIsTop: false, ticks: [0, 100],
            tickText: { $0 == 100 ? "rang 1" : "laatste" })
        context["countsDiffer"] = .bool(Set(history.map(\.count)).count > 1)
        context["scoreChart"] = Charts.line(
            id: "score", points: history.map { point in
                Charts.Point(label: String(point.year), value: point.percent, valueText: point.percentText)
            },
            minimum: 0, maximum: 100, lowIsTop: false, ticks: [0, 50, 100], tickText: { DutchFormat.percent($0, decimals: 0) })
        context["modelsDiffer"] = .bool(Set(history.map(\.modelLabel)).count > 1)
        return context
    }

    /// Where the rank chart draws `rank` of `count`: 100 for rank 1, 0 for the last place, on a
    /// logarithmic scale (rank 2 of 238 at 87, rank 10 at 58, rank 100 at 16).
    static func rankHeight(_ rank: Int, of count: Int) -> Double {
        guard count > 1 else { return 100 }
        return 100 * (1 - log(Double(max(rank, 1))) / log(Double(count)))
    }

    /// Per presence dimension of the model: the channels it scores, active or not, and the
    /// channels the gemeente also reported that earn nothing under this year's model (named as
    /// the statistics name them). Nothing for a dimension without explanation lines.
    static func channelGroups(_ lines: [ExplanationLine], model: ScoringModel, labels: QuestionLabels) -> [TemplateValue] {
        model.dimensions.compactMap { dimension -> TemplateValue? in
            guard case .presence(let rule) = dimension.rule, lines.contains(where: { $0.dimension == dimension.id }) else { return nil }
            var group: TemplateData = ["dimension": .string(dimension.label)]
            guard let options = rule.reportedOptions(in: lines, dimension: dimension.id) else {
                group["unanswered"] = true
                return .object(group)
            }
            let uncounted = options.filter { !$0.isScored }
            group["unanswered"] = false
            group["counted"] = .list(options.compactMap { option in
                option.label.map { ["label": .string(labels.option(option.value, of: rule.field) ?? $0), "active": .bool(option.chosen)] }
            })
            group["uncounted"] = .list(uncounted.map { ["label": .string(labels.option($0.value, of: rule.field) ?? $0.value)] })
            group["hasUncounted"] = .bool(!uncounted.isEmpty)
            group["oneUncounted"] = .bool(uncounted.count == 1)
            return .object(group)
        }
    }

    /// The explanation lines with every question named as the statistics name it
    /// (`QuestionLabels`: one name per question on the whole site), and a channel the model does
    /// not score named by its label from the statistics (Rankings/ keeps the option's value: the
    /// model has no label for it).
    static func labelled(_ lines: [ExplanationLine], model: ScoringModel, labels: QuestionLabels) -> [ExplanationLine] {
        let rules = Dictionary(model.dimensions.compactMap { dimension -> (String, PresenceRule)? in
            guard case .presence(let rule) = dimension.rule else { return nil }
            return (dimension.id, rule)
        }) { first, _ in first }
        return lines.map { line in
            var relabelled = line
            if let rule = rules[line.dimension] {
                if let value = rule.unscoredValue(of: line), let label = labels.option(value, of: rule.field) {
                    relabelled.label = label
                    relabelled.reason = PresenceRule.unscoredReason(label, model: model.name)
                } else if let value = rule.options.first(where: { $0.label == line.label })?.value,
                          let label = labels.option(value, of: rule.field) {
                    relabelled.label = label
                    relabelled.reason = line.reason.replacingOccurrences(of: line.label, with: label)
                }
            } else if let label = labels.field(line.field) {
                relabelled.label = label
            }
            return relabelled
        }
    }

    /// An explanation line as Scoring wrote it (in Dutch); `points` is empty on lines that only
    /// feed a later line (scaled ratings) — present all the same, so the template never falls
    /// back to an outer `points`.
    static func explanationLine(_ line: ExplanationLine) -> TemplateValue {
        ["label": .string(line.label), "answer": .string(line.answer), "reason": .string(line.reason),
         "points": .string(line.points.map(String.init) ?? "")]
    }

    /// `value` against `median`: the median as text and the difference (above / below / equal).
    static func comparison(_ value: Double, _ median: Double) -> TemplateData {
        let difference = value - median
        var result: TemplateData = ["median": .string(medianText(median)), "difference": .string(medianText(abs(difference)))]
        result[difference > 0 ? "above" : difference < 0 ? "below" : "equal"] = true
        return result
    }
}
