/// Chart geometry, computed at build time; the `line-chart` and `bar-chart` templates draw it as
/// SVG and give it its words (title, description). Coordinates have one decimal, so a chart is
/// the same text on every machine.
enum Charts {
    /// A point of a line chart: where it is drawn and what it says.
    struct Point {
        let label: String
        let value: Double
        let valueText: String
    }

    /// A line over `points` (in order, left to right). `lowIsTop` draws small values at the top
    /// (ranks: 1 is best). `maximum` is the top of the scale (at least the largest value).
    static func line(id: String, points: [Point], minimum: Double, maximum: Double, lowIsTop: Bool,
                     ticks: [Double], tickText: (Double) -> String) -> [String: Any] {
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
        let placed: [[String: Any]] = points.enumerated().map { index, point in
            ["x": DutchText.coordinate(x(index)), "y": DutchText.coordinate(y(point.value)),
             "labelY": DutchText.coordinate(height - bottom + 20), "label": point.label, "value": point.valueText]
        }
        let path = points.indices.map { index in
            (index == 0 ? "M" : "L") + DutchText.coordinate(x(index)) + " " + DutchText.coordinate(y(points[index].value))
        }.joined(separator: " ")
        let tickMarks: [[String: Any]] = ticks.map { tick in
            ["y": DutchText.coordinate(y(tick)), "textY": DutchText.coordinate(y(tick) + 4), "text": tickText(tick)]
        }
        return [
            "id": id, "width": Int(width), "height": Int(height),
            "left": DutchText.coordinate(left), "right": DutchText.coordinate(width - right),
            "top": DutchText.coordinate(top), "bottom": DutchText.coordinate(height - bottom),
            "tickX": DutchText.coordinate(left - 8),
            "path": path, "points": placed, "ticks": tickMarks, "single": points.count == 1,
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
    static func bars(id: String, bars: [Bar], maximum: Double, series: [String], scaleText: (Double) -> String) -> [String: Any] {
        let labelWidth = 220.0, barArea = 300.0, valueWidth = 140.0
        let rowHeight = 26.0, top = 8.0
        let height = top + rowHeight * Double(bars.count) + 30
        let scale = maximum > 0 ? barArea / maximum : 0
        let placed: [[String: Any]] = bars.enumerated().map { index, bar in
            var x = labelWidth
            let rowY = top + rowHeight * Double(index)
            let segments: [[String: Any]] = bar.segments.map { segment in
                let width = max(segment.value, 0) * scale
                defer { x += width }
                var placed: [String: Any] = ["x": DutchText.coordinate(x), "width": DutchText.coordinate(width),
                                             "series": segment.series % 4, "segmentValue": segment.valueText]
                if !segment.name.isEmpty { placed["seriesName"] = segment.name }
                return placed
            }
            var placed: [String: Any] = [
                "label": bar.label, "segments": segments,
                "y": DutchText.coordinate(rowY + 4), "barHeight": DutchText.coordinate(rowHeight - 8),
                "textY": DutchText.coordinate(rowY + rowHeight / 2 + 4),
                "valueX": DutchText.coordinate(labelWidth + barArea + 8),
            ]
            if !bar.valueText.isEmpty { placed["barValue"] = bar.valueText }
            return placed
        }
        let axisY = top + rowHeight * Double(bars.count)
        let ticks: [[String: Any]] = [0.0, 0.5, 1.0].map { fraction in
            ["x": DutchText.coordinate(labelWidth + barArea * fraction), "text": scaleText(maximum * fraction)]
        }
        return [
            "id": id, "width": Int(labelWidth + barArea + valueWidth), "height": Int(height.rounded(.up)),
            "bars": placed, "labelX": DutchText.coordinate(labelWidth - 8),
            "axisY": DutchText.coordinate(axisY), "axisTextY": DutchText.coordinate(axisY + 18),
            "axisLeft": DutchText.coordinate(labelWidth), "axisRight": DutchText.coordinate(labelWidth + barArea),
            "ticks": ticks, "stacked": series.count > 1,
            "legend": series.enumerated().map { ["seriesName": $1, "series": $0 % 4] as [String: Any] },
        ]
    }
}
