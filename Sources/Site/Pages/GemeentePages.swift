import Ingest
import Scoring

/// One gemeente in one edition, as its history needs it.
struct HistoryPoint: Sendable {
    let year: Int
    let entry: RankedGemeente
    let count: Int
    let maximum: Int
    let modelLabel: String
    let slug: String
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

    func pages() -> [Page] {
        let ranking = RankingPages(source: source, index: index, reference: reference)
        let source = self.source, index = self.index, reference = self.reference
        return index.ranking.entries.map { entry in
            let path = SitePaths.gemeente(index.year, slug: index.slugs[entry.code] ?? entry.code)
            let history = (histories[entry.code] ?? []).filter { $0.year <= index.year }
            return Page(path: path, template: "gemeente") {
                let change = ranking.changeContext(index.changes[entry.code])
                return layoutContext(source, path: path, section: .gemeente, year: index.year)
                    .merging(Self.context(entry, path: path, index: index, reference: reference, history: history,
                                          change: change, answers: source.config.answers))
            }
        }
    }

    static func context(_ entry: RankedGemeente, path: String, index: EditionIndex, reference: Reference,
                        history: [HistoryPoint], change: [String: Any], answers: [String: String]) -> [String: Any] {
        let year = index.year
        let ranking = index.ranking
        let sizeClass = index.sizeClass(entry.sizeClass)
        let medians = index.medians[entry.sizeClass]
        let classCount = ranking.entries.filter { $0.sizeClass == entry.sizeClass }.count
        let provinceCount = ranking.entries.filter { $0.province == entry.province }.count
        let lines = entry.explanation ?? []
        var fieldLabels: [String: String] = [:]
        for line in lines where fieldLabels[line.field] == nil { fieldLabels[line.field] = line.label }

        var context: [String: Any] = [
            "year": year, "name": entry.name, "code": entry.code, "province": entry.province,
            "sizeLabel": sizeClass?.label ?? entry.sizeClass, "inhabitants": DutchText.integer(entry.inhabitants),
            "count": ranking.entries.count, "rank": entry.rank,
            "rankInSizeClass": entry.rankInSizeClass, "classCount": classCount,
            "rankInProvince": entry.rankInProvince, "provinceCount": provinceCount,
            "total": entry.total, "maximum": ranking.maximum,
            "percent": DutchText.percent(100 * Double(entry.total) / Double(max(ranking.maximum, 1)), 0),
            "modelLabel": index.edition.model.label,
            "change": change,
            "aliasList": (reference.gemeente(code: entry.code)?.aliases ?? []).joined(separator: ", "),
            "hasAliases": !(reference.gemeente(code: entry.code)?.aliases ?? []).isEmpty,
            "rankingHref": SitePaths.relative(from: path, to: SitePaths.edition(year)),
            "sizeClassHref": SitePaths.relative(from: path, to: SitePaths.sizeClass(year, id: entry.sizeClass)),
            "provinceHref": SitePaths.relative(from: path, to: SitePaths.province(year, name: entry.province)),
            "methodHref": SitePaths.relative(from: path, to: SitePaths.method(year)),
        ]
        if let interval = entry.rankInterval {
            context["interval"] = ["low": interval.low, "high": interval.high, "median": interval.median,
                                   "narrow": interval.low == interval.high]
        }
        let flags = entry.flags.compactMap { flag -> [String: Any]? in
            let parts = flag.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            return [parts[0]: true, "field": fieldLabels[parts[1]] ?? parts[1]]
        }
        context["flags"] = flags
        context["hasFlags"] = !flags.isEmpty

        // The score per part against the median of the size class.
        context["parts"] = ranking.parts.map { part -> [String: Any] in
            let points = entry.parts[part.id] ?? 0
            var row: [String: Any] = ["label": part.label, "points": points, "maximum": part.maximum]
            if part.weight != 1 { row["weight"] = part.weight }
            if let median = medians?.parts[part.id] { row.merge(comparison(Double(points), median)) { _, new in new } }
            return row
        }
        if let medians {
            context["classMedian"] = ["count": medians.count, "label": sizeClass?.label ?? entry.sizeClass]
                .merging(comparison(Double(entry.total), medians.total))
        }

        // Channels (presence dimensions) and follower counts (per-inhabitant dimensions).
        let presence = Set(index.edition.model.dimensions.filter { $0.rule.kind == "presence" }.map(\.id))
        let perInhabitant = Set(index.edition.model.dimensions.filter { $0.rule.kind == "per_inhabitant" }.map(\.id))
        let channels = lines.filter { presence.contains($0.dimension) && $0.field != $0.dimension }.map { line -> [String: Any] in
            ["label": line.label, "active": line.answer == "chosen", "answer": answers[line.answer] ?? line.answer]
        }
        let followers = lines.filter { perInhabitant.contains($0.dimension) && $0.field != $0.dimension }.map { line in
            explanationLine(line, answers: answers)
        }
        context["channels"] = channels
        context["hasChannels"] = !channels.isEmpty
        context["followers"] = followers
        context["hasFollowers"] = !followers.isEmpty
        context["explanation"] = ranking.parts.map { part -> [String: Any] in
            ["label": part.label, "points": entry.parts[part.id] ?? 0, "maximum": part.maximum,
             "lines": lines.filter { $0.dimension == part.id }.map { explanationLine($0, answers: answers) }]
        }
        context["hasExplanation"] = !lines.isEmpty

        // History and its charts.
        context["history"] = history.map { point -> [String: Any] in
            ["year": point.year, "rank": point.entry.rank, "count": point.count, "total": point.entry.total,
             "maximum": point.maximum, "model": point.modelLabel, "current": point.year == year,
             "percent": DutchText.percent(100 * Double(point.entry.total) / Double(max(point.maximum, 1)), 0),
             "href": SitePaths.relative(from: path, to: SitePaths.gemeente(point.year, slug: point.slug))]
        }
        let worst = Double(history.map(\.count).max() ?? 1)
        context["rankChart"] = Charts.line(
            id: "rang", points: history.map { Charts.Point(label: String($0.year), value: Double($0.entry.rank), valueText: String($0.entry.rank)) },
            minimum: 1, maximum: max(worst, 2), lowIsTop: true,
            ticks: Array(Set([1, (worst / 2).rounded(), worst])).sorted(), tickText: { DutchText.integer(Int($0)) })
        context["scoreChart"] = Charts.line(
            id: "score", points: history.map { point in
                let percent = 100 * Double(point.entry.total) / Double(max(point.maximum, 1))
                return Charts.Point(label: String(point.year), value: percent, valueText: DutchText.percent(percent, 0))
            },
            minimum: 0, maximum: 100, lowIsTop: false, ticks: [0, 50, 100], tickText: { DutchText.percent($0, 0) })
        context["modelsDiffer"] = Set(history.map(\.modelLabel)).count > 1
        return context
    }

    /// An explanation line with its answer in Dutch; `points` is empty on lines that only feed
    /// a later line (scaled ratings) — present all the same, so the template never falls back
    /// to an outer `points`.
    static func explanationLine(_ line: ExplanationLine, answers: [String: String]) -> [String: Any] {
        ["label": line.label, "answer": answers[line.answer] ?? line.answer, "reason": line.reason,
         "points": line.points.map(String.init) ?? ""]
    }

    /// `value` against `median`: the median as text and the difference (above / below / equal).
    static func comparison(_ value: Double, _ median: Double) -> [String: Any] {
        let difference = value - median
        var result: [String: Any] = ["median": medianText(median), "difference": medianText(abs(difference))]
        result[difference > 0 ? "above" : difference < 0 ? "below" : "equal"] = true
        return result
    }
}
