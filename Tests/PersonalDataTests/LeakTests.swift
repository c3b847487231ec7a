import Foundation
import Testing
@testable import PersonalData

/// The leaks of issue 19 (item 14): personal data written another way, in a file name, in a text
/// file with a binary extension. Each must be found, quoted as it is in the file.
@Suite struct LeakTests {
    /// The issue's leaks, each as a file under assets/ of a published folder.
    @Test func everyLeakOfTheIssueIsFoundInTheFolderScan() throws {
        let site = try SiteFolder([
            "assets/contact.json": Data(text: #"{"naam":"Jan","mail":"jan\u0040example.nl"}"#),
            "assets/zerowidth.txt": Data(text: "mail jan\u{200B}@example.nl"),
            "assets/idn.html": Data(text: "<p>jan@exämple.nl</p>"),
            "assets/nbhyphen.css": Data(text: "/* bel 06\u{2011}12345678 */"),
            "assets/softhyphen.txt": Data(text: "bel 06\u{AD}12345678"),
            "assets/jan.jansen@example.nl.css": Data(text: "body{}"),
            "assets/notes.png": Data(text: "geen plaatje: bel 0229-252201"),
            "assets/logo.png": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]) + Data(text: "a@b.nl"),
        ])
        let report = try PersonalDataDetector.publishedOutput.scanFolder(site.path)
        let found = report.findings.map { "\($0.path.dropFirst(site.path.count + 1)):\($0.line):\($0.kind.rawValue):\($0.text)" }
        #expect(found == [
            #"assets/contact.json:1:email:jan\u0040example.nl"#,
            "assets/idn.html:1:email:jan@exämple.nl",
            "assets/jan.jansen@example.nl.css:0:email:jan.jansen@example.nl",
            "assets/nbhyphen.css:1:phone:06\u{2011}12345678",
            "assets/notes.png:1:phone:0229-252201",
            "assets/softhyphen.txt:1:phone:06\u{AD}12345678",
            "assets/zerowidth.txt:1:email:jan\u{200B}@example.nl",
        ])
        #expect(!report.scannedFiles.contains("assets/logo.png"), "a real image (NUL in its header) is binary")
        #expect(report.scannedFiles.contains("assets/notes.png"), "content decides, not the extension")
        let fileName = try #require(report.findings.first { $0.isInFileName })
        #expect(fileName.description == "\(site.path)/assets/ja*.******@*******.nl.css: file name: e-mail address 'ja*.******@*******.nl' — refusing to publish")
    }

    @Test(arguments: [
        #"jan\u0040example.nl"#, #"jan\u{40}example.nl"#, #"jan\x40example.nl"#, "jan&#64;example.nl",
        "jan&#x40;example.nl", "jan&#X40;example.nl", "jan&#64example.nl", "jan&commat;example.nl", "jan%40example.nl",
        "jan＠example.nl", "jan\u{FE6B}example.nl", "jan\u{200B}@example.nl", "jan@\u{200D}example.nl",
        "jan@example\u{2060}.nl", "jan\u{FEFF}@example.nl", "jan@exa\u{AD}mple.nl", "jan&#8203;@example.nl",
        "jan&ZeroWidthSpace;@example.nl", "jan\u{202E}@example.nl", "jan@exämple.nl", "jån@example.nl",
        "jan@xn--exmple-cua.nl", "jan@example.xn--p1ai", "jan@пример.рф",
    ])
    func addressWrittenAnotherWayIsFound(text: String) throws {
        let matches = PersonalDataDetector.publishedOutput.matches(in: "Mail: \(text), graag.")
        let match = try #require(matches.first)
        #expect(matches.count == 1)
        #expect(match.kind == .email)
        #expect(match.text == text, "quoted as written in the file")
    }

    @Test(arguments: [
        "06\u{2011}12345678", "06\u{2010}12345678", "06\u{2012}12345678", "06\u{2013}12345678", "06\u{2014}12345678",
        "06\u{2212}12345678", "06\u{FE63}12345678", "06\u{FF0D}12345678", "06\u{AD}12345678", "06&shy;12345678",
        "06&shy12345678", "06&#173;12345678", "06&#8209;12345678", "06&ndash;12345678", "06&hyphen;12345678",
        "06&nbsp;12345678", "06\u{2009}1234\u{2009}5678", "06\u{3000}12345678", "０６-１２３４５６７８",
        "06-1234\u{200B}5678", #"06\u002d12345678"#, "06%2D12345678", "+31\u{2007}6\u{2007}12345678",
    ])
    func phoneNumberWrittenAnotherWayIsFound(text: String) throws {
        let matches = PersonalDataDetector.publishedOutput.matches(in: "Bel \(text) na vijf uur.")
        #expect(matches.map(\.kind) == [.phone], "\(text)")
        #expect(matches.first?.text == text)
    }

    /// The normalisation looks at eight bytes at a time: every alignment of a two- or three-byte
    /// character and of an escape against those words must be seen.
    @Test func everyAlignmentIsSeen() {
        for prefix in 0..<17 {
            let padding = String(repeating: "x", count: prefix) + " "
            for written in ["06\u{AD}12345678", "06\u{2011}12345678", "06&shy;12345678", #"06\u002D12345678"#, "06%2D12345678"] {
                #expect(found(padding + written) == ["phone:" + written], "after \(prefix) bytes")
            }
            #expect(found(padding + "jan\u{200B}@example.nl") == ["email:jan\u{200B}@example.nl"], "after \(prefix) bytes")
        }
    }

    @Test func otherKindsWrittenAnotherWayAreFound() {
        #expect(found("IBAN NL91\u{2009}ABNA\u{2009}0417\u{2009}1643\u{2009}00") == ["iban:NL91\u{2009}ABNA\u{2009}0417\u{2009}1643\u{2009}00"])
        #expect(found("BSN&nbsp;123456782") == ["bsn:123456782"])
        #expect(found("1234&#8209;AB 12").isEmpty)  // not a postcode shape
        #expect(found("1234&nbsp;AB&nbsp;12") == ["postcode-huisnummer:1234&nbsp;AB&nbsp;12"])
        #expect(found("klantnummer&colon; 12345678") == ["customer-number:12345678"])
    }

    /// Decoded once, as a reader sees the text: `&amp;#64;` shows `&#64;`, and `\\u0040` in JSON is
    /// the text `\u0040`. Neither is an `@`.
    @Test func escapesAreDecodedOnceOnly() {
        #expect(found("jan&amp;#64;example.nl").isEmpty)
        #expect(found(#"{"x":"jan\\u0040example.nl"}"#).isEmpty)
        #expect(found(#"{"x":"C:\\ jan\u0040example.nl"}"#) == [#"email:jan\u0040example.nl"#])
    }

    /// Lines and columns count the file as it is, after decoded escapes and dropped characters.
    @Test func findingsPointIntoTheOriginalFile() {
        let text = "<p>a&amp;b &#64; x\u{200B}y</p>\n<p>é&nbsp;— mail jan&#64;example.nl of bel 06&#8209;12345678</p>\n"
        let findings = PersonalDataDetector.publishedOutput.findings(in: Data(text: text), path: "p.html")
        #expect(findings.map { "\($0.line):\($0.column):\($0.text)" } == [
            "2:18:jan&#64;example.nl", "2:44:06&#8209;12345678",
        ])
    }

    @Test func textWithoutAnythingToNormaliseIsNotCopied() {
        var plain = "Hoorn, 230\u{A0}punten, 1.212 volgers; é ü ’ x &amp; &#39;s"
        plain.withUTF8 { #expect(NormalizedText($0).bytes == nil) }
        var dashed = "2011–2013 &#64; meer &amp; &#39;s &lt;"
        dashed.withUTF8 { bytes in
            let normalized = NormalizedText(bytes)
            // Escaped characters no rule looks at (& ' < > ") are left as they are.
            #expect(normalized.bytes.map { String(decoding: $0, as: UTF8.self) } == "2011-2013 @ meer &amp; &#39;s &lt;")
            #expect(normalized.originalStart(4) == 4 && normalized.originalEnd(5) == 7)  // the dash: 3 bytes
            #expect(normalized.originalStart(5) == 7)
            #expect(normalized.originalStart(10) == 12 && normalized.originalEnd(11) == 17)  // "&#64;"
        }
    }

    @Test func ordinarySitePagesStayClean() {
        let page = """
            <p>2011&ndash;2013: 84&nbsp;% (186/221) &middot; 1.212&#8239;volgers &amp; 12 345 likes</p>
            <a href="/2012/gemeente/hoorn.html?q=a%20b#top">Hoorn</a> &#39;s-Hertogenbosch — Súdwest-Fryslân
            <svg><path d="M0 20 L30 40"/></svg> {"x":"\\u00e9\\u2013","rang":12}
            """
        #expect(found(page).isEmpty)
    }
}

