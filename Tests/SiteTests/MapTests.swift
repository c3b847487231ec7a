import Core
import Foundation
import Ingest
import Scoring
import Support
import Testing
@testable import Site

/// The editions' maps (`<year>/kaart.html`): the committed boundaries against the reference, the
/// TopoJSON reading, refusals of files that do not fit the year, and the page as built.
@Suite struct MapTests {
    static let surveys = SyntheticArchive.repositoryRoot.appendingPathComponent("Surveys")
    static let boundaries = SurveyFolder(surveys).referenceURL.appendingPathComponent("boundaries")

    /// The figures: every gemeente of the year has exactly one shape.
    @Test(arguments: [(2011, 418), (2012, 415), (2013, 408)])
    func theCommittedBoundariesHaveOneShapePerGemeente(year: Int, count: Int) throws {
        let reference = try SurveyFolder(Self.surveys).reference()
        let gemeenten = reference.gemeenten(in: year)
        #expect(gemeenten.count == count)
        let map = try GemeenteMap.load(GemeenteMap.url(year: year, in: Self.boundaries), year: year, gemeenten: gemeenten)
        #expect(map.paths.count == count)
        #expect(Set(map.paths.keys) == Set(gemeenten.map(\.code)))
        for (code, data) in map.paths {
            #expect(data.hasPrefix("M") && data.hasSuffix("z"), "\(code): \(data.prefix(40))")
        }
        // The whole country in a drawing about 1,100 × 1,300 units (250 m each).
        #expect((1000...1200).contains(map.width) && (1150...1350).contains(map.height), "\(map.width) × \(map.height)")
    }

    /// Two squares sharing one arc, quantized and delta-encoded: the second square walks the
    /// shared arc backwards (`~0`), and both draw it at the same points.
    @Test func arcsAreDecodedAndSharedBordersMatch() throws {
        let json = """
            {"type":"Topology","transform":{"scale":[250,250],"translate":[100000,400000]},
             "objects":{"gemeenten":{"type":"GeometryCollection","geometries":[
               {"type":"Polygon","id":"GM0001","arcs":[[0,1]]},
               {"type":"Polygon","id":"GM0002","arcs":[[2,-1]]}]}},
             "arcs":[[[4,0],[0,4]],[[4,4],[-4,0],[0,-4],[4,0]],[[4,0],[4,0],[0,4],[-4,0]]]}
            """
        let topology = try JSONDecoder().decode(TopoJSON.self, from: Data(json.utf8))
        let map = try GemeenteMap(topology, path: "test.topojson", year: 2013, gemeenten: [gemeente("GM0001"), gemeente("GM0002")])
        #expect(map.width == 8 && map.height == 4)
        // y is flipped (the file's north is the drawing's top); the shared border is x = 4 in both.
        #expect(map.paths["GM0001"] == "M4 4l0-4-4 0 0 4z")
        #expect(map.paths["GM0002"] == "M4 4l4 0 0-4-4 0z")
    }

