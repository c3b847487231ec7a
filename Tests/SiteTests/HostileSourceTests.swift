import Foundation
import PersonalData
import Testing
@testable import Site
import XLSX

/// The HTML made from Markdown content keeps text and Markdown's own markup and loses every way
/// to run script (issue 19, item 6). The browser test `Tests/Browser/test_hostile_content.py`
/// checks the same vectors in Chromium.
@Suite struct MarkdownHTMLTests {
    func sanitized(_ markdown: String) -> String {
        MarkdownHTML.html(fromMarkdown: markdown).html
    }

    @Test func markdownsOwnMarkupStays() {
        let markdown = """
            # Kop

            Een **vette** en *schuine* tekst met `code`, een [link](https://example.org/a?b=1&c=2) en
            [relatief](../methode.html#weging), mail [ons](mailto:info@example.org).

            - een
            - twee

            1. drie

            > citaat

            | a | b |
            |:--|--:|
            | 1 | 2 |

            ![kaart](kaart.png)

            ```swift
            let x = 1 < 2
            ```
            """
        let result = MarkdownHTML.html(fromMarkdown: markdown)
        #expect(result.removed.isEmpty, "Markdown's own output passes unchanged")
        #expect(MarkdownHTML.sanitize(result.html).html == result.html)
        for part in ["<h1>Kop</h1>", "<strong>vette</strong>", "<em>schuine</em>", "<code>code</code>",
                     "<a href=\"https://example.org/a?b=1&amp;c=2\">link</a>", "<a href=\"../methode.html#weging\">relatief</a>",
                     "<a href=\"mailto:info@example.org\">ons</a>", "<li>twee</li>", "<ol><li>drie</li></ol>",
                     "<blockquote>", "<th align=\"left\">a</th>", "<td align=\"right\">2</td>", "<img src=\"kaart.png\" alt=\"kaart\">",
                     "<pre><code class=\"language-swift\">let x = 1 &lt; 2"] {
            #expect(result.html.contains(part), "\(part) in \(result.html)")
        }
    }

    @Test(arguments: [
        ("<script>window.__pwned = 1</script>", "removed <script> with its content"),
        ("<SCRIPT SRC=x.js></SCRIPT >", "removed <script> with its content"),
        ("<img src=x onerror=\"window.__pwned=1\">", "removed attribute onerror from <img>"),
        ("![logo](x\" onerror=\"window.__pwned=1\")", "removed attribute onerror from <img>"),
        ("[a](javascript:window.__pwned=1)", "removed href"),
        ("<a href=\"jav&#x09;ascript:alert(1)\">a</a>", "removed href"),
        ("<a href=\"&#106;avascript&colon;alert(1)\">a</a>", "removed href"),
        ("<a href=\" JAVASCRIPT:alert(1)\">a</a>", "removed href"),
        ("<a href=\"data:text/html,<script>alert(1)</script>\">a</a>", "removed href"),
        ("<a href=\"vbscript:x\">a</a>", "removed href"),
        ("<svg onload=alert(1)><script>alert(1)</script></svg>", "removed <svg> with its content"),
        ("<iframe src=\"javascript:alert(1)\"></iframe>", "removed <iframe> with its content"),
        ("<div style=\"background:url(javascript:alert(1))\" onclick=x>tekst</div>", "removed the tags <div> (their text kept)"),
        ("<p onmouseover=alert(1)>tekst</p>", "removed attribute onmouseover from <p>"),
        ("<img src=\"https://tracker.example/p.gif\">", "removed src"),
        ("<!-- <script>alert(1)</script> -->", "removed an HTML comment"),
        ("<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "removed <math> with its content"),
        ("<style>body{display:none}</style>", "removed <style> with its content"),
        ("<a id=\"__pwned\" name=\"__pwned\">x</a>", "removed attribute id from <a>"),
    ])
    func scriptVectorIsRemoved(markdown: String, expectedNote: String) {
        let result = MarkdownHTML.html(fromMarkdown: markdown)
        let html = result.html.lowercased()
        for forbidden in ["<script", "javascript:", "onerror", "onload", "onclick", "onmouseover", "<svg", "<iframe", "<math",
                          "vbscript", "data:", "style", "tracker.example", " id=", " name="] {
            #expect(!html.contains(forbidden), "\(markdown) → \(result.html)")
        }
        #expect(result.removed.contains { $0.hasPrefix(expectedNote) }, "\(result.removed)")
    }

    @Test func textAroundRemovedMarkupStaysAndEverythingIsClosed() {
        #expect(sanitized("Voor <b onclick=x>vet</b> na") == "<p>Voor <b>vet</b> na</p>")
        #expect(MarkdownHTML.sanitize("<p>a <em>b <strong>c</p> d &x < e > f & g").html
                == "<p>a <em>b <strong>c</strong></em></p> d &amp;x &lt; e &gt; f &amp; g")
        #expect(MarkdownHTML.sanitize("<a href='https://example.org/?a=1&amp;b=\"2\"'>x</a>").html
                == "<a href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\">x</a>")
        #expect(MarkdownHTML.sanitize("<td align=center colspan=2 bgcolor=red>x</td>").html == "<td align=\"center\" colspan=\"2\">x</td>")
        #expect(MarkdownHTML.sanitize("a <script>never closed").html == "a ")
        #expect(MarkdownHTML.sanitize("<img src=\"kaart.png\" alt=\"Kaart &amp; legenda\"/>").html == "<img src=\"kaart.png\" alt=\"Kaart &amp; legenda\">")
    }
}