/// site.yaml's allow-list: a listed value passes, in any notation; an unlisted one does not.
@Suite struct AllowListBothWaysTests {
    static let page = """
        <footer>Contact: info&#64;meetlat.nl · Gemeente Hoorn, Stadhuisplein 1, 1621 GZ Hoorn · Postbus 603, 1620 AR Hoorn · tel. 0229&#8209;252200</footer>
        """

    @Test func listedPublicValuesPass() {
        let detector = PersonalDataDetector(allowed: [
            "info@meetlat.nl", "Stadhuisplein 1, 1621 GZ Hoorn", "Postbus 603, 1620 AR Hoorn", "0229-252200",
        ])
        #expect(detector.matches(in: Self.page).isEmpty)
        let scan = Data(Self.page.utf8).withUnsafeBytes {
            detector.scanFile($0.bindMemory(to: UInt8.self), relativePath: "index.html", displayPath: "_site/index.html")
        }
        #expect(scan.findings.isEmpty)
        #expect(scan.allowedMatches.sorted() == ["0229-252200", "Postbus 603, 1620 AR Hoorn", "Stadhuisplein 1, 1621 GZ Hoorn", "info@meetlat.nl"])
    }

    @Test func unlistedValuesAreStillFound() {
        #expect(found(Self.page).map { $0.components(separatedBy: ":").first ?? "" } == ["email", "postcode-huisnummer", "postcode-huisnummer", "phone"])
        // Listing some lets only those through; another address or number is still found.
        let detector = PersonalDataDetector(allowed: ["info@meetlat.nl", "0229-252200"])
        #expect(detector.matches(in: Self.page).map(\.kind) == [.postcodeHuisnummer, .postcodeHuisnummer])
        #expect(detector.matches(in: "jan@meetlat.nl, 0229-252201, Stadhuisplein 2, 1621 GZ").map(\.text)
                == ["jan@meetlat.nl", "0229-252201", "2, 1621 GZ"])
    }

    @Test func whatAValueAllowsIsWhatTheDetectorFindsInIt() {
        let detector = PersonalDataDetector.publishedOutput
        #expect(detector.matchesAllowed(by: "Stadhuisplein 1, 1621 GZ Hoorn").map(\.text) == ["1, 1621 GZ"])
        #expect(detector.matchesAllowed(by: "Stadhuis Hoorn").isEmpty)
    }
}

