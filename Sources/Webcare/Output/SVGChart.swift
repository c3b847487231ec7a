import Support

/// SVG charts for the HTML report, drawn with the classes of the site's stylesheet (`chart`,
/// `bar-chart`, `line-chart`, `grid`, `axis`, `tick`, `series-0`, `line`, `point`) so they look
/// like the site's. Coordinates have one decimal: the same text on every machine. Every chart
/// has a title and a description for screen readers, and each value as a tooltip.
enum SVGChart {
    static func coordinate(_ value: Double) -> String { Rounding.fixed(value, decimals: 1) }

    /// Horizontal bars, one row per label, from 0 to the largest value.
    static func bars(id: String, title: String, description: String, rows: [(label: String, value: Double, text: String)]) -> String {
        let labelWidth = 80.0, barArea = 260.0, valueWidth = 56.0, rowHeight = 24.0, top = 8.0
        let height = top + rowHeight * Double(rows.count) + 30
        let maximum = max(rows.map(\.value).max() ?? 0, 1)
        let scale = barArea / maximum
        let width = Int(labelWidth + barArea + valueWidth)
        var svg = "<figure class=\"chart-figure\">\n<svg class=\"chart bar-chart\" viewBox=\"0 0 \(width) \(Int(height.rounded(.up)))\" width=\"\(width)\" height=\"\(Int(height.rounded(.up)))\" role=\"img\" aria-labelledby=\"\(id)-titel \(id)-beschrijving\">\n"
        svg += "<title id=\"\(id)-titel\">\(HTMLBuilder.escape(title))</title>\n<desc id=\"\(id)-beschrijving\">\(HTMLBuilder.escape(description))</desc>\n"
        let axisY = top + rowHeight * Double(rows.count)
        for fraction in [0.0, 0.5, 1.0] {
            let x = coordinate(labelWidth + barArea * fraction)
            svg += "<line class=\"grid\" x1=\"\(x)\" x2=\"\(x)\" y1=\"0\" y2=\"\(coordinate(axisY))\"/>\n"
            svg += "<text class=\"tick\" x=\"\(x)\" y=\"\(coordinate(axisY + 18))\" text-anchor=\"middle\">\(DutchFormat.number(maximum * fraction, maximumDecimals: 0))</text>\n"
        }
        for (index, row) in rows.enumerated() {
            let rowY = top + rowHeight * Double(index)
            let textY = coordinate(rowY + rowHeight / 2 + 4)
            svg += "<text class=\"bar-label\" x=\"\(coordinate(labelWidth - 8))\" y=\"\(textY)\" text-anchor=\"end\">\(HTMLBuilder.escape(row.label))</text>\n"
            svg += "<rect class=\"series-0\" x=\"\(coordinate(labelWidth))\" y=\"\(coordinate(rowY + 4))\" width=\"\(coordinate(max(row.value, 0) * scale))\" height=\"\(coordinate(rowHeight - 8))\"><title>\(HTMLBuilder.escape(row.label)): \(HTMLBuilder.escape(row.text))</title></rect>\n"
            svg += "<text class=\"bar-value\" x=\"\(coordinate(labelWidth + barArea + 8))\" y=\"\(textY)\">\(HTMLBuilder.escape(row.text))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(coordinate(labelWidth))\" x2=\"\(coordinate(labelWidth + barArea))\" y1=\"\(coordinate(axisY))\" y2=\"\(coordinate(axisY))\"/>\n</svg>\n</figure>\n"
        return svg
    }

    /// A line over the points (left to right); a point without a value breaks the line.
    static func line(id: String, title: String, description: String, points: [(label: String, value: Double?, text: String)]) -> String {
        let width = 560.0, height = 240.0, left = 64.0, right = 24.0, top = 20.0, bottom = 36.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let maximum = niceMaximumMinutes(points.compactMap(\.value).max() ?? 1)
        func x(_ index: Int) -> Double { points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1) }
        func y(_ value: Double) -> Double { top + (1 - min(value, maximum) / maximum) * plotHeight }
        var svg = "<figure class=\"chart-figure\">\n<svg class=\"chart line-chart\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-titel \(id)-beschrijving\">\n"
        svg += "<title id=\"\(id)-titel\">\(HTMLBuilder.escape(title))</title>\n<desc id=\"\(id)-beschrijving\">\(HTMLBuilder.escape(description))</desc>\n"
        for fraction in [0.0, 0.25, 0.5, 0.75, 1.0] {
            let value = maximum * fraction
            svg += "<line class=\"grid\" x1=\"\(coordinate(left))\" x2=\"\(coordinate(width - right))\" y1=\"\(coordinate(y(value)))\" y2=\"\(coordinate(y(value)))\"/>\n"
            svg += "<text class=\"tick\" x=\"\(coordinate(left - 8))\" y=\"\(coordinate(y(value) + 4))\" text-anchor=\"end\">\(HTMLBuilder.escape(tickText(minutes: value, maximum: maximum)))</text>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(coordinate(left))\" x2=\"\(coordinate(width - right))\" y1=\"\(coordinate(height - bottom))\" y2=\"\(coordinate(height - bottom))\"/>\n"
        var path = ""
        var drawing = false
        for (index, point) in points.enumerated() {
            guard let value = point.value else { drawing = false; continue }
            path += (drawing ? " L" : (path.isEmpty ? "M" : " M")) + "\(coordinate(x(index))) \(coordinate(y(value)))"
            drawing = true
        }
        if !path.isEmpty { svg += "<path class=\"line\" d=\"\(path)\"/>\n" }
        // Every label when they fit, else every other one.
        let step = points.count > 14 ? (points.count + 13) / 14 : 1
        for (index, point) in points.enumerated() {
            if let value = point.value {
                svg += "<circle class=\"point\" cx=\"\(coordinate(x(index)))\" cy=\"\(coordinate(y(value)))\" r=\"4\"><title>\(HTMLBuilder.escape(point.label)): \(HTMLBuilder.escape(point.text))</title></circle>\n"
            }
            if index % step == 0 {
                svg += "<text class=\"tick\" x=\"\(coordinate(x(index)))\" y=\"\(coordinate(height - bottom + 20))\" text-anchor=\"middle\">\(HTMLBuilder.escape(point.label))</text>\n"
            }
        }
        svg += "</svg>\n</figure>\n"
        return svg
    }

    /// A round top for a scale of minutes: 10, 15, 20, 30, 45 or 60 minutes, or a round number of
    /// hours (1, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96, … hours).
    static func niceMaximumMinutes(_ value: Double) -> Double {
        for minutes in [10.0, 15, 20, 30, 45, 60] where minutes >= value { return minutes }
        var hours = [1.0, 2, 3, 4, 6, 8, 12, 16, 24, 36, 48, 72, 96]
        while let last = hours.last, last * 60 < value { hours.append(last * 2) }
        return hours.first { $0 * 60 >= value }! * 60
    }

    /// A tick of a minute scale: minutes up to an hour, hours above (`2,5 u`).
    static func tickText(minutes: Double, maximum: Double) -> String {
        maximum <= 60 ? "\(Int(minutes)) min" : DutchFormat.number(minutes / 60, maximumDecimals: 1) + " u"
    }
}
