import Support
import TableFiles

/// The report as one self-contained Dutch HTML page in the site's style: the site's stylesheet
/// inlined (`site/assets/site.css`, passed in), SVG charts drawn with the site's chart classes,
/// nothing loaded from elsewhere, no script. Aggregates only; the caller scans the page for
/// personal data before it is written.
public enum HTMLReport {
    public static func render(_ report: WebcareReport, stylesheet: String, synthetic: Bool) -> String {
        let page = HTMLBuilder()
        let title = "Webcarerapport \(report.log.file)"
        page.raw("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n")
        page.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        page.raw("<title>").text(title).raw("</title>\n<style>\n").raw(stylesheet).raw("\n").raw(reportStyle).raw("</style>\n</head>\n<body>\n")
        page.raw("<a class=\"skip-link\" href=\"#inhoud\">Naar de inhoud</a>\n")
        page.raw("<header class=\"site-header\">\n")
        if synthetic {
            page.raw("<p class=\"demo-banner\">Synthetische demogegevens: de berichten zijn verzonnen, de cijfers laten zien wat het rapport doet.</p>\n")
        }
        page.raw("<div class=\"header-inner\"><p class=\"site-title\">Webcarerapport</p></div>\n</header>\n")
        page.raw("<main id=\"inhoud\" tabindex=\"-1\">\n<h1>Webcare: ").text(report.log.file)
        page.raw(" <span class=\"subtitle\">").text(spanText(report)).raw("</span></h1>\n")
        page.raw("<p class=\"lead\">Hoeveel berichten binnenkwamen, hoe snel en hoe vaak de organisatie antwoordde, hoe gesprekken afliepen, waarover klanten schreven en welke persoonsgegevens zij openbaar deelden. Alleen totalen: geen berichten, namen of nummers.</p>\n")
        page.raw("<p class=\"notice\">Reactietijden in klokuren en in kantooruren (tijdzone ").text(report.timeZone).raw("). De cijfers gaan over wat de webcaretool vastlegde: wat de tool niet vond, ontbreekt.</p>\n")
        page.raw("<p>").text(readText(report)).raw("</p>\n")
        if report.organisations.count > 1 {
            page.raw("<nav class=\"toc\" aria-label=\"Organisaties\"><ul>\n")
            for (index, organisation) in report.organisations.enumerated() {
                page.raw("<li><a href=\"#organisatie-\(index + 1)\">").text(organisation.name).raw("</a></li>\n")
            }
            if report.textAnalysed { page.raw("<li><a href=\"#persoonsgegevens\">Persoonsgegevens per organisatie</a></li>\n") }
            page.raw("</ul></nav>\n")
        }
        for (index, organisation) in report.organisations.enumerated() {
            section(page, organisation, id: "organisatie-\(index + 1)", report: report)
        }
        if report.textAnalysed && !report.organisations.isEmpty { tableTwo(page, report) }
        page.raw("</main>\n<footer class=\"site-footer\"><p>Gemaakt met <code>meetlat webcare</code>. Definities van de kerncijfers: <code>Sources/<wbr>Webcare/<wbr>Webcare.docc/<wbr>Webcare.md</code>.</p></footer>\n</body>\n</html>\n")
        return page.html
    }

    private static func spanText(_ report: WebcareReport) -> String {
        guard let first = report.log.firstLocal, let last = report.log.lastLocal else { return "geen berichten" }
        return "\(dateText(first)) tot en met \(dateText(last)), per \(report.period.dutchName)"
    }

    private static func dateText(_ local: Int) -> String {
        let date = TimestampDate.date(local)
        return "\(date.day) \(PeriodKind.dutchMonths[date.month - 1]) \(date.year)"
    }

    private static func readText(_ report: WebcareReport) -> String {
        let log = report.log
        var text = "Gelezen: \(DutchFormat.integer(log.rowsRead)) rijen, daarvan \(DutchFormat.integer(log.messages)) berichten"
        if log.skipped > 0 { text += ", \(DutchFormat.integer(log.skipped)) overgeslagen (notities)" }
        text += log.rejected > 0 ? " en \(DutchFormat.integer(log.rejected)) afgekeurd (met reden in het afkeurbestand, dat privé blijft)." : "; niets afgekeurd."
        return text
    }

