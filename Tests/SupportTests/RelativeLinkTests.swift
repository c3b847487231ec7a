import Support
import Testing

@Suite struct RelativeLinkTests {
    @Test func linksBetweenFilesOfOneFolder() {
        #expect(RelativeLink.from("index.html", to: "2012/index.html") == "2012/index.html")
        #expect(RelativeLink.from("2012/gemeente/hoorn.html", to: "2012/index.html") == "../index.html")
        #expect(RelativeLink.from("2013/gemeente/hoorn.html", to: "2011/gemeente/hoorn.html") == "../../2011/gemeente/hoorn.html")
        #expect(RelativeLink.from("api/v1/editions.json", to: "api/v1/2012/ranking.json") == "2012/ranking.json")
        #expect(RelativeLink.from("api/v1/gemeente/GM0405.json", to: "api/v1/2013/gemeente/GM0405.json") == "../2013/gemeente/GM0405.json")
        #expect(RelativeLink.from("a/b.html", to: "a/b.html") == "b.html")
    }
}
