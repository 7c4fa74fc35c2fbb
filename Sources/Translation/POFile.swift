// A gettext PO file, read and written by libgettextpo (GNU gettext's own library), so the
// files are exactly what Poedit, Weblate, OmegaT and msgfmt expect. This file is the only
// one that touches libgettextpo.
internal import CGettextPO
import Diagnostics
import Foundation

/// One unit of a PO file.
struct POMessage: Equatable {
    var context: String
    var english: String
    var translation: String
    var fuzzy: Bool = false
    /// The translator's note ("#." lines).
    var note: String = ""
    /// Where the text is in the article file ("#:" line).
    var reference: (file: String, line: Int)?
    /// The line of the PO file the unit starts on, when read from one.
    var line: Int = 0

    static func == (a: POMessage, b: POMessage) -> Bool {
        a.context == b.context && a.english == b.english && a.translation == b.translation && a.fuzzy == b.fuzzy
    }
}

struct POFile {
    /// Header fields, in order ("Language", "X-Handout-Article"…).
    var header: [(String, String)]
    var messages: [POMessage]

    func field(_ name: String) -> String? { header.first { $0.0 == name }?.1 }

    /// The file as PO text.
    func text() throws(DiagnosticError) -> Data {
        let file = po_file_create()!
        defer { po_file_free(file) }
        let iterator = po_message_iterator(file, nil)!
        defer { po_message_iterator_free(iterator) }
        let head = po_message_create()!
        po_message_set_msgid(head, "")
        po_message_set_msgstr(head, header.map { "\($0.0): \($0.1)\n" }.joined())
        po_message_insert(iterator, head)
        for message in messages {
            let unit = po_message_create()!
            po_message_set_msgctxt(unit, message.context)
            po_message_set_msgid(unit, message.english)
            po_message_set_msgstr(unit, message.translation)
            if !message.note.isEmpty { po_message_set_extracted_comments(unit, message.note) }
            if let reference = message.reference { po_message_add_filepos(unit, reference.file, reference.line) }
            po_message_set_fuzzy(unit, message.fuzzy ? 1 : 0)
            po_message_insert(iterator, unit)
        }
        // libgettextpo writes to a file name only: a private temporary file, read back.
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("handout-\(UUID().uuidString).po")
        defer { try? FileManager.default.removeItem(at: temporary) }
        try Self.collecting(file: temporary.path) { handler in _ = po_file_write_v2(file, temporary.path, handler) }
        guard let data = FileManager.default.contents(atPath: temporary.path) else {
            throw DiagnosticError(.error("the PO file could not be written"))
        }
        return data
    }

    /// Reads the PO file at `path`; what libgettextpo finds wrong is an error at its line.
    static func read(_ path: String) throws(DiagnosticError) -> POFile {
        var handle: po_file_t?
        try collecting(file: path) { handler in handle = po_file_read_v3(path, handler) }
        guard let file = handle else { throw DiagnosticError(.error("cannot read '\(path)' as a PO file", hint: "check the path")) }
        defer { po_file_free(file) }
        let lines = (try? String(contentsOfFile: path, encoding: .utf8))?.components(separatedBy: "\n") ?? []
        let iterator = po_message_iterator(file, nil)!
        defer { po_message_iterator_free(iterator) }
        var header: [(String, String)] = []
        var messages: [POMessage] = []
        while let message = po_next_message(iterator) {
            let english = String(cString: po_message_msgid(message))
            let translation = String(cString: po_message_msgstr(message))
            if english.isEmpty {
                header = translation.split(separator: "\n").compactMap { line in
                    line.firstIndex(of: ":").map { (String(line[..<$0]), line[line.index(after: $0)...].trimmingCharacters(in: .whitespaces)) }
                }
                continue
            }
            guard po_message_is_obsolete(message) == 0 else { continue }
            let context = po_message_msgctxt(message).map { String(cString: $0) } ?? ""
            // libgettextpo keeps no line numbers: the unit starts where its context is written.
            let line = (lines.firstIndex(of: "msgctxt \(quoted(context))") ?? lines.firstIndex { $0.hasPrefix("msgid") } ?? 0) + 1
            messages.append(POMessage(context: context, english: english, translation: translation,
                                      fuzzy: po_message_is_fuzzy(message) != 0,
                                      note: po_message_extracted_comments(message).map { String(cString: $0) } ?? "", line: line))
        }
        return POFile(header: header, messages: messages)
    }

    /// A PO string literal, as msgctxt lines are written.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    // MARK: Errors

    /// Runs `body` with an error handler; libgettextpo's errors come back as one DiagnosticError.
    private static func collecting(file: String, _ body: (po_xerror_handler_t) -> Void) throws(DiagnosticError) {
        let found = lock.withLock { () -> [Diagnostic] in
            collected = []
            currentFile = file
            withUnsafePointer(to: handler) { body($0) }
            return collected
        }
        let errors = found.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticError(errors) }
    }

    // libgettextpo reports through plain C function pointers, with no context: its reports
    // are gathered here, one read or write at a time.
    private static let lock = NSLock()
    nonisolated(unsafe) fileprivate static var collected: [Diagnostic] = []
    nonisolated(unsafe) fileprivate static var currentFile = ""
    nonisolated(unsafe) private static var handler = po_xerror_handler(xerror: report, xerror2: report2)
}

private func report(_ severity: Int32, _ message: po_message_t?, _ filename: UnsafePointer<CChar>?, _ line: Int, _ column: Int,
                    _ multiline: Int32, _ text: UnsafePointer<CChar>?) {
    let location = SourceLocation(file: filename.map { String(cString: $0) } ?? POFile.currentFile, line: max(1, line), column: max(1, column + 1))
    let words = text.map { String(cString: $0) } ?? "PO problem"
    POFile.collected.append(severity == PO_SEVERITY_WARNING ? .warning(words, at: location)
                                                               : .error(words, at: location, hint: "open the file in a PO editor to repair it"))
}

private func report2(_ severity: Int32, _ message1: po_message_t?, _ filename1: UnsafePointer<CChar>?, _ line1: Int, _ column1: Int,
                     _ multiline1: Int32, _ text1: UnsafePointer<CChar>?, _ message2: po_message_t?, _ filename2: UnsafePointer<CChar>?,
                     _ line2: Int, _ column2: Int, _ multiline2: Int32, _ text2: UnsafePointer<CChar>?) {
    report(severity, message1, filename1, line1, column1, multiline1, text1)
}