    private static func section(_ page: HTMLBuilder, _ organisation: OrganisationReport, id: String, report: WebcareReport) {
        let total = organisation.total.all
        page.raw("<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">").text(organisation.name).raw("</h2>\n")
        page.raw("<p>Kantooruren: ").text(OfficeHoursText.dutch(organisation.officeHours)).raw(".</p>\n")
        page.raw("<dl class=\"key-figures\">\n")
        let figures: [(String, String)] = [
            ("Berichten van klanten", DutchFormat.integer(total.inboundMessages)),
            ("Gesprekken met klantvraag", DutchFormat.integer(total.inboundConversations)),
            ("Beantwoord", total.responseRate.percentText),
            ("Eerste reactie, mediaan", DurationText.dutch(total.firstResponseClock.percentile(50))),
            ("Binnen 24 uur", total.withinDayClock.percentText),
            ("Opgelost bij eerste reactie", total.firstContactResolution.percentText),
            ("Verder in privékanaal", total.movedPrivateShare.percentText),
        ]
        for (label, value) in figures { page.raw("<div><dt>").text(label).raw("</dt><dd>").text(value).raw("</dd></div>\n") }
        page.raw("</dl>\n")

        let keys = report.periodKeys
        let volumes = keys.map { organisation.periods[$0]?.all.inboundMessages ?? 0 }
        page.raw("<h3>Berichten van klanten per \(report.period.dutchName)</h3>\n")
        page.raw(SVGChart.bars(id: "\(id)-volume", title: "Berichten van klanten per \(report.period.dutchName), \(organisation.name)",
                               description: "Aantal binnengekomen berichten per \(report.period.dutchName).",
                               rows: zip(keys, volumes).map { (report.period.shortDutchLabel($0, withYear: true), Double($1), DutchFormat.integer($1)) }))
        let medians = keys.map { organisation.periods[$0]?.all.firstResponseClock.percentile(50) }
        if medians.contains(where: { $0 != nil }) {
            page.raw("<h3>Eerste reactie per \(report.period.dutchName), mediaan in klokuren</h3>\n")
            page.raw(SVGChart.line(id: "\(id)-reactie", title: "Mediaan van de eerste reactie per \(report.period.dutchName), \(organisation.name)",
                                   description: "Mediaan van de tijd tot de eerste reactie op een klantvraag, in minuten, per \(report.period.dutchName).",
                                   points: zip(keys, medians).map { (report.period.shortDutchLabel($0), $1.map(Double.init), DurationText.dutch($1)) }))
        }

        let groups = [KPIColumn.all.filter { TextReport.firstTable.contains($0.id) }, KPIColumn.all.filter { !TextReport.firstTable.contains($0.id) }]
        let captions = ["Volume en eerste reactie (klokuren)", "Kantooruren, afhandeling en kanaal"]
        for (caption, kpis) in zip(captions, groups) {
            page.raw("<h3>").text("\(caption) per \(report.period.dutchName)").raw("</h3>\n")
            let rows = keys.map { (report.period.dutchLabel($0), organisation.periods[$0]?.all ?? Measures()) } + [("hele periode", total)]
            kpiTable(page, caption: "\(caption) per \(report.period.dutchName), alle kanalen", first: report.period.dutchName, rows: rows, kpis: kpis)
        }
        page.raw("<h3>Per kanaal</h3>\n")
        let channelRows = organisation.channels.map { channel in
            (organisation.privateChannels.contains(channel) ? "\(channel) (privé)" : channel, organisation.total.byChannel[channel] ?? Measures())
        }
        for (caption, kpis) in zip(captions, groups) {
            kpiTable(page, caption: "\(caption) per kanaal, hele periode", first: "kanaal", rows: channelRows, kpis: kpis)
        }
        busiestHours(page, organisation, id: id)
        if report.textAnalysed { topics(page, organisation, report: report) }
        if let audit = organisation.audit { auditSection(page, audit, report: report) }
        page.raw("</section>\n")
    }

    private static func kpiTable(_ page: HTMLBuilder, caption: String, first: String, rows: [(String, Measures)], kpis: [KPIColumn]) {
        page.raw("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"").text(caption).raw("\">\n<table class=\"kpi\">\n<caption class=\"visually-hidden\">").text(caption).raw("</caption>\n<thead><tr><th scope=\"col\">").text(first).raw("</th>")
        for kpi in kpis { page.raw("<th scope=\"col\" class=\"num\">").text(kpi.dutch).raw("</th>") }
        page.raw("</tr></thead>\n<tbody>\n")
        for (label, measures) in rows {
            page.raw("<tr><th scope=\"row\">").text(label).raw("</th>")
            for kpi in kpis {
                let value = kpi.value(measures)
                page.raw("<td class=\"num\"")
                if case .share(let share) = value, share.denominator > 0 { page.raw(" title=\"\(share.count) van \(share.denominator)\"") }
                page.raw(">").text(value.dutchText).raw("</td>")
            }
            page.raw("</tr>\n")
        }
        page.raw("</tbody>\n</table>\n</div>\n")
    }

    static let weekdays = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]

