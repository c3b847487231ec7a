import Core
import Scoring
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
                                          change: change))
            }
        }
    }

    static func context(_ entry: RankedGemeente, path: String, index: EditionIndex, reference: Reference,
                        history: [HistoryPoint], change: TemplateValue) -> TemplateData {
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
        // The notes as Scoring words them for people (the ids stay in Rankings/ and the downloads).
        let flags = ScoreFlag.sentences(entry.flags, in: index.edition.model)
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

        // Channels (presence dimensions) and follower counts (per-inhabitant dimensions).
        let channelGroups = Self.channelGroups(lines, model: index.edition.model, labels: index.edition.optionLabels)
        let followers = lines.filter { index.perInhabitantDimensions.contains($0.dimension) && $0.field != $0.dimension }
            .map(explanationLine)
        context["channelGroups"] = .list(channelGroups)
        context["hasChannels"] = .bool(!channelGroups.isEmpty)
        context["followers"] = .list(followers)
        context["hasFollowers"] = .bool(!followers.isEmpty)
        let shown = Self.labelled(lines, model: index.edition.model, labels: index.edition.optionLabels)
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
             "href": .string("../../" + SitePaths.gemeente(point.year, slug: point.slug))]
        })
        let worst = Double(history.map(\.count).max() ?? 1)
        context["rankChart"] = Charts.line(
            id: "rang", points: history.map { Charts.Point(label: String($0.year), value: Double($0.entry.rank), valueText: String($0.entry.rank)) },
            minimum: 1, maximum: max(worst, 2), lowIsTop: true,
            ticks: Array(Set([1, (worst / 2).rounded(), worst])).sorted(), tickText: { DutchFormat.integer(Int($0)) })
        context["scoreChart"] = Charts.line(
            id: "score", points: history.map { point in
                Charts.Point(label: String(point.year), value: point.percent, valueText: point.percentText)
            },
            minimum: 0, maximum: 100, lowIsTop: false, ticks: [0, 50, 100], tickText: { DutchFormat.percent($0, decimals: 0) })
        context["modelsDiffer"] = .bool(Set(history.map(\.modelLabel)).count > 1)
        return context
    }

    /// Per presence dimension of the model: the channels it scores, active or not, and the
    /// channels the gemeente also reported that earn nothing under this year's model (named as
    /// the statistics name them). Nothing for a dimension without explanation lines.
    static func channelGroups(_ lines: [ExplanationLine], model: ScoringModel, labels: OptionLabels) -> [TemplateValue] {
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
                option.label.map { ["label": .string($0), "active": .bool(option.chosen)] }
            })
            group["uncounted"] = .list(uncounted.map { ["label": .string(labels.label($0.value, of: rule.field) ?? $0.value)] })
            group["hasUncounted"] = .bool(!uncounted.isEmpty)
            group["oneUncounted"] = .bool(uncounted.count == 1)
            return .object(group)
        }
    }

    /// The explanation lines with a channel the model does not score named by its label from the
    /// statistics (Rankings/ keeps the option's value: the model has no label for it).
    static func labelled(_ lines: [ExplanationLine], model: ScoringModel, labels: OptionLabels) -> [ExplanationLine] {
        let rules = Dictionary(model.dimensions.compactMap { dimension -> (String, PresenceRule)? in
            guard case .presence(let rule) = dimension.rule else { return nil }
            return (dimension.id, rule)
        }) { first, _ in first }
        return lines.map { line in
            guard let rule = rules[line.dimension], let value = rule.unscoredValue(of: line),
                  let label = labels.label(value, of: rule.field) else { return line }
            var relabelled = line
            relabelled.label = label
            relabelled.reason = PresenceRule.unscoredReason(label, model: model.name)
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
