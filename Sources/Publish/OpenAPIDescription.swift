import Support

/// `api/v1/openapi.json`: the OpenAPI 3.1 description of the static API (`StaticAPI`). Its
/// schemas are JSON Schema 2020-12 and closed (`additionalProperties: false`), so a field added
/// to a file without being described here fails the validation in Tests/Data.
enum OpenAPIDescription {
    static func object(_ properties: [String: JSONValue], required: [String]? = nil, description: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = [
            "type": .string("object"), "additionalProperties": .bool(false), "properties": .object(properties),
            "required": .array((required ?? properties.keys.sorted()).sorted().map { .string($0) }),
        ]
        if let description { members["description"] = .string(description) }
        return .object(members)
    }

    static func reference(_ name: String) -> JSONValue { .object(["$ref": .string("#/components/schemas/\(name)")]) }
    static func type(_ name: String, _ description: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["type": .string(name)]
        if let description { members["description"] = .string(description) }
        return .object(members)
    }
    static func nullable(_ name: String, _ description: String? = nil) -> JSONValue {
        var members: [String: JSONValue] = ["type": .array([.string(name), .string("null")])]
        if let description { members["description"] = .string(description) }
        return .object(members)
    }
    static func nullable(reference name: String) -> JSONValue {
        .object(["oneOf": .array([reference(name), .object(["type": .string("null")])])])
    }
    static func array(_ items: JSONValue) -> JSONValue { .object(["type": .string("array"), "items": items]) }
    static let code = JSONValue.object(["type": .string("string"), "pattern": .string("^GM[0-9]{4}$"), "description": .string("CBS-gemeentecode")])

    static var schemas: [String: JSONValue] {
        let edition: [String: JSONValue] = [
            "year": type("integer", "Jaar van de editie"), "model": type("string", "Naam van het scoringsmodel"),
            "model_label": type("string", "Het scoringsmodel in woorden"), "maximum": type("integer", "Hoogst mogelijke score"),
            "parts": array(reference("Part")),
        ]
        let entry: [String: JSONValue] = [
            "code": code, "name": type("string"), "province": type("string"), "size_class": type("string", "Grootteklasse (id)"),
            "inhabitants": type("integer", "Inwoners op 1 januari van het jaar"),
            "scores": .object(["type": .string("object"), "additionalProperties": type("integer"), "description": .string("Punten per onderdeel")]),
            "total": type("integer"), "rank": type("integer", "Rang; gelijke scores delen een rang"),
            "rank_size_class": type("integer"), "rank_province": type("integer"),
            "rank_interval": nullable(reference: "RankInterval"),
            "relative_position": type("number", "Deel van de andere gemeenten dat lager staat, in procenten"),
            "flags": array(type("string")),
        ]
        var rankingEntry = entry
        rankingEntry["gemeente"] = type("string", "Het bestand van de gemeente in deze editie (relatief)")
        var historyEntry = entry
        historyEntry["year"] = type("integer")
        historyEntry["model"] = type("string")
        historyEntry["model_label"] = type("string")
        historyEntry["maximum"] = type("integer")
        historyEntry["gemeenten"] = type("integer", "Aantal gemeenten in de ranglijst van die editie")
        historyEntry["file"] = type("string", "Het bestand van de gemeente in die editie (relatief)")
        var editionsItem = edition
        editionsItem["gemeenten"] = type("integer")
        editionsItem["ranking"] = type("string", "Het bestand met de ranglijst (relatief)")
        var ranking = edition
        ranking["herkomst"] = reference("Herkomst")
        ranking["entries"] = array(reference("RankingEntry"))
        var gemeenteEdition = edition
        gemeenteEdition["herkomst"] = reference("Herkomst")
        gemeenteEdition["gemeente"] = reference("Entry")
        gemeenteEdition["explanation"] = array(reference("ExplanationLine"))
        gemeenteEdition["comparison"] = nullable(reference: "Comparison")

        return [
            "Herkomst": object([
                "meetlat": type("string", "Versie van meetlat"), "referentie": type("string", "De referentiegegevens"),
                "licentie": type("string"), "uitgever": type("string"), "synthetisch": type("boolean", "Verzonnen demonstratiegegevens"),
                "editie": type("integer"), "model": type("string"), "model_naam": type("string"),
                "edities": array(type("integer")), "modellen": array(type("string")),
            ], required: ["meetlat", "referentie", "licentie", "uitgever", "synthetisch"],
               description: "Waar het bestand vandaan komt: editie en model (of alle edities en modellen), meetlat, referentiegegevens"),
            "Part": object(["id": type("string"), "label": type("string"), "maximum": type("integer"), "weight": type("integer")]),
            "RankInterval": object(["median": type("integer"), "low": type("integer"), "high": type("integer")],
                                   description: "Mediane rang en 90%-interval bij andere rekenkeuzes"),
            "Entry": object(entry),
            "RankingEntry": object(rankingEntry),
            "HistoryEntry": object(historyEntry),
            "ExplanationLine": object([
                "dimension": type("string"), "field": type("string"), "label": type("string"), "answer": type("string"),
                "points": nullable("integer"), "reason": type("string"),
            ]),
            "Comparison": object([
                "previous_year": type("integer"), "basis": .object(["enum": .array(["zelfde", "voorganger", "nieuw"].map { .string($0) })]),
                "previous_code": nullable("string"), "previous_rank": nullable("integer"), "rank_change": nullable("integer"),
                "previous_total": nullable("integer"), "score_change": nullable("integer"), "previous_position": nullable("number"),
                "position_change": nullable("number"),
            ]),
            "Editions": object(["herkomst": reference("Herkomst"), "editions": array(object(editionsItem))]),
            "Ranking": object(ranking),
            "GemeenteEdition": object(gemeenteEdition),
            "GemeenteHistory": object([
                "herkomst": reference("Herkomst"), "code": code, "name": type("string"), "province": type("string"),
                "aliases": array(type("string")), "editions": array(reference("HistoryEntry")),
            ]),
        ]
    }