@Suite struct RedactionTests {
    @Test func redactionKeepsTheShapeNotTheData() {
        #expect(PersonalDataFinding.redacted("06-12345678") == "06-******78")
        #expect(PersonalDataFinding.redacted("jan.jansen@example.nl") == "ja*.******@*******.nl")
        #expect(PersonalDataFinding.redacted("1234.56.782") == "12**.**.*82")
        #expect(PersonalDataFinding.redacted("x@y.nl") == "x@*.nl")
        #expect(PersonalDataFinding.redacted("3a\n1621 CD") == "3a **** CD")
    }

    @Test func checkBeforeWritingNamesFileAndRedactedMatchAndWritesNothing() {
        let outputs = [
            ("Rankings/2012.csv", Data(text: "code,name\nGM0405,Hoorn\n")),
            ("Rankings/2012.json", Data(text: "{\n  \"label\": \"Bel Jan: 06-12345678\"\n}\n")),
        ]
        let error = #expect(throws: PublicationRefused.self) {
            try PersonalDataDetector.publishedOutput.checkBeforeWriting(outputs, target: "Rankings (nothing written)")
        }
        #expect(error?.description == """
            Rankings/2012.json:2:22: phone number '06-******78' — refusing to publish
            1 personal-data finding(s) in Rankings (nothing written) (phone number 1): refusing to publish
            """)
        #expect(throws: Never.self) { try PersonalDataDetector.publishedOutput.checkBeforeWriting(Array(outputs.prefix(1)), target: "x") }
    }
}
