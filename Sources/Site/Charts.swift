import Support

/// Chart geometry, computed at build time; the `line-chart` and `bar-chart` templates draw it as
/// SVG and give it its words (title, description). Coordinates have one decimal, so a chart is
/// the same text on every machine.
enum Charts {
    /// A coordinate in SVG: one decimal, decimal point.
    static func coordinate(_ value: Double) -> String { Rounding.fixed(value, decimals: 1) }

    /// A point of a line chart: where it is drawn and what it says.
    struct Point {
        let label: String
        let value: Double
        let valueText: String
    }

    /// A line over `points` (in order, left to right). `lowIsTop` draws small values at the top
    /// (ranks: 1 is best). `maximum` is the top of the scale (at least the largest value).
    static func line(id: String, points: [Point], minimum: Double, maximum: Double, lowIsTop: Bool,
                     ticks: [Double], tickText: (Double) -> String) -> TemplateValue {
        let width = 560.0, height = 240.0
        let left = 56.0, right = 24.0, top = 20.0, bottom = 36.0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        let span = max(maximum - minimum, 1)
        func y(_ value: Double) -> Double {
            let fraction = (min(max(value, minimum), maximum) - minimum) / span
            return lowIsTop ? top + fraction * plotHeight : top + (1 - fraction) * plotHeight
        }
        func x(_ index: Int) -> Double {
            points.count == 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(points.count - 1)
        }
        let labelY = TemplateValue.string(coordinate(height - bottom + 20))
        let placed: [TemplateValue] = points.enumerated().map { index, point in
            // The value above the point, or below it when the point is at the very top.
            let pointY = y(point.value)
            let valueY = pointY - 10 < top + 2 ? pointY + 20 : pointY - 10
            // The value text of the last point ends at the point, so it stays inside the chart.
            let anchor = points.count > 1 && index == points.count - 1 ? "end" : points.count > 1 && index == 0 ? "start" : "middle"
            return ["x": .string(coordinate(x(index))), "y": .string(coordinate(pointY)),
                    "labelY": labelY, "label": .string(point.label), "value": .string(point.valueText),
                    "valueY": .string(coordinate(valueY)), "anchor": .string(anchor)]
        }
        let path = points.indices.map { index in
            (index == 0 ? "M" : "L") + coordinate(x(index)) + " " + coordinate(y(points[index].value))
        }.joined(separator: " ")
        let tickMarks: [TemplateValue] = ticks.map { tick in
            ["y": .string(coordinate(y(tick))), "textY": .string(coordinate(y(tick) + 4)), "text": .string(tickText(tick))]
        }
        return [
            "id": .string(id), "width": .number(Int(width)), "height": .number(Int(height)),
            "left": .string(coordinate(left)), "right": .string(coordinate(width - right)),
            "top": .string(coordinate(top)), "bottom": .string(coordinate(height - bottom)),
            "tickX": .string(coordinate(left - 8)),
            "path": .string(path), "points": .list(placed), "ticks": .list(tickMarks), "single": .bool(points.count == 1),
        ]
    }

    /// A bar of a bar chart: one or more segments (stacked), each a share of the scale.
    struct Bar {
        let label: String
        let segments: [Segment]
        let valueText: String
    }

    struct Segment {
        let value: Double
        /// Index of the series (colour) and its name.
        let series: Int
        let name: String
        let valueText: String
    }

    /// Horizontal bars, one per row, on a scale from 0 to `maximum`. Each bar's label stands on
    /// its own line(s) above the bar, from the left edge, wrapped at `labelCharacters`: a long
    /// label is never cut off, whatever its length, and the chart keeps its width.
    static func bars(id: String, bars: [Bar], maximum: Double, series: [String], scaleText: (Double) -> String) -> TemplateValue {
        let barArea = 440.0, valueWidth = 120.0, left = 4.0
        let lineHeight = 15.0, barHeight = 16.0, gap = 10.0, top = 4.0
        let scale = maximum > 0 ? barArea / maximum : 0
        var y = top
        let placed: [TemplateValue] = bars.map { bar in
            var x = left
            let lines = wrap(bar.label, width: labelCharacters)
            let labelLines: [TemplateValue] = lines.enumerated().map { index, line in
                ["text": .string(line), "y": .string(coordinate(y + lineHeight * Double(index + 1) - 3))]
            }
            let barY = y + lineHeight * Double(lines.count) + 2
            let segments: [TemplateValue] = bar.segments.map { segment in
                let width = max(segment.value, 0) * scale
                defer { x += width }
                var placed: TemplateData = ["x": .string(coordinate(x)), "width": .string(coordinate(width)),
                                            "series": .number(segment.series % 4), "segmentValue": .string(segment.valueText),
                                            "fill": .string(seriesColours[segment.series % 4])]
                if !segment.name.isEmpty { placed["seriesName"] = .string(segment.name) }
                return .object(placed)
            }
            var result: TemplateData = [
                "label": .string(bar.label), "labelLines": .list(labelLines), "segments": .list(segments),
                "y": .string(coordinate(barY)), "barHeight": .string(coordinate(barHeight)),
                "textY": .string(coordinate(barY + barHeight - 4)),
                "valueX": .string(coordinate(left + barArea + 8)),
            ]
            if !bar.valueText.isEmpty { result["barValue"] = .string(bar.valueText) }
            y = barY + barHeight + gap
            return .object(result)
        }
        let axisY = y
        let ticks: [TemplateValue] = [0.0, 0.5, 1.0].map { fraction in
            ["x": .string(coordinate(left + barArea * fraction)), "text": .string(scaleText(maximum * fraction)),
             "anchor": .string(fraction == 0 ? "start" : fraction == 1 ? "end" : "middle")]
        }
        return [
            "id": .string(id), "width": .number(Int(left + barArea + valueWidth)), "height": .number(Int((axisY + 24).rounded(.up))),
            "bars": .list(placed), "labelX": .string(coordinate(left)),
            "axisY": .string(coordinate(axisY)), "axisTextY": .string(coordinate(axisY + 16)),
            "axisLeft": .string(coordinate(left)), "axisRight": .string(coordinate(left + barArea)),
            "ticks": .list(ticks), "stacked": .bool(series.count > 1),
            "legend": .list(series.enumerated().map { ["seriesName": .string($1), "series": .number($0 % 4)] }),
        ]
    }

    /// Characters per label line: at the charts' 12 px, about 6,5 px a character, within the width.
    static let labelCharacters = 80

    /// The series colours, also written into the SVG itself so that a chart reads without the
    /// stylesheet (the same values as `--series-*` in site.css).
    static let seriesColours = ["#1f5f99", "#b35900", "#2e7d32", "#6a3d9a"]

    /// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
