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
            ["x": .string(coordinate(x(index))), "y": .string(coordinate(y(point.value))),
             "labelY": labelY, "label": .string(point.label), "value": .string(point.valueText)]
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

    /// Horizontal bars, one per row, on a scale from 0 to `maximum`.
    static func bars(id: String, bars: [Bar], maximum: Double, series: [String], scaleText: (Double) -> String) -> TemplateValue {
        let labelWidth = 220.0, barArea = 300.0, valueWidth = 140.0
        let rowHeight = 26.0, top = 8.0
        let height = top + rowHeight * Double(bars.count) + 30
        let scale = maximum > 0 ? barArea / maximum : 0
        let placed: [TemplateValue] = bars.enumerated().map { index, bar in
            var x = labelWidth
            let rowY = top + rowHeight * Double(index)
            let segments: [TemplateValue] = bar.segments.map { segment in
                let width = max(segment.value, 0) * scale
                defer { x += width }
                var placed: TemplateData = ["x": .string(coordinate(x)), "width": .string(coordinate(width)),
                                            "series": .number(segment.series % 4), "segmentValue": .string(segment.valueText)]
                if !segment.name.isEmpty { placed["seriesName"] = .string(segment.name) }
                return .object(placed)
            }
            var placed: TemplateData = [
                "label": .string(bar.label), "segments": .list(segments),
                "y": .string(coordinate(rowY + 4)), "barHeight": .string(coordinate(rowHeight - 8)),
                "textY": .string(coordinate(rowY + rowHeight / 2 + 4)),
                "valueX": .string(coordinate(labelWidth + barArea + 8)),
            ]
            if !bar.valueText.isEmpty { placed["barValue"] = .string(bar.valueText) }
            return .object(placed)
        }
        let axisY = top + rowHeight * Double(bars.count)
        let ticks: [TemplateValue] = [0.0, 0.5, 1.0].map { fraction in
            ["x": .string(coordinate(labelWidth + barArea * fraction)), "text": .string(scaleText(maximum * fraction))]
        }
        return [
            "id": .string(id), "width": .number(Int(labelWidth + barArea + valueWidth)), "height": .number(Int(height.rounded(.up))),
            "bars": .list(placed), "labelX": .string(coordinate(labelWidth - 8)),
            "axisY": .string(coordinate(axisY)), "axisTextY": .string(coordinate(axisY + 18)),
            "axisLeft": .string(coordinate(labelWidth)), "axisRight": .string(coordinate(labelWidth + barArea)),
            "ticks": .list(ticks), "stacked": .bool(series.count > 1),
            "legend": .list(series.enumerated().map { ["seriesName": .string($1), "series": .number($0 % 4)] }),
        ]
    }
}
