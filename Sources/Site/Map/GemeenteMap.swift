import Core
import Foundation
import Support

/// The gemeenten of one year as shapes to draw, read from a TopoJSON file of gemeente
/// boundaries (`Surveys/reference/boundaries/gemeente_<year>.topojson`, CBS/PDOK boundaries
/// simplified with mapshaper; see `Surveys/reference/SOURCES.md`).
///
/// The file's coordinates are the Dutch national grid (Rijksdriehoeksstelsel, EPSG:28992): metres,
/// y to the north, so a map needs no projection, only a flip and a scale. Each arc (a stretch of
/// border, shared by the two gemeenten it separates) is rounded to the drawing's grid once, and
/// every shape is put together from the rounded arcs: neighbours keep one common border, with no
/// gaps or overlaps, however much rounding removed.
struct GemeenteMap: Sendable {
    /// The drawing's size in its own units (`viewBox="0 0 width height"`).
    let width: Int
    let height: Int
    /// Gemeente code → SVG path data of all its parts (islands, exclaves; holes by even-odd).
    let paths: [String: String]

    /// Metres of the national grid per unit of the drawing: 250 m is well below what the
    /// simplified boundaries resolve, and keeps a map of the 400-odd gemeenten near 100 kB.
    static let metresPerUnit = 250.0

    /// Where the boundaries of `year` are in `folder`.
    static func url(year: Int, in folder: URL) -> URL { folder.appendingPathComponent("gemeente_\(year).topojson") }

    /// Reads `url` and checks it against the gemeenten the reference knows in `year`: one shape
    /// per gemeente of that year, and none for a gemeente that did not exist then.
    static func load(_ url: URL, year: Int, gemeenten: [Gemeente]) throws -> GemeenteMap {
        // A missing file means no map for the year (the page says so); checked by the caller.
        let topology = try JSONFile.decode(TopoJSON.self, from: url, hint: "expected the gemeente boundaries of \(year)")
        return try GemeenteMap(topology, path: url.path, year: year, gemeenten: gemeenten)
    }

    init(_ topology: TopoJSON, path: String, year: Int, gemeenten: [Gemeente]) throws {
        func problem(_ text: String) -> SiteError { .inconsistentData(path: path, problem: text) }
        guard topology.type == "Topology" else { throw problem("has type \"\(topology.type)\"; expected \"Topology\"") }
        if let crs = topology.crs?.properties?.name, !crs.hasSuffix("28992") {
            throw problem("is in the coordinate system \(crs); expected the Dutch national grid (EPSG:28992, the `rd` files)")
        }
        if let transform = topology.transform, transform.scale.count != 2 || transform.translate.count != 2 {
            throw problem("has a transform with \(transform.scale.count) scale and \(transform.translate.count) translate values; expected two of each")
        }
        guard topology.objects.count == 1, let object = topology.objects.values.first else {
            throw problem("has \(topology.objects.count) objects; expected one collection of gemeenten")
        }
        let arcs = try topology.absoluteArcs(path: path)
        let points = arcs.flatMap { $0 }
        guard let minX = points.map(\.x).min(), let maxX = points.map(\.x).max(),
              let minY = points.map(\.y).min(), let maxY = points.map(\.y).max() else { throw problem("has no arcs") }
        // Rounded to the drawing's grid, y flipped (north up), repeated points dropped.
        let grid: [[GridPoint]] = arcs.map { arc in
            var rounded: [GridPoint] = []
            for point in arc {
                let next = GridPoint(x: Int(((point.x - minX) / Self.metresPerUnit).rounded()),
                                     y: Int(((maxY - point.y) / Self.metresPerUnit).rounded()))
                if rounded.last != next { rounded.append(next) }
            }
            return rounded
        }
        width = Int(((maxX - minX) / Self.metresPerUnit).rounded(.up))
        height = Int(((maxY - minY) / Self.metresPerUnit).rounded(.up))

        let expected = Dictionary(gemeenten.map { ($0.code, $0) }) { first, _ in first }
        var paths: [String: String] = [:]
        for (position, geometry) in (object.geometries ?? []).enumerated() {
            let label = "geometry \(position + 1)"
            guard let code = geometry.id ?? geometry.properties?.statcode else {
                throw problem("\(label) has no gemeente code (an `id` or a `statcode` property, e.g. GM0405)")
            }
            guard expected[code] != nil else {
                throw problem("\(label) is gemeente \(code), which the reference does not know on 1 January \(year)")
            }
            guard paths[code] == nil else { throw problem("\(label): gemeente \(code) has a second shape") }
            let polygons: [[[Int]]]
            switch geometry.arcs {
            case .polygon(let rings): polygons = [rings]
            case .multiPolygon(let parts): polygons = parts
            case nil: throw problem("\(label) (\(code)) is a \(geometry.type); expected a Polygon or a MultiPolygon")
            }
            var data = ""
            for ring in polygons.joined() {
                let points = try Self.ring(ring, arcs: grid, label: "\(label) (\(code))", problem: problem)
                // A ring rounding left without area (a speck of an island) is not drawn.
                guard Set(points).count >= 3 else { continue }
                Self.append(points, to: &data)
            }
            guard !data.isEmpty else { throw problem("\(label) (\(code)) has no part larger than the drawing's grid") }
            paths[code] = data
        }
        let missing = gemeenten.map(\.code).filter { paths[$0] == nil }.sorted()
        guard missing.isEmpty else {
            throw problem("has no shape for \(missing.count) gemeente(n) of \(year): \(missing.prefix(5).joined(separator: ", "))"
                + (missing.count > 5 ? ", …" : "") + "; expected the boundaries of 1 January \(year)")
        }
        self.paths = paths
    }