    private static func busiestHours(_ page: HTMLBuilder, _ organisation: OrganisationReport, id: String) {
        let hours = organisation.busiestHours
        let maximum = hours.max() ?? 0
        guard maximum > 0 else { return }
        page.raw("<h3>Drukste uren</h3>\n<p>Berichten van klanten per dag en uur (plaatselijke tijd). Het drukst: ")
        let top = TextReport.busiest(hours, count: 3).map { "\(weekdays[$0.index / 24]) \(TextReport.hourRange($0.index % 24)) (\(DutchFormat.integer($0.count)))" }
        page.text(top.joined(separator: ", ")).raw(".</p>\n")
        page.raw("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Berichten per dag en uur\">\n<table class=\"heatmap\">\n<caption>Berichten van klanten per dag en uur</caption>\n<thead><tr><th scope=\"col\">dag</th>")
        for hour in 0..<24 { page.raw("<th scope=\"col\" class=\"num\"><abbr title=\"\(hour):00–\(hour + 1):00\">\(hour)</abbr></th>") }
        page.raw("</tr></thead>\n<tbody>\n")
        for day in 0..<7 {
            page.raw("<tr><th scope=\"row\">\(weekdays[day])</th>")
            for hour in 0..<24 {
                let count = hours[day * 24 + hour]
                let level = count == 0 ? 0 : 1 + (count * 4 - 1) / maximum  // 1…4
                page.raw("<td class=\"num heat-\(level)\">\(count)</td>")
            }
            page.raw("</tr>\n")
        }
        page.raw("</tbody>\n</table>\n</div>\n")
    }

    private static func topics(_ page: HTMLBuilder, _ organisation: OrganisationReport, report: WebcareReport) {
        page.raw("<h3>Opkomende onderwerpen</h3>\n<p>Woorden uit berichten van klanten die in een \(report.period.dutchName) in ten minste \(report.topicSettings.minimumConversations) gesprekken voorkwamen en minstens \(DutchFormat.number(report.topicSettings.minimumRise, maximumDecimals: 1)) keer zo vaak als de \(report.period.dutchName) ervoor deed verwachten; de grootste stijgers eerst. Stopwoorden, namen van afzenders en persoonsgegevens tellen niet mee.</p>\n")
        let periods = report.periodKeys.dropFirst().filter { !(organisation.topics[$0] ?? []).isEmpty }
        guard !periods.isEmpty else {
            page.raw("<p>Geen opkomende onderwerpen.</p>\n")
            return
        }
        page.raw("<dl class=\"topics\">\n")
        for key in periods {
            page.raw("<dt>").text(report.period.dutchLabel(key)).raw("</dt><dd>")
            let terms = (organisation.topics[key] ?? []).map { "\($0.term) (\($0.conversations) gesprekken, was \($0.previousConversations))" }
            page.text(terms.joined(separator: ", ")).raw("</dd>\n")
        }
        page.raw("</dl>\n")
    }

    private static func auditSection(_ page: HTMLBuilder, _ audit: PrivacyAudit, report: WebcareReport) {
        page.raw("<h3>Privacy-audit</h3>\n<p>Persoonsgegevens die klanten openbaar deelden, in berichten op openbare kanalen (").text(DutchFormat.integer(audit.publicMessages)).raw(" berichten).</p>\n")
        page.raw("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Berichten met persoonsgegevens\">\n<table>\n<caption>Berichten met persoonsgegevens</caption>\n<thead><tr><th scope=\"col\">persoonsgegevens</th><th scope=\"col\" class=\"num\">berichten</th><th scope=\"col\" class=\"num\">aandeel</th></tr></thead>\n<tbody>\n")
        for (index, category) in report.categories.enumerated() {
            let share = Proportion(audit.messagesByCategory[index], of: audit.publicMessages)
            page.raw("<tr><th scope=\"row\">").text(category.label).raw("</th><td class=\"num\">\(DutchFormat.integer(share.count))</td><td class=\"num\">").text(share.percentText).raw("</td></tr>\n")
        }
        let any = Proportion(audit.messagesWithPersonalData, of: audit.publicMessages)
        page.raw("<tr><th scope=\"row\">met persoonsgegevens</th><td class=\"num\">\(DutchFormat.integer(any.count))</td><td class=\"num\">").text(any.percentText).raw("</td></tr>\n")
        page.raw("</tbody>\n</table>\n</div>\n")
        let base = audit.conversations
        page.raw("<p>In \(DutchFormat.integer(base)) gesprekken deelde de klant persoonsgegevens openbaar. De organisatie vroeg om privé verder te gaan in ").text(Proportion(audit.askedPrivate, of: base).percentText)
        page.raw(", raadde aan het bericht te verwijderen in ").text(Proportion(audit.advisedDelete, of: base).percentText)
        page.raw(" en herhaalde de gegevens zelf openbaar in ").text(Proportion(audit.repeatedPublicly, of: base).percentText)
        page.raw(" van die gesprekken; in ").text(Proportion(audit.noAdvice, of: base).percentText).raw(" deed zij geen van de eerste twee.</p>\n")
        page.raw("<details class=\"notes\"><summary>Gesprekken waarin persoonsgegevens openbaar bleven zonder advies om te verwijderen (\(audit.publicWithoutAdvice.count))</summary>\n<p class=\"ids\">")
        page.text(audit.publicWithoutAdvice.isEmpty ? "geen" : audit.publicWithoutAdvice.joined(separator: ", ")).raw("</p>\n</details>\n")
    }

