import CLibXML2
import Foundation
import Support

/// libxml2 is initialised once per process before any reader is made.
private let libxml2Ready: Void = { xmlInitParser() }()

/// A streaming pull parser (libxml2's xmlTextReader) over one inflated ZIP entry: memory stays
/// flat however large the sheet. No DTD is loaded, no entity expanded, nothing fetched from a
/// network, and libxml2's own bound on a single text node (10 MB) stays in force.
final class XMLStream {
    enum Node: Int32 {
        case element = 1, text = 3, cdata = 4, whitespace = 13, significantWhitespace = 14, endElement = 15, documentType = 10
    }

    let entry: ZipEntryStream
    let displayName: String
    private var reader: xmlTextReaderPtr?
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 8)
    private var buffered = 0
    private var consumed = 0
    /// The first failure of the ZIP layer (limits, damaged data) or of libxml2.
    fileprivate var ioFailure: TableFileError?
    fileprivate var xmlMessage: String?
    fileprivate var xmlLine = 0

    init(_ entry: ZipEntryStream, displayName: String) throws(TableFileError) {
        _ = libxml2Ready
        self.entry = entry
        self.displayName = displayName
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        reader = xmlReaderForIO(xmlStreamRead, nil, Unmanaged.passUnretained(self).toOpaque(), entry.name, nil, options)
        guard let reader else {
            throw TableFileError(file: displayName, part: entry.name, problem: "the XML parser could not be started")
        }
        xmlTextReaderSetStructuredErrorHandler(reader, xmlStreamError, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        if let reader { xmlFreeTextReader(reader) }
        buffer.deallocate()
    }

    /// Moves to the next node; `false` at the end of the document.
    func next() throws(TableFileError) -> Bool {
        let result = xmlTextReaderRead(reader)
        if result == 1 {
            if xmlTextReaderNodeType(reader) == Node.documentType.rawValue {
                throw failure("holds a document type declaration, which no spreadsheet program writes")
            }
            return true
        }
        if let ioFailure { throw ioFailure }
        if result == 0 { return false }
        if let xmlMessage, xmlMessage.contains("huge text node") {
            // libxml2's own bound on one piece of text (XML_MAX_TEXT_LENGTH, 10 MB).
            throw failure("a cell or string holds more than 10 MB of text; no survey answer is that long")
        }
        throw failure("is not well-formed XML (\(VisibleText.codePoints(xmlMessage ?? "parse error"))); the file is damaged")
    }

    func failure(_ problem: String) -> TableFileError {
        let line = xmlLine > 0 ? xmlLine : Int(xmlTextReaderGetParserLineNumber(reader))
        return TableFileError(file: displayName, part: entry.name + (line > 0 ? " line \(line)" : ""), problem: problem)
    }

    var nodeType: Int32 { xmlTextReaderNodeType(reader) }
    var isEmptyElement: Bool { xmlTextReaderIsEmptyElement(reader) == 1 }

    /// The local name of the current node, interned by the reader: compare with `intern`.
    var localName: UnsafePointer<xmlChar>? { xmlTextReaderConstLocalName(reader) }

    /// The reader's own copy of a name, so that names compare by pointer.
    func intern(_ name: String) -> UnsafePointer<xmlChar>? {
        name.withCString { xmlTextReaderConstString(reader, UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
    }

    /// The text of a text node, appended as UTF-8 bytes.
    func appendValue(to bytes: inout [UInt8]) {
        guard let value = xmlTextReaderConstValue(reader) else { return }
        var pointer = value
        while pointer.pointee != 0 {
            bytes.append(pointer.pointee)
            pointer += 1
        }
    }

    var value: String {
        guard let value = xmlTextReaderConstValue(reader) else { return "" }
        return String(cString: value)
    }

    /// Calls `body` with each attribute's interned local name and its value pointer.
    func forEachAttribute(_ body: (UnsafePointer<xmlChar>?, UnsafePointer<xmlChar>) -> Void) {
        guard xmlTextReaderMoveToFirstAttribute(reader) == 1 else { return }
        repeat {
            if let value = xmlTextReaderConstValue(reader) { body(xmlTextReaderConstLocalName(reader), value) }
        } while xmlTextReaderMoveToNextAttribute(reader) == 1
        xmlTextReaderMoveToElement(reader)
    }

    /// The current element's attributes by local name (for the small parts: workbook, styles).
    var attributes: [String: String] {
        var result: [String: String] = [:]
        forEachAttribute { name, value in
            if let name { result[String(cString: name)] = String(cString: value) }
        }
        return result
    }

    fileprivate func fill(_ target: UnsafeMutablePointer<CChar>, _ length: Int) -> Int32 {
        do {
            if consumed == buffered {
                buffered = try entry.read(into: buffer)
                consumed = 0
                if buffered == 0 { return 0 }
            }
            let count = min(length, buffered - consumed)
            UnsafeMutableRawPointer(target).copyMemory(from: buffer.baseAddress! + consumed, byteCount: count)
            consumed += count
            return Int32(count)
        } catch {
            if ioFailure == nil { ioFailure = error }
            return -1
        }
    }
}

private func xmlStreamRead(_ context: UnsafeMutableRawPointer?, _ target: UnsafeMutablePointer<CChar>?, _ length: Int32) -> Int32 {
    guard let context, let target, length > 0 else { return -1 }
    return Unmanaged<XMLStream>.fromOpaque(context).takeUnretainedValue().fill(target, Int(length))
}

private func xmlStreamError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    let stream = Unmanaged<XMLStream>.fromOpaque(context).takeUnretainedValue()
    guard stream.xmlMessage == nil else { return }
    let text = error.pointee.message.map { String(cString: $0) } ?? "error \(error.pointee.code)"
    stream.xmlMessage = text.trimmingCharacters(in: .whitespacesAndNewlines)
    stream.xmlLine = Int(error.pointee.line)
}