    /// A ring's points: its arcs in order (a negative index `~i` is arc `i` backwards), each
    /// arc's first point dropped after the first arc (it is the previous arc's last).
    static func ring(_ indexes: [Int], arcs: [[GridPoint]], label: String, problem: (String) -> SiteError) throws -> [GridPoint] {
        var points: [GridPoint] = []
        for index in indexes {
            let arcIndex = index >= 0 ? index : ~index
            guard arcs.indices.contains(arcIndex) else {
                throw problem("\(label) refers to arc \(arcIndex), but the topology has \(arcs.count) arcs")
            }
            let arc = index >= 0 ? arcs[arcIndex] : arcs[arcIndex].reversed()
            points += points.isEmpty ? arc[...] : arc.dropFirst()
        }
        if points.count > 1, points.first == points.last { points.removeLast() }
        return points
    }

    /// `M x y` and the rest relative (`l dx dy …`), closed: the shortest text for integer points.
    static func append(_ points: [GridPoint], to data: inout String) {
        guard let first = points.first else { return }
        if !data.isEmpty { data += " " }
        data += "M\(first.x) \(first.y)l"
        var previous = first
        for (offset, point) in points.dropFirst().enumerated() {
            data += (offset == 0 || point.x - previous.x < 0 ? "" : " ") + "\(point.x - previous.x)"
            data += (point.y - previous.y < 0 ? "" : " ") + "\(point.y - previous.y)"
            previous = point
        }
        data += "z"
    }

    struct GridPoint: Hashable, Sendable {
        let x: Int
        let y: Int
    }
}

/// A TopoJSON topology as far as a map of gemeenten needs it (https://github.com/topojson/topojson-specification).
struct TopoJSON: Decodable, Sendable {
    let type: String
    let arcs: [[[Double]]]
    let transform: Transform?
    let objects: [String: Object]
    let crs: CRS?

    struct Transform: Decodable, Sendable {
        let scale: [Double]
        let translate: [Double]
    }

    struct CRS: Decodable, Sendable {
        struct Properties: Decodable, Sendable { let name: String? }
        let properties: Properties?
    }

    struct Object: Decodable, Sendable {
        let type: String
        let geometries: [Geometry]?
    }

    struct Geometry: Decodable, Sendable {
        struct Properties: Decodable, Sendable { let statcode: String? }
        enum Arcs: Sendable {
            case polygon([[Int]])
            case multiPolygon([[[Int]]])
        }

        let type: String
        let id: String?
        let properties: Properties?
        let arcs: Arcs?

        enum CodingKeys: String, CodingKey { case type, id, properties, arcs }

        init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            type = try container.decode(String.self, forKey: .type)
            id = try container.decodeIfPresent(String.self, forKey: .id)
            properties = try container.decodeIfPresent(Properties.self, forKey: .properties)
            switch type {
            case "Polygon": arcs = .polygon(try container.decode([[Int]].self, forKey: .arcs))
            case "MultiPolygon": arcs = .multiPolygon(try container.decode([[[Int]]].self, forKey: .arcs))
            default: arcs = nil
            }
        }
    }

    struct Point {
        let x: Double
        let y: Double
    }

    /// Every arc in the file's coordinates: with a transform, the positions are quantized and
    /// each one after the first is the difference to the one before.
    func absoluteArcs(path: String) throws -> [[Point]] {
        try arcs.enumerated().map { number, arc in
            var x = 0.0, y = 0.0
            return try arc.map { position in
                guard position.count >= 2 else {
                    throw SiteError.inconsistentData(path: path, problem: "arc \(number) has a position with \(position.count) coordinate(s); expected two")
                }
                guard let transform else { return Point(x: position[0], y: position[1]) }
                x += position[0]
                y += position[1]
                return Point(x: x * transform.scale[0] + transform.translate[0], y: y * transform.scale[1] + transform.translate[1])
            }
        }
    }
}
