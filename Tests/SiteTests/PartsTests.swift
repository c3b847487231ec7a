import Configuration
import Core
import Foundation
import Scoring
import Stats
import Testing
@testable import Site

@Suite struct PathTests {
    @Test func linksAreRelativeToThePage() {
        #expect(SitePaths.relative(from: "index.html", to: "2012/index.html") == "2012/index.html")
        #expect(SitePaths.relative(from: "2012/index.html", to: "2012/gemeente/hoorn.html") == "gemeente/hoorn.html")
        #expect(SitePaths.relative(from: "2012/gemeente/hoorn.html", to: "2012/index.html") == "../index.html")
        #expect(SitePaths.relative(from: "2013/gemeente/hoorn.html", to: "2011/gemeente/hoorn.html") == "../../2011/gemeente/hoorn.html")
        #expect(SitePaths.relative(from: "roi/index.html", to: "assets/site.css") == "../assets/site.css")
        #expect(SitePaths.root(from: "2012/gemeente/a.html") == "../../")
        #expect(SitePaths.root(from: "index.html") == "")
    }

    @Test func fileNamesAreFoldedNames() {
        #expect(SitePaths.slug("'s-Hertogenbosch") == "s-hertogenbosch")
        #expect(SitePaths.slug("Súdwest-Fryslân") == "sudwest-fryslan")
        #expect(SitePaths.slug("Bergen (NH.)") == "bergen-nh")
        #expect(SitePaths.slug("Noord-Holland") == "noord-holland")
        #expect(SitePaths.sorted(2012, key: "rang", ascending: true) == "2012/index.html")
        #expect(SitePaths.sorted(2012, key: "rang", ascending: false) == "2012/sorteer-rang-af.html")
    }
}

@Suite struct StatisticsPartsTests {
    @Test func chartsTakeTheNumberACellStandsFor() {
        #expect(chartValue(.share(Proportion(1, of: 4))) == 25)
        #expect(chartValue(.number(4.19, decimals: 2)) == 4.19)
        #expect(chartValue(.notAsked) == nil)
        #expect(chartValue(.interval(ProportionInterval(low: 0.79, high: 0.884), decimals: 1)) == nil)
    }

    @Test func roundScaleMaximaForBarCharts() {
        #expect(niceMaximum(7.3) == 10)
        #expect(niceMaximum(4.19) == 5)
        #expect(niceMaximum(23) == 25)
        #expect(niceMaximum(160) == 200)
    }
}

@Suite struct SourceTests {
    @Test func theSiteConfigurationIsChecked() throws {
        let good = try SiteConfig.parse("title: T\nsynthetic_data: true\nbanner: Demo\n", file: "site.yaml")
        #expect(good.shownBanner == "Demo")
        #expect(try SiteConfig.parse("title: T\nsynthetic_data: false\n", file: "site.yaml").shownBanner == nil)
        let unknown = #expect(throws: ConfigError.self) { try SiteConfig.parse("title: T\nsynthetic_data: true\nbaner: x\n", file: "site.yaml") }
        #expect(unknown?.description == "site.yaml:3:1: unknown key `baner`; did you mean `banner`?")
        let noBanner = #expect(throws: ConfigError.self) { try SiteConfig.parse("title: T\nsynthetic_data: true\n", file: "site.yaml") }
        #expect(noBanner?.description == "site.yaml:1:1: missing key `banner`; synthetic_data is true, so every page must say so")
        let blankBanner = #expect(throws: ConfigError.self) { try SiteConfig.parse("title: T\nsynthetic_data: true\nbanner: \" \"\n", file: "site.yaml") }
        #expect(blankBanner?.description == "site.yaml:3:9: banner: expected text, found nothing; synthetic_data is true, so every page must say so")
        let notBool = #expect(throws: ConfigError.self) { try SiteConfig.parse("title: T\nsynthetic_data: misschien\n", file: "site.yaml") }
        #expect(notBool?.description == "site.yaml:2:17: synthetic_data: expected true or false, found `misschien`")
    }