/// Symbolic links, the allow-list and file names in a real build (issue 19, items 14 and 15).
@Suite struct SiteSourceSafetyTests {
    @Test func aSymbolicLinkInTheSiteSourcesIsRefused() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        let secret = folder.url.appendingPathComponent("hostname")
        try Data("geheim 06-12345678\n".utf8).write(to: secret)
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("assets/hostname.txt").path,
                                                   withDestinationPath: secret.path)
        let output = folder.url.appendingPathComponent("_site")
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        #expect(error?.description == "\(source.path)/assets/hostname.txt: is a symbolic link (to \(secret.path)); site sources must be "
                + "plain files and folders inside \(source.path), so that the build never publishes a file from elsewhere")
        #expect(!FileManager.default.fileExists(atPath: output.path))

        // A linked folder is refused the same way.
        try FileManager.default.removeItem(at: source.appendingPathComponent("assets/hostname.txt"))
        try FileManager.default.createSymbolicLink(atPath: source.appendingPathComponent("content/extra").path,
                                                   withDestinationPath: folder.url.path)
        #expect(throws: SiteError.self) { try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false) }
    }

    @Test func fileNamesAndTextInBinaryExtensionsAreScanned() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        try Data("body{}".utf8).write(to: source.appendingPathComponent("assets/jan.jansen@example.nl.css"))
        try Data("gewone tekst, bel 0229-252201".utf8).write(to: source.appendingPathComponent("assets/notities.png"))
        try Data(#"{"mail":"piet\u0040example.nl"}"#.utf8).write(to: source.appendingPathComponent("assets/data.json"))
        let output = folder.url.appendingPathComponent("_site")
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        let message = error?.description ?? ""
        #expect(message.contains("\(output.path)/assets/ja*.******@*******.nl.css: file name: e-mail address 'ja*.******@*******.nl'"))
        #expect(message.contains("\(output.path)/assets/notities.png:1:19: phone number '02**-****01'"))
        #expect(message.contains("\(output.path)/assets/data.json:1:10: e-mail address 'pi**\\************.nl'"))
        #expect(!message.contains("0229-252201") && !message.contains("jansen@"), "messages never repeat the data")
    }

    static let publicContact = """
        personal_data_allowed:
          - value: info@socialmediameetlat.example
            reason: het contactadres van het project zelf, in de voettekst van elke pagina
          - value: Stadhuisplein 1, 1621 GZ Hoorn
            reason: bezoekadres van het stadhuis van Hoorn (openbaar, zie hoorn.nl)
          - value: Postbus 603, 1620 AR Hoorn
            reason: postadres van de gemeente Hoorn (openbaar)
          - value: 0229-252200
            reason: algemeen telefoonnummer van de gemeente Hoorn (openbaar)

        """

    /// The project's own address and a town hall's public address and phone pass only when listed.
    @Test func publicContactDetailsPassOnlyWhenListed() throws {
        let shared = try SharedSite.get()
        let folder = try TemporaryFolder()
        let source = try copyOfSiteSource(into: folder.url)
        try replace("</footer>", with: """
            <p>Vragen: info&#64;socialmediameetlat.example. Gemeente Hoorn, Stadhuisplein 1, 1621 GZ Hoorn,
            Postbus 603, 1620 AR Hoorn, 0229&#8209;252200.</p>
            </footer>
            """, in: source.appendingPathComponent("templates/layout.mustache"))
        let output = folder.url.appendingPathComponent("_site")

        // Not listed: refused, every value named.
        let error = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        if case .personalData(let findings, _)? = error {
            #expect(Set(findings.map(\.kind)) == [.email, .postcodeHuisnummer, .phone])
            #expect(findings.count == 4 * shared.summary.pages)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))

        // Listed: published, and the summary says which value was let through how often, and why.
        try replace("personal_data_allowed: []\n", with: Self.publicContact, in: source.appendingPathComponent("site.yaml"))
        let summary = try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        #expect(summary.allowedPersonalData.map(\.entry.value) == [
            "info@socialmediameetlat.example", "Stadhuisplein 1, 1621 GZ Hoorn", "Postbus 603, 1620 AR Hoorn", "0229-252200",
        ])
        #expect(summary.allowedPersonalData.allSatisfy { $0.files == summary.pages })
        #expect(summary.allowedPersonalData[1].entry.reason == "bezoekadres van het stadhuis van Hoorn (openbaar, zie hoorn.nl)")

        // Another address next to the listed ones is still refused.
        try replace("0229&#8209;252200.", with: "0229&#8209;252200, of bel Jan: 06-13572468.",
                    in: source.appendingPathComponent("templates/layout.mustache"))
        let other = #expect(throws: SiteError.self) {
            try SiteBuilder.build(shared.archive.input(source: source), output: output, progress: false)
        }
        if case .personalData(let findings, _)? = other {
            #expect(Set(findings.map(\.text)) == ["06-13572468"])
        }
    }

    @Test func theAllowListIsCheckedWhenRead() {
        func error(_ yaml: String) -> String {
            do {
                _ = try SiteConfig.parse("title: T\nsynthetic_data: false\n" + yaml, file: "site.yaml")
                return ""
            } catch {
                return String(describing: error)
            }
        }
        #expect(error("personal_data_allowed:\n  - value: 0229-252200\n")
                == "site.yaml:4:5: personal_data_allowed[1]: missing key `reason`; expected why it may be published")
        #expect(error("personal_data_allowed:\n  - value: Stadhuis Hoorn\n    reason: openbaar\n")
                == "site.yaml:4:12: personal_data_allowed[1].value: `Stadhuis Hoorn` holds nothing the personal-data scan stops; list only values that would stop the build")
        #expect(error("personal_data_allowed:\n  - value: 0229-252200\n    reason: a\n  - value: 0229 252 200\n    reason: b\n")
                == "site.yaml:6:12: personal_data_allowed[2].value: `0229 252 200` is listed twice")
        #expect(error("personal_data_allowed:\n  - value: 0229-252200\n    reden: a\n")
                == "site.yaml:5:5: personal_data_allowed[1]: unknown key `reden`; expected one of `value`, `reason`")
        #expect(error("personal_data_allowed: 0229-252200\n") == "site.yaml:3:24: personal_data_allowed: expected a list, found `0229-252200`")
        #expect(error("personal_data_allowed: []\n") == "")
        #expect(error("personal_data_allowed:\n") == "")
    }

    /// Issue 19, item 16: a workbook is a zip archive, so a scan of its bytes sees none of its
    /// words. The site scans the text its sheets show (sheet names, text cells, notes) instead.
    @Test func aWorkbookIsScannedByTheTextItShows() throws {
        let sheet = XLSXWorkbook.Sheet(name: "Ranglijst 2013", rows: [[.text("Gemeente"), .text("Score")], [.text("Hoorn"), .number(97)]],
                                       notes: ["Toelichting: vragen aan j.jansen@hoorn.nl of 06-12345678"])
        let detector = PersonalDataDetector.publishedOutput
        let bytes = try XLSXWorkbook.data([sheet], created: 1_356_998_400)
        let bytesOnly = OutputFile(path: "data/ranglijst.xlsx", data: bytes).scan(detector, displayPath: "_site/data/ranglijst.xlsx")
        #expect(bytesOnly.findings.isEmpty, "the compressed bytes hide the note")

        let workbook = try OutputFile.workbook("data/ranglijst.xlsx", [sheet], created: 1_356_998_400)
        #expect(workbook.data == bytes)
        let scan = workbook.scan(detector, displayPath: "_site/data/ranglijst.xlsx")
        #expect(scan.findings.map(\.kind) == [.email, .phone])
        #expect(scan.findings.first?.description.hasPrefix("_site/data/ranglijst.xlsx:4:") == true, "line 4 of the text: the note")
        // Clean sheets pass.
        let clean = try OutputFile.workbook("data/ranglijst.xlsx", [XLSXWorkbook.Sheet(name: "Ranglijst", rows: [[.text("Hoorn")]])], created: 0)
        #expect(clean.scan(detector, displayPath: "x").findings.isEmpty)
    }
}