    static func operation(_ summary: String, _ schema: String, parameters: [JSONValue] = []) -> JSONValue {
        var get: [String: JSONValue] = [
            "summary": .string(summary), "operationId": .string(schema.prefix(1).lowercased() + schema.dropFirst()),
            "responses": .object(["200": .object([
                "description": .string(summary),
                "content": .object(["application/json": .object(["schema": reference(schema)])]),
            ])]),
        ]
        if !parameters.isEmpty { get["parameters"] = .array(parameters) }
        return .object(["get": .object(get)])
    }

    static func parameter(_ name: String, _ schema: JSONValue, _ description: String) -> JSONValue {
        .object(["name": .string(name), "in": .string("path"), "required": .bool(true), "schema": schema, "description": .string(description)])
    }

    static func json(_ input: PublishInput) -> JSONValue {
        let year = parameter("year", type("integer"), "Jaar van de editie")
        let code = parameter("code", code, "CBS-gemeentecode, bijvoorbeeld GM0405")
        var licence: [String: JSONValue] = ["name": .string(input.licence.title)]
        if !input.licence.url.isEmpty { licence["url"] = .string(input.licence.url) }
        return .object([
            "openapi": .string("3.1.0"),
            "info": .object([
                "title": .string("Socialmediameetlat: statische JSON-API"),
                "version": .string("1"),
                "description": .string("Vaste JSON-bestanden met de ranglijsten van de socialmediameetlat, gemaakt door \(PublishInput.meetlat). "
                    + "Elk bestand noemt in herkomst de editie, het scoringsmodel, de versie van meetlat en de referentiegegevens."
                    + (input.syntheticData ? " Let op: de antwoorden zijn verzonnen demonstratiegegevens." : "")),
                "license": .object(licence),
            ]),
            "servers": .array([.object(["url": .string("../.."), "description": .string("De site zelf: de paden zijn relatief aan de hoofdmap van de site")])]),
            "paths": .object([
                "/api/v1/editions.json": operation("Alle edities", "Editions"),
                "/api/v1/{year}/ranking.json": operation("De ranglijst van een editie", "Ranking", parameters: [year]),
                "/api/v1/{year}/gemeente/{code}.json": operation("Een gemeente in een editie", "GemeenteEdition", parameters: [year, code]),
                "/api/v1/gemeente/{code}.json": operation("Een gemeente in alle edities", "GemeenteHistory", parameters: [code]),
            ]),
            "components": .object(["schemas": .object(schemas)]),
        ])
    }
}