    @Test func aBrokenOrMissingTemplateIsNamed() throws {
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        try replace("{{/section.home}}", with: "{{/section.hom}}", in: source.appendingPathComponent("templates/layout.mustache"))
        let broken = #expect(throws: SiteError.self) { try SiteSource.load(source) }
        let brokenMessage = broken?.description ?? ""
        #expect(brokenMessage.hasPrefix(source.appendingPathComponent("templates/layout.mustache").path + ":"))

        try FileManager.default.removeItem(at: source)
        let again = try copyOfSiteSource(into: folder.url)
        try FileManager.default.removeItem(at: again.appendingPathComponent("templates/gemeente.mustache"))
        let missing = #expect(throws: SiteError.self) { try SiteSource.load(again) }
        let missingMessage = missing?.description ?? ""
        #expect(missingMessage.contains("gemeente.mustache: not found; expected the template 'gemeente'"))
    }
}

/// The channel list of a gemeente page, from Scoring's explanation lines.
@Suite struct ChannelListTests {
    let model: ScoringModel
    let labels = QuestionLabels(options: [
        OptionShares(definition: TableDefinition(id: "channels", title: "Kanalen", kind: .options, field: "channels",
                                                 options: [ValueLabel(value: "other", label: "Ander"),
                                                           ValueLabel(value: "twitter", label: "Twitter (X)")]),
                     shares: nil),
    ], tables: [])

    init() throws {
        model = try ModelLibrary(folder: Repository.root.appendingPathComponent("Surveys/models")).model(named: "meetlat-2012")
    }

    func lines(_ channels: FieldValue) throws -> [ExplanationLine] {
        let response = Response(gemeente: "GM0405", row: 2, values: ["channels": channels])
        return try Scorer(model: model).score(response, inhabitants: 50_000).explanation
    }

    func group(_ value: TemplateValue?) -> TemplateData? {
        if case .object(let data) = value { return data }
        return nil
    }

    @Test func everyChannelTakesTheStatisticsLabel() throws {
        let groups = GemeentePages.channelGroups(try lines(.selection(["twitter", "other", "tiktok"])), model: model, labels: labels)
        let presence = try #require(group(groups.first))
        #expect(presence["dimension"] == .string("Aanwezigheid"))
        #expect(presence["unanswered"] == .bool(false))
        guard case .list(let counted) = presence["counted"], case .list(let uncounted) = presence["uncounted"] else {
            Issue.record("no channel lists"); return
        }
        #expect(counted.count == 8)
        // One name per question and option: the statistics' label, also for a channel the model
        // labels itself; without a statistics label, the model's.
        #expect(counted[1] == ["label": "Twitter (X)", "active": true])
        #expect(counted[0] == ["label": "LinkedIn", "active": false])
        // Sorted by value; a value the statistics do not label is shown as it is.
        #expect(uncounted == [["label": "Ander"], ["label": "tiktok"]])
        #expect(presence["oneUncounted"] == .bool(false))

        let shown = GemeentePages.labelled(try lines(.selection(["other"])), model: model, labels: labels)
        let other = try #require(shown.first { $0.answer == ExplanationLine.chosen })
        #expect(other.label == "Ander" && other.points == 0)
        #expect(other.reason == "'Ander' levert geen punten op in het model meetlat-2012")
    }

    @Test func anUnansweredQuestionIsSaidSo() throws {
        let groups = GemeentePages.channelGroups(try lines(.missing), model: model, labels: labels)
        #expect(groups.count == 1)
        #expect(group(groups.first)?["unanswered"] == .bool(true))
        #expect(GemeentePages.channelGroups([], model: model, labels: labels).isEmpty)
    }
}

/// `canonical_url` in site.yaml (issue 13): read by the one configuration reader, normalised to
/// end in `/`, and refused when it is not a site's address.
@Suite struct CanonicalURLTests {
    @Test func readAndNormalised() throws {
        let base = "title: T\nsynthetic_data: false\n"
        #expect(try SiteConfig.parse(base, file: "site.yaml").canonicalURL == nil)
        #expect(try SiteConfig.parse(base + "canonical_url: https://meetlat.example/site\n", file: "site.yaml").canonicalURL
                == "https://meetlat.example/site/")
        #expect(try SiteConfig.parse(base + "canonical_url: https://meetlat.example/\n", file: "site.yaml").canonicalURL
                == "https://meetlat.example/")
    }

    @Test(arguments: ["ftp://meetlat.example/", "meetlat.example", "https://meetlat.example/?a=1", "https:///pad/"])
    func refused(value: String) throws {
        let error = #expect(throws: ConfigError.self) {
            try SiteConfig.parse("title: T\nsynthetic_data: false\ncanonical_url: \(value)\n", file: "site.yaml")
        }
        #expect(error?.description.contains("site.yaml:3:") == true)
        #expect(error?.description.contains("expected the site's address") == true)
    }
}
