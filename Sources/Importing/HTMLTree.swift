// A web page parsed by libxml2's HTML parser (forgiving, like a browser) into a small
// Swift tree. This file is the only one that touches libxml2.
internal import CLibXML2
import Diagnostics
import Foundation

enum HTMLTree {
    /// Parses `data` as HTML; what the parser had to repair comes back as warnings.
    static func parse(_ data: Data, file: String) -> (root: HTMLNode?, warnings: [Diagnostic]) {
        let sink = ErrorSink(file: file)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOBLANKS.rawValue)
        let document = lock.withLock { () -> htmlDocPtr? in
            // libxml2 reports errors through a process-wide hook: set it only around this parse.
            xmlSetStructuredErrorFunc(context, collectError)
            defer { xmlSetStructuredErrorFunc(nil, nil) }
            return data.withUnsafeBytes { bytes in
                htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), file, "UTF-8", options)
            }
        }
        guard let document else { return (nil, sink.warnings) }
        defer { xmlFreeDoc(document) }
        return (xmlDocGetRootElement(document).map(convert), sink.warnings)
    }

    private static let lock = NSLock()

    private static func convert(_ node: xmlNodePtr) -> HTMLNode {
        let element = node.pointee
        if element.type == XML_TEXT_NODE || element.type == XML_CDATA_SECTION_NODE {
            return .text(element.content.map { String(cString: $0) } ?? "")
        }
        var attributes: [String: String] = [:]
        var attribute = element.properties
        while let current = attribute {
            // An attribute's value is the text node under it; reading it needs no freeing.
            let name = String(cString: current.pointee.name)
            attributes[name] = current.pointee.children?.pointee.content.map { String(cString: $0) } ?? ""
            attribute = current.pointee.next
        }
        var children: [HTMLNode] = []
        var child = element.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE || current.pointee.type == XML_TEXT_NODE
                || current.pointee.type == XML_CDATA_SECTION_NODE {
                children.append(convert(current))
            }
            child = current.pointee.next
        }
        let name = element.name.map { String(cString: $0) } ?? ""
        return .element(name: name.lowercased(), attributes: attributes, children: children, line: Int(xmlGetLineNo(node)))
    }
}

/// Collects libxml2's messages as warnings with their lines.
private final class ErrorSink {
    let file: String
    var warnings: [Diagnostic] = []

    init(file: String) {
        self.file = file
    }
}

private func collectError(_ context: UnsafeMutableRawPointer?, _ error: xmlErrorPtr?) {
    guard let context, let error else { return }
    // HTML5 elements (<main>, <section>, …) are unknown to libxml2 2.9 but read fine.
    if error.pointee.code == Int32(XML_HTML_UNKNOWN_TAG.rawValue) { return }
    let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
    let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "HTML problem"
    sink.warnings.append(.warning("the page's HTML was repaired: \(message)",
                                  at: SourceLocation(file: sink.file, line: Int(error.pointee.line), column: max(1, Int(error.pointee.int2))),
                                  hint: "check that this part of the page came through as meant"))
}
