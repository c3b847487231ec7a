import Foundation
import Mustache
import Testing
@testable import Site

/// The site's template engine: Mustache as the specification and swift-mustache have it.
@Suite struct TemplateTests {
    func render(_ templates: [String: String], _ name: String, _ data: TemplateData) throws -> String {
        let library = try TemplateLibrary(templates.sorted { $0.key < $1.key }.map {
            try TemplateParser.parse($0.value, name: $0.key, file: "\($0.key).mustache")
        })
        return try library.render(name, data)
    }

    @Test func variablesAreEscapedUnlessTripleBraced() throws {
        let data: TemplateData = ["name": "'s-Hertogenbosch <b>&\"", "count": 3, "flag": true]
        #expect(try render(["t": "{{name}}|{{{name}}}|{{&name}}|{{count}}|{{flag}}|{{missing}}."], "t", data)
                == "&#39;s-Hertogenbosch &lt;b&gt;&amp;&quot;|'s-Hertogenbosch <b>&\"|'s-Hertogenbosch <b>&\"|3|true|.")
    }

    @Test func sectionsIterateTestAndLookOutwards() throws {
        let data: TemplateData = [
            "year": 2012,
            "rows": [["name": "Hoorn"], ["name": "Boxtel", "year": 2011]],
            "empty": [], "no": false, "yes": true, "object": ["inner": ["value": "x"]],
        ]
        let template = "{{#rows}}{{name}} {{year}};{{/rows}}{{^empty}}none{{/empty}}{{#no}}!{{/no}}{{#yes}}{{year}}{{/yes}}{{#object.inner}}{{value}}{{/object.inner}}{{object.inner.value}}{{#rows}}{{.}}{{/rows}}"
        #expect(try render(["t": template], "t", data) == "Hoorn 2012;Boxtel 2011;none2012xx")
        #expect(try render(["t": "{{#list}}{{.}},{{/list}}"], "t", ["list": ["a", "b"]]) == "a,b,")
    }

    @Test func standaloneTagLinesLeaveNoTrace() throws {
        let template = "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n"
        #expect(try render(["t": template], "t", ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // A tag that shares its line with text is not standalone.
        #expect(try render(["t": "a {{#x}}\nb{{/x}} c\n"], "t", ["x": true]) == "a \nb c\n")
    }

    @Test func partialsAndIndentation() throws {
        let templates = ["page": "<div>\n  {{>item}}\n</div>\n", "item": "<p>{{name}}</p>\n<p>2</p>\n"]
        #expect(try render(templates, "page", ["name": "Hoorn"]) == "<div>\n  <p>Hoorn</p>\n  <p>2</p>\n</div>\n")
    }

    @Test func theMostDerivedTemplateDecidesABlock() throws {
        let templates = [
            "layout": "<title>{{$title}}Site{{/title}}</title>{{$main}}{{/main}}",
            "page": "{{<layout}}{{$title}}Page {{year}}{{/title}}{{$main}}{{<box}}{{$inside}}x{{/inside}}{{/box}}{{/main}}{{/layout}}",
            "box": "[{{$inside}}default{{/inside}}|{{$title}}box title{{/title}}]",
        ]
        // The box sees the page's title block: overrides from outside win over the box's default.
        #expect(try render(templates, "page", ["year": 2012]) == "<title>Page 2012</title>[x|Page 2012]")
        #expect(try render(templates, "layout", [:]) == "<title>Site</title>")
    }

    @Test func mistakesInTemplatesAreNamedWithFileAndLine() {
        func problem(_ text: String) -> String {
            do {
                _ = try TemplateLibrary([try TemplateParser.parse(text, name: "t", file: "t.mustache")])
                return "no error"
            } catch {
                return String(describing: error)
            }
        }
        #expect(problem("a\n{{#rows}}\nb\n") == "t.mustache:2: 'rows' is opened here and never closed")
        #expect(problem("{{#a}}{{/b}}") == "t.mustache:1:7: '{{/b}}' found where '{{/a}}' (opened on line 1) was expected")
        #expect(problem("x\n  {{name") == "t.mustache:2:3: a tag opened here is never closed with '}}'")
        #expect(problem("{{=<% %>=}}") == "t.mustache:1:1: changing the delimiters is not supported")
        #expect(problem("{{>nowhere}}") == "t.mustache:1: names the template 'nowhere', which does not exist")
        #expect(problem("{{<layout}}text{{/layout}}").contains("only blocks"))
    }

    /// Every page of a build, rendered by swift-mustache from the same data, is the same page:
    /// the templates are plain Mustache and the site does not depend on its own engine.
    @Test func swiftMustacheRendersTheSamePages() throws {
        let shared = try SharedSite.get()
        let data = try SiteData.load(shared.archive.input())
        let (pages, _) = try SiteBuilder.pageSet(data)
        var library = MustacheLibrary()
        let folder = Repository.siteSource.appendingPathComponent("templates")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".mustache") {
            try library.register(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8),
                                 named: String(file.dropLast(".mustache".count)))
        }
        // All pages but three in four gemeente pages (swift-mustache takes milliseconds a page).
        let sample = pages.enumerated().filter { $1.template != "gemeente" || $0 % 4 == 0 }.map(\.element)
        #expect(sample.count > 100)
        var different: [String] = []
        for page in sample {
            let context = page.context()
            let ours = try data.source.render(page.template, context)
            let theirs = library.render(Self.plain(.object(context)), withTemplate: page.template) ?? ""
            if ours != theirs { different.append(page.path) }
        }
        #expect(different.isEmpty, "pages that differ: \(different.prefix(5))")
    }

    /// Template data as the dictionaries and arrays swift-mustache reads.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case .string(let text): return text
        case .number(let number): return number
        case .bool(let flag): return flag
        case .list(let items): return items.map(plain)
        case .object(let object): return Dictionary(object.entries.map { ($0.key.name, plain($0.value)) }) { _, last in last }
        }
    }
}