    @Test func aFileThatDoesNotFitTheYearIsRefused() throws {
        let url = GemeenteMap.url(year: 2013, in: Self.boundaries)
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let reference = try SurveyFolder(Self.surveys).reference()
        func refusal(_ change: (inout [String: Any]) -> Void, year: Int = 2013) -> String? {
            var topology = original
            change(&topology)
            guard let data = try? JSONSerialization.data(withJSONObject: topology),
                  let decoded = try? JSONDecoder().decode(TopoJSON.self, from: data) else { return "not decoded" }
            do {
                _ = try GemeenteMap(decoded, path: "gemeente_2013.topojson", year: year, gemeenten: reference.gemeenten(in: year))
                return nil
            } catch { return String(describing: error) }
        }
        func geometries(_ topology: inout [String: Any], _ change: (inout [[String: Any]]) -> Void) {
            var objects = topology["objects"] as! [String: Any]
            var object = objects["gemeente_2013"] as! [String: Any]
            var list = object["geometries"] as! [[String: Any]]
            change(&list)
            object["geometries"] = list
            objects["gemeente_2013"] = object
            topology["objects"] = objects
        }
        #expect(refusal { _ in } == nil)
        // The 2013 file read as 2011's: the gemeenten that merged on 1 January 2013 are missing.
        let asAnotherYear = try #require(refusal({ _ in }, year: 2011))
        #expect(asAnotherYear.hasPrefix("gemeente_2013.topojson: "), "\(asAnotherYear)")
        #expect(asAnotherYear.contains("which the reference does not know on 1 January 2011")
            || asAnotherYear.contains("has no shape for"), "\(asAnotherYear)")
        let missing = try #require(refusal { geometries(&$0) { list in list.removeAll { ($0["id"] as? String) == "GM0405" } } })
        #expect(missing == "gemeente_2013.topojson: has no shape for 1 gemeente(n) of 2013: GM0405; expected the boundaries of 1 January 2013")
        let twice = try #require(refusal { geometries(&$0) { list in list.append(list[0]) } })
        #expect(twice.contains("geometry 409: gemeente \(original.firstCode) has a second shape"), "\(twice)")
        let unknown = try #require(refusal { geometries(&$0) { list in list[0]["id"] = "GM9999" } })
        #expect(unknown.contains("geometry 1 is gemeente GM9999, which the reference does not know on 1 January 2013"), "\(unknown)")
        let noCode = try #require(refusal { geometries(&$0) { list in list[0]["id"] = nil; list[0]["properties"] = [:] as [String: Any] } })
        #expect(noCode.contains("geometry 1 has no gemeente code"), "\(noCode)")
        let lonLat = try #require(refusal { $0["crs"] = ["type": "name", "properties": ["name": "urn:ogc:def:crs:EPSG::4326"]] })
        #expect(lonLat.contains("coordinate system urn:ogc:def:crs:EPSG::4326; expected the Dutch national grid"), "\(lonLat)")
        let badArc = try #require(refusal { geometries(&$0) { list in list[0]["arcs"] = [[99_999]] } })
        #expect(badArc.contains("refers to arc 99999, but the topology has"), "\(badArc)")
    }

    @Test func aFileThatIsNotJSONNamesItself() throws {
        let folder = try TemporaryFolder("map")
        let url = GemeenteMap.url(year: 2013, in: folder.url)
        try Data("{\"type\": \"Topology\", \"arcs\": [".utf8).write(to: url)
        let error = #expect(throws: DataFileError.self) { try GemeenteMap.load(url, year: 2013, gemeenten: []) }
        #expect(error?.description.hasPrefix(url.path + ": ") == true, "\(String(describing: error))")
    }

    /// The built page: a shape and a link per gemeente of the year, the ranked ones coloured by
    /// their fifth of the ranking, the others hatched, every link to a page that exists.
    @Test(arguments: SharedSite.years)
    func theMapPageShowsEveryGemeenteOfTheYear(year: Int) throws {
        let site = try SharedSite.get()
        let files = site.files
        let path = SitePaths.map(year)
        let html = String(decoding: try #require(files[path]), as: UTF8.self)
        let reference = try SurveyFolder(site.archive.surveys).reference()
        let ranking = try RankingFile.load(year: year, rankings: site.archive.rankings)
        let gemeenten = reference.gemeenten(in: year)
        let svg = try #require(html.range(of: "<svg").flatMap { start in html.range(of: "</svg>").map { html[start.lowerBound..<$0.upperBound] } })
        #expect(svg.components(separatedBy: "<path ").count - 1 == gemeenten.count)
        #expect(svg.components(separatedBy: "class=\"niet-meegedaan\"").count - 1 == gemeenten.count - ranking.entries.count)
        for entry in ranking.entries {
            let expected = "klasse-\(MapPage.rankClass(entry.rank, of: ranking.entries.count))"
            let shape = try #require(svg.range(of: "id=\"\(entry.code)\"><title>").flatMap { start in
                svg[start.upperBound...].range(of: "</a>").map { svg[start.upperBound..<$0.lowerBound] }
            }, "\(entry.code) has no link on the map")
            #expect(shape.contains(": rang \(entry.rank) van \(ranking.entries.count), \(entry.total) punten</title><path class=\"\(expected)\""),
                    "\(entry.code): \(shape.prefix(120))")
        }
        let links = attributeValues("href", in: String(svg))
        #expect(links.count == gemeenten.count)
        for link in links { #expect(files["\(year)/" + link] != nil, "\(path) links \(link), which the site does not have") }
        // Every gemeente's row in the table, the map's text alternative.
        #expect(html.components(separatedBy: "<tr").count - 2 == gemeenten.count)
    }

    @Test func ranksFallIntoFifthsWithTiesTogether() {
        #expect(MapPage.rankClass(1, of: 238) == 1)
        #expect(MapPage.rankClass(48, of: 238) == 1)
        #expect(MapPage.rankClass(49, of: 238) == 2)
        #expect(MapPage.rankClass(238, of: 238) == 5)
        #expect(MapPage.rankClass(1, of: 1) == 1)
        // Fewer gemeenten than classes: each its own class, spread over the scale.
        #expect((1...3).map { MapPage.rankClass($0, of: 3) } == [1, 2, 4])
    }

    @Test func anEditionWithoutBoundariesGetsTheTableAndSaysWhy() throws {
        let site = try SharedSite.get()
        let empty = try TemporaryFolder("map-none"), folder = try TemporaryFolder("map-none-site")
        var input = site.archive.input()
        input.boundaries = empty.url
        let output = folder.url.appendingPathComponent("_site")
        try SiteBuilder.build(input, output: output, progress: false)
        let html = try String(contentsOf: output.appendingPathComponent(SitePaths.map(2013)), encoding: .utf8)
        #expect(!html.contains("<svg viewBox"))
        #expect(html.contains("Voor 2013 is er geen kaart: de gemeentegrenzen van dat jaar ontbreken"))
        // The gemeente pages' links to the map still find their gemeente: in the table.
        #expect(html.contains("<tr id=\"GM0405\">"))
    }

    func gemeente(_ code: String) -> Gemeente {
        Gemeente(code: code, name: code, province: "Utrecht", firstYear: 2000)
    }
}

extension [String: Any] {
    /// The code of the first geometry of a parsed 2013 boundaries file.
    var firstCode: String {
        let objects = self["objects"] as? [String: Any]
        let geometries = (objects?["gemeente_2013"] as? [String: Any])?["geometries"] as? [[String: Any]]
        return geometries?.first?["id"] as? String ?? ""
    }
}