    private static func tableTwo(_ page: HTMLBuilder, _ report: WebcareReport) {
        let organisations = report.organisations.filter { $0.audit != nil }
        page.raw("<section aria-labelledby=\"persoonsgegevens\">\n<h2 id=\"persoonsgegevens\">Persoonsgegevens per organisatie</h2>\n")
        page.raw("<p>Berichten van klanten op openbare kanalen met elk soort persoonsgegevens, per organisatie (opgebouwd als Tabel 2 van de scriptie over persoonsgegevens in webcaretweets). Een bericht met twee soorten telt bij beide.</p>\n")
        page.raw("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"Persoonsgegevens per organisatie\">\n<table>\n<caption class=\"visually-hidden\">Persoonsgegevens in berichten van klanten per organisatie</caption>\n<thead><tr><th scope=\"col\">persoonsgegevens</th>")
        for organisation in organisations { page.raw("<th scope=\"col\" class=\"num\">").text(organisation.name).raw("</th>") }
        page.raw("<th scope=\"col\" class=\"num\">totaal</th></tr></thead>\n<tbody>\n")
        for (index, category) in report.categories.enumerated() {
            let counts = organisations.map { $0.audit!.messagesByCategory[index] }
            page.raw("<tr><th scope=\"row\">").text(category.label).raw("</th>")
            for count in counts { page.raw("<td class=\"num\">\(DutchFormat.integer(count))</td>") }
            page.raw("<td class=\"num\">\(DutchFormat.integer(counts.reduce(0, +)))</td></tr>\n")
        }
        let sums = organisations.map { $0.audit!.messagesByCategory.reduce(0, +) }
        page.raw("<tr class=\"total\"><th scope=\"row\">totaal</th>")
        for sum in sums { page.raw("<td class=\"num\">\(DutchFormat.integer(sum))</td>") }
        page.raw("<td class=\"num\">\(DutchFormat.integer(sums.reduce(0, +)))</td></tr>\n")
        let publics = organisations.map { $0.audit!.publicMessages }
        page.raw("<tr><th scope=\"row\">berichten op openbare kanalen</th>")
        for count in publics { page.raw("<td class=\"num\">\(DutchFormat.integer(count))</td>") }
        page.raw("<td class=\"num\">\(DutchFormat.integer(publics.reduce(0, +)))</td></tr>\n</tbody>\n</table>\n</div>\n</section>\n")
    }

    /// Rules the site's stylesheet does not have: the heat map's shades (text stays ≥ 4.5:1).
    static let reportStyle = """
        .heatmap td { min-width: 2.2rem; padding: 0.2rem 0.3rem; }
        .heatmap td.heat-0 { color: var(--muted); }
        .heatmap td.heat-1 { background: #e3ecf6; }
        .heatmap td.heat-2 { background: #bcd2ea; }
        .heatmap td.heat-3 { background: #1f5f99; color: #fff; }
        .heatmap td.heat-4 { background: #12355b; color: #fff; }
        .heatmap tbody tr:nth-child(even) td.heat-0 { background: var(--soft); }
        .topics dt { font-weight: 700; margin-top: 0.5rem; }
        .topics dd { margin: 0; }
        .ids { overflow-wrap: anywhere; }
        .kpi tbody th { white-space: nowrap; }
        tr.total th, tr.total td { font-weight: 700; }

        """
}

/// HTML text with escaping of everything that comes from the log.
final class HTMLBuilder {
    private(set) var html = ""

    @discardableResult
    func raw(_ markup: String) -> HTMLBuilder {
        html += markup
        return self
    }

    @discardableResult
    func text(_ text: String) -> HTMLBuilder {
        html += Self.escape(text)
        return self
    }

    /// A control character from the log (not allowed in HTML) shows as a replacement character.
    static func escape(_ text: String) -> String { HTMLText.escaped(text, controlCharacters: .replaced) }
}

/// Dates of local wall-clock seconds.
enum TimestampDate {
    static func date(_ local: Int) -> (year: Int, month: Int, day: Int) {
        CivilDate.date(days: local.floorDivided(by: 86_400))
    }
}
