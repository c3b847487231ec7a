import Core
import Foundation
import ROI
import Scoring
import Stats
import Testing
@testable import Site

/// What every page must be: self-contained, Dutch, marked as demo data, with links that work
/// from `file://`.
@Suite struct OutputTests {
    @Test func noPageLoadsAnythingFromElsewhere() throws {
        let files = try SharedSite.get().files
        var offending: [String] = []
        for (path, data) in files where [".html", ".css", ".js", ".svg"].contains(where: path.hasSuffix) {
            // A standalone SVG names its namespace, an identifier that is never loaded.
            let text = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "")
            for attribute in ["src", "href", "action", "srcset", "xlink:href"] {
                for value in attributeValues(attribute, in: text) {
                    let lower = value.lowercased()
                    if lower.hasPrefix("http:") || lower.hasPrefix("https:") || lower.hasPrefix("//") || lower.hasPrefix("/") {
                        offending.append("\(path): \(attribute)=\"\(value)\"")
                    }
                }
            }
            for marker in ["url(http", "url(//", "url(\"http", "url('http", "@import", "http://", "https://"] where text.contains(marker) {
                offending.append("\(path): \(marker)")
            }
        }
        let offendingCount = offending.count
        #expect(offendingCount == 0, "\(offending.prefix(10))")
    }

    @Test func everyPageIsDutchAndCarriesTheDemoBanner() throws {
        let shared = try SharedSite.get()
        let html = pages(shared.files)
        #expect(html.count == shared.summary.pages)
        let banner = "<p class=\"demo-banner\" id=\"demo-banner\"><strong>Demonstratie.</strong> Deze site toont verzonnen demonstratiegegevens."
        for page in html {
            #expect(page.text.hasPrefix("<!DOCTYPE html>\n<html lang=\"nl\">"), "\(page.path)")
            // Dutch throughout: no passage in another language.
            #expect(page.text.components(separatedBy: " lang=").count == 2, "\(page.path) has a passage marked with another language")
            #expect(page.text.contains(banner), "\(page.path) lacks the demo banner")
            #expect(page.text.components(separatedBy: "<h1").count == 2, "\(page.path) has one h1")
            #expect(page.text.contains("<main id=\"inhoud\""), "\(page.path)")
        }
    }

    /// Dutch agrees in number: `1 plaats`, `1 gemeente`, `1 punt` (the demo has each of them).
    @Test func oneIsSingular() throws {
        let plural = try NSRegularExpression(pattern: "(?<![0-9.,])1 (plaatsen|gemeenten|punten|antwoorden|vragenlijsten)\\b")
        let tag = try NSRegularExpression(pattern: "<[^>]+>")
        for page in pages(try SharedSite.get().files) {
            let text = tag.stringByReplacingMatches(in: page.text, range: NSRange(page.text.startIndex..., in: page.text), withTemplate: "")
            let found = plural.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { Range($0.range, in: text).map { text[$0] } }
            #expect(found.isEmpty, "\(page.path): \(found)")
        }
    }

    @Test func theBannerFollowsTheSiteConfiguration() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        try replace("synthetic_data: true", with: "synthetic_data: false", in: source.appendingPathComponent("site.yaml"))
        let output = folder.url.appendingPathComponent("out")
        try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        let html = pages(snapshot(output))
        #expect(html.count == shared.summary.pages)
        #expect(html.allSatisfy { !$0.text.contains("demo-banner") })
    }

    /// Every relative link and source points at a file of the site, and every `#fragment` at an
    /// element with that id in it.
    @Test func everyLinkResolvesToAFileOfTheSite() throws {
        let files = try SharedSite.get().files
        var ids: [String: Set<String>] = [:]
        for page in pages(files) { ids[page.path] = Set(attributeValues("id", in: page.text)) }
        var broken: [String] = []
        var checked = 0
        for page in pages(files) {
            let folder = (page.path as NSString).deletingLastPathComponent
            for link in attributeValues("href", in: page.text) + attributeValues("src", in: page.text) {
                let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let target = parts[0].isEmpty ? page.path : normalized(folder, parts[0])
                checked += 1
                guard !target.hasPrefix(".."), files[target] != nil else {
                    broken.append("\(page.path): \(link)")
                    continue
                }
                // A fragment with `=` is state a page's script reads (`vergelijk.html#gemeenten=…`), not an element.
                if parts.count == 2, !parts[1].isEmpty, !parts[1].contains("="), target.hasSuffix(".html"),
                   !(ids[target]?.contains(parts[1]) ?? false) {
                    broken.append("\(page.path): \(link) (no such id)")
                }
            }
        }
        #expect(checked > 5_000)
        let brokenCount = broken.count
        #expect(brokenCount == 0, "broken: \(broken.prefix(10))")
    }

    /// `link` followed from `folder` (both relative to the site root), `..` resolved; a path
    /// that leaves the root keeps a leading `..`.
    func normalized(_ folder: String, _ link: String) -> String {
        var parts: [Substring] = []
        for part in (folder.isEmpty ? link : folder + "/" + link).split(separator: "/") {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast() } else { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    @Test func theRankingHoldsEveryGemeenteAndItsParts() throws {
        let shared = try SharedSite.get()
        let ranking = try JSONDecoder().decode(Ranking.self, from: Data(contentsOf: shared.archive.rankings.appendingPathComponent("2012.json")))
        let page = String(decoding: shared.files["2012/index.html"] ?? Data(), as: UTF8.self)
        let rows = page.components(separatedBy: "<tr data-index=").dropFirst()
        #expect(rows.count == ranking.entries.count)
        for (row, entry) in zip(rows, ranking.entries) {
            #expect(row.contains(">\(entry.name.replacingOccurrences(of: "'", with: "&#39;"))</a></th>"))
            #expect(row.contains("<td data-sort=\"\(entry.rank)\">\(entry.rank)</td>"))
            #expect(row.contains("<td class=\"score\"><strong>\(entry.total)</strong></td>"))
            for part in ranking.parts { #expect(row.contains("<td data-sort=\"\(entry.parts[part.id] ?? -1)\">")) }
        }
        #expect(page.contains("<th scope=\"col\" data-key=\"verschil\" data-first=\"af\"><a href=\"sorteer-verschil-af.html\">Verschil met 2011</a></th>"))
    }

    @Test func sortedAndFilteredPagesWorkWithoutJavaScript() throws {
        let files = try SharedSite.get().files
        func rows(_ path: String) -> [String] {
            String(decoding: files[path] ?? Data(), as: UTF8.self).components(separatedBy: "<tr data-index=").dropFirst()
                .map { " data-index=" + $0 }
        }
        func value(_ row: String, _ attribute: String) -> String {
            attributeValues(attribute, in: row).first ?? ""
        }
        let all = rows("2012/index.html")
        // The size class column says what it shows.
        #expect(String(decoding: files["2012/index.html"] ?? Data(), as: UTF8.self).contains(">Grootteklasse</a></th>"))
        // By name, A–Z: the name-order values ascend.
        let byName = rows("2012/sorteer-gemeente-op.html")
        #expect(byName.count == all.count)
        let nameOrder = byName.map { row in Int(attributeValues("data-sort", in: row)[1]) ?? -1 }
        #expect(nameOrder == Array(0..<all.count))
        // By usage points, high to low; ties in ranking order.
        let byUsage = rows("2012/sorteer-onderdeel-usage-af.html")
        // Columns with a sort value: rank, name, change, the three parts, province, size class.
        let usage = byUsage.map { (points: Int(attributeValues("data-sort", in: $0)[5]) ?? -1, index: Int(value($0, "data-index")) ?? -1) }
        #expect(zip(usage, usage.dropFirst()).allSatisfy { $0.points > $1.points || ($0.points == $1.points && $0.index < $1.index) })
        // A size class page holds exactly the rows of that class, in ranking order.
        let small = rows("2012/grootte-10k-50k.html")
        #expect(small.count == all.filter { value($0, "data-grootte") == "10k-50k" }.count)
        #expect(small.allSatisfy { value($0, "data-grootte") == "10k-50k" })
        #expect(small.map { Int(value($0, "data-index")) ?? -1 } == small.map { Int(value($0, "data-index")) ?? -1 }.sorted())
        // A province page likewise.
        let province = rows("2012/provincie-noord-holland.html")
        #expect(!province.isEmpty && province.allSatisfy { value($0, "data-provincie") == "noord-holland" })
        // The header of the sorted column leads back to the ranking order; the others to their page.
        let sortedPage = String(decoding: files["2012/sorteer-gemeente-op.html"] ?? Data(), as: UTF8.self)
        #expect(sortedPage.contains("data-key=\"gemeente\" data-first=\"op\" aria-sort=\"ascending\"><a href=\"index.html\">"))
        #expect(sortedPage.contains("data-key=\"rang\" data-first=\"op\"><a href=\"index.html\">"))
        let index = String(decoding: files["2012/index.html"] ?? Data(), as: UTF8.self)
        #expect(index.contains("data-key=\"rang\" data-first=\"op\" aria-sort=\"ascending\">Rang</th>"))
        #expect(files["2012/sorteer-gemeente-af.html"] == nil && files["2012/sorteer-rang-af.html"] == nil)
    }

    @Test func searchKeysHoldTheOfficialNameAndItsAliases() throws {
        let page = String(decoding: try SharedSite.get().files["2012/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("data-zoek=\"s hertogenbosch|den bosch|hertogenbosch\""))
        #expect(page.contains("data-zoek=\"hoorn\""))
    }

    @Test func aGemeentePageHasItsChartsWithTextAlternatives() throws {
        let files = try SharedSite.get().files
        let page = String(decoding: files["2013/gemeente/hoorn.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<svg class=\"chart line-chart\""))
        #expect(page.contains("role=\"img\" aria-labelledby=\"rang-titel rang-beschrijving\""))
        #expect(page.contains("<title id=\"rang-titel\">Rang van Hoorn per editie</title>"))
        #expect(page.contains("<caption id=\"geschiedenis-titel\">Rang en score van Hoorn per editie</caption>"))
        // Three editions: three points, three rows, links back to the earlier editions' pages.
        #expect(page.components(separatedBy: "<circle class=\"point\"").count == 2 * 3 + 1)
        #expect(page.contains("<a href=\"../../2011/gemeente/hoorn.html\">2011</a>"))
        #expect(page.contains("mediaan"))
        // The first edition's page knows no later years, but for the links to the other editions.
        let first = String(decoding: files["2011/gemeente/hoorn.html"] ?? Data(), as: UTF8.self)
        #expect(!withoutEditionLinks(files["2011/gemeente/hoorn.html"]).contains("2012/") && !withoutEditionLinks(files["2011/gemeente/hoorn.html"]).contains("2013/"))
        #expect(first.contains("<a href=\"../../2013/gemeente/hoorn.html\">2013</a>"))
        #expect(first.components(separatedBy: "<circle class=\"point\"").count == 2 * 1 + 1)
    }

    /// The explanation is Scoring's own Dutch lines, and the channel list reads them.
    @Test func aGemeentePageExplainsItsScoreInDutch() throws {
        let files = try SharedSite.get().files
        let page = String(decoding: files["2012/gemeente/hoorn.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<tr><th scope=\"row\">Twitter</th><td>ja</td><td class=\"num\">5</td><td>actief op Twitter: 5 punten</td></tr>"))
        #expect(page.contains(" punten (half naar boven afgerond)</td>"))
        #expect(page.contains("<li class=\"active\"><span class=\"channel-name\">Twitter</span>: actief</li>"))
        #expect(!page.contains("points"))
    }

    /// A channel the year's model does not score (the synthetic 2012 form offers Instagram) is
    /// shown apart, named as the statistics name it; Rankings/ keeps its value.
    @Test func aChannelOutsideTheModelIsShownByItsLabelAndCountsForNothing() throws {
        let shared = try SharedSite.get()
        let pages = pages(shared.files).filter { $0.path.hasPrefix("2012/gemeente/") }
        let withInstagram = pages.filter { $0.text.contains("<li class=\"active uncounted\"><span class=\"channel-name\">Instagram</span>: actief, geen punten</li>") }
        #expect(!withInstagram.isEmpty)
        for page in withInstagram {
            #expect(page.text.contains("<p>Deze kanalen tellen mee voor het onderdeel Aanwezigheid van de score van 2012:</p>"), "\(page.path)")
            #expect(page.text.contains(" ook dit kanaal op; het telt in het scoringsmodel van 2012 niet mee:</p>"), "\(page.path)")
            #expect(page.text.contains("<tr><th scope=\"row\">Instagram</th><td>ja</td><td class=\"num\">0</td><td>&#39;Instagram&#39; levert geen punten op in het model meetlat-2012</td></tr>"), "\(page.path)")
        }
        // Scored channels are never listed as uncounted, and no page shows the bare value.
        for page in pages {
            #expect(!page.text.contains(">instagram<") && !page.text.contains("uncounted\"><span class=\"channel-name\">Twitter"), "\(page.path)")
        }
        let ranking = try RankingFile.load(year: 2012, rankings: shared.archive.rankings)
        #expect(ranking.entries.contains { $0.explanation?.contains { $0.label == "instagram" && $0.answer == ExplanationLine.chosen } == true })
        // The 2013 model scores "other" itself ("Ander kanaal"); the site names it as the
        // statistics do, one name per option.
        let hoorn2013 = String(decoding: shared.files["2013/gemeente/hoorn.html"] ?? Data(), as: UTF8.self)
        #expect(hoorn2013.contains("<span class=\"channel-name\">Ander</span>: "))
        #expect(!hoorn2013.contains("Ander kanaal"))
    }

    /// The notes on a score are Scoring's Dutch sentences, with the field's label; the ids stay
    /// in the downloads.
    @Test func aGemeentePageWritesItsNotesAsSentences() throws {
        let shared = try SharedSite.get()
        let ranking = try RankingFile.load(year: 2012, rankings: shared.archive.rankings)
        // The notes name each question as the statistics do (one name per question).
        let statistics = try StatisticsFile.load(year: 2012, statistics: shared.archive.statistics)
        let labels = QuestionLabels(options: statistics.options, tables: statistics.tables)
        let model = labels.relabelled(try ModelLibrary(folder: shared.archive.surveys.appendingPathComponent("models")).model(named: ranking.model))
        let flagged = ranking.entries.filter { !$0.flags.isEmpty }
        #expect(!flagged.isEmpty)
        for entry in flagged {
            let page = pages(shared.files).first { $0.path.hasPrefix("2012/gemeente/") && $0.text.contains("<h1>\(escaped(entry.name)) <span") }
            let text = try #require(page?.text, "\(entry.name)")
            for sentence in ScoreFlag.sentences(entry.flags, in: model) {
                #expect(text.contains("<li>\(escaped(sentence))</li>"), "\(entry.name): \(sentence)")
            }
            for id in entry.flags { #expect(!text.contains(id), "\(entry.name) shows \(id)") }
        }
        let all = pages(shared.files).filter { $0.path.hasPrefix("2012/gemeente/") }.map(\.text).joined()
        #expect(all.contains(": onbekend aantal: telt als 0 punten</li>"))
        #expect(all.contains(": schatting of afgerond aantal, gebruikt zoals opgegeven</li>"))
    }

    @Test func theStatisticsPageHasEveryTableOfTheYear() throws {
        let shared = try SharedSite.get()
        let page = String(decoding: shared.files["2012/statistieken.html"] ?? Data(), as: UTF8.self)
        let definition = try String(contentsOf: shared.archive.surveys.appendingPathComponent("statistics.yaml"), encoding: .utf8)
        let ids = definition.components(separatedBy: "\n  - id: ").dropFirst().map { String($0.prefix { !$0.isNewline }) }
        #expect(ids.count > 10)
        // Every table the year asked has its section; those it did not ask are named in one line.
        let shown = ids.filter { page.contains("id=\"tabel-\(SitePaths.slug($0))\"") }
        #expect(shown.count > 5)
        #expect(shown.count == ids.count || page.contains("<p class=\"not-asked\" id=\"niet-gevraagd\">Niet gevraagd in 2012"))
        #expect(page.contains("<svg class=\"chart bar-chart\""))
        #expect(!page.contains("In 2012 niet gevraagd."))
        #expect(page.contains("Stijgers en dalers sinds 2011"))
        #expect(page.range(of: "id=\"stijgers-titel\"")?.lowerBound ?? page.endIndex < page.range(of: "<section class=\"stat-table\"")?.lowerBound ?? page.startIndex,
                "risers and fallers first")
        #expect(!page.contains("— estimates"), "captions are in Dutch")
        // Headings and notes are Stats' Dutch rendering.
        #expect(page.contains("<th scope=\"col\" class=\"num\">95%-betrouwbaarheidsinterval (Wilson)</th>"))
        #expect(page.contains("<li>percentages van wie de vraag beantwoordde: "))
        #expect(page.contains("<li>nationale schatting, naar grootteklasse gewogen: "))
        #expect(page.contains(" met de Socialmediameetlat 2012."), "models by their labels")
        for english in ["post-stratified", "respondents", "95 % CI", "lang=\"en\""] { #expect(!page.contains(english), "\(english)") }
        // The downloads carry the same Dutch headings.
        let csv = String(decoding: shared.files["2012/data/statistieken-2012-channels.csv"] ?? Data(), as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}Optie;% (aantal/beantwoord);"))
    }

    @Test func theROIPageCarriesEachScenariosExportAndItsResults() throws {
        let page = String(decoding: try SharedSite.get().files["roi/index.html"] ?? Data(), as: UTF8.self)
        #expect(page.contains("<td class=\"num\">55</td><td>euro/uur</td>"), "units are Dutch")
        // Inputs by their labels (with the help text); visitors see no identifiers of the scenario file.
        #expect(page.contains("<tr><th scope=\"row\">Vragen per jaar<span class=\"input-help\">Het totaal; "))
        #expect(!page.contains("<code>questions_per_year</code>"))
        #expect(!page.contains("Naam in het scenariobestand"))
        #expect(page.contains("<tr><th scope=\"row\">Uurtarief</th><td class=\"num\">55</td>"))
        #expect(!page.contains("<th scope=\"row\"><code>"))
        let files = try FileManager.default.contentsOfDirectory(atPath: Repository.scenarios.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 1)
        for file in files {
            let model = CompiledScenario(try ScenarioLoader.load(path: Repository.scenarios.appendingPathComponent(file).path))
            let id = String(file.dropLast(5))
            let json = ModelExport.json(model).text.replacingOccurrences(of: "<", with: "\\u003c")
            #expect(page.contains("<script type=\"application/json\" class=\"roi-model\" id=\"model-\(id)\">\(json)</script>"))
            let metrics = model.evaluate(model.baseValues)
            #expect(page.contains("<span class=\"npv\" data-value=\"\(metrics.npv)\">"))
            if let roi = metrics.roi { #expect(page.contains("<span class=\"roi\" data-value=\"\(roi)\">")) }
        }
    }
}

/// Text as the templates write it between tags.
private func escaped(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        .replacingOccurrences(of: "'", with: "&#39;")
}
