// Reads a YAML file into values that remember their place, and collects every
// problem found while the caller walks them, so one run reports them all.
import Foundation
import Yams

/// One YAML file being read. Values taken from it record their errors here.
public final class YAMLReader {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []
    /// The file's lines, to turn libyaml's scalar columns into character columns.
    private var lines: [Substring] = []
    /// Values read so far: aliases can make a small file unfold into billions of values.
    private var visits = 0
    public static let maximumValues = 200_000
    public static let maximumFileSize = 5_000_000
    /// The top node; nil for an empty file. Kept as a node, not a value: a value holds its
    /// reader, so a stored value made a cycle and leaked every file read (found by fuzzing).
    private var rootNode: Node?
    /// The top value; nil for an empty file.
    public var root: YAMLValue? { rootNode.map { YAMLValue(node: $0, path: "", reader: self) } }

    /// Parses `data`; throws if the bytes are not UTF-8 or not well-formed YAML.
    public init(data: Data, file: String) throws(DiagnosticError) {
        self.file = file
        guard data.count <= Self.maximumFileSize else {
            throw DiagnosticError(.error("the file is \(data.count / 1_000_000) MB; the most Handout reads is \(Self.maximumFileSize / 1_000_000) MB",
                                         at: SourceLocation(file: file, line: 1, column: 1),
                                         hint: "an article is text: split it, or remove what is not article text"))
        }
        let text = try Self.decodeUTF8(data, file: file)
        // Split by scalar, not by Character: quicker, and "\r\n" is one Character.
        lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        try rejectStrayCharacters()
        do {
            // No implicit tags: the reader decides what a scalar is (text, a number, nothing)
            // where it reads it, and matching every scalar against YAML 1.1's patterns for
            // booleans, numbers and dates was most of the parse.
            rootNode = try Yams.compose(yaml: text, .basic)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error))
        } catch {
            throw DiagnosticError(.error("cannot read YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1)))
        }
    }

    /// Reads the file at `path`; a missing or unreadable file is an error naming it.
    public convenience init(contentsOf path: String) throws(DiagnosticError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw Self.unreadable(path) }
        try self.init(data: data, file: path)
    }

    /// Why a file could not be read, in words that point at the fix.
    private static func unreadable(_ path: String) -> DiagnosticError {
        var reason = ENOENT
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            reason = EISDIR
        } else {
            let descriptor = open(path, O_RDONLY)
            reason = descriptor < 0 ? errno : EIO   // it opens, so reading it failed
            if descriptor >= 0 { close(descriptor) }
        }
        switch reason {
        case ENOENT: return DiagnosticError(.error("no such file '\(path)'", hint: "check the path and spelling"))
        case ELOOP: return DiagnosticError(.error("cannot read '\(path)': its symbolic links lead round in a loop",
                                                  hint: "point the link at the article file"))
        case EISDIR: return DiagnosticError(.error("'\(path)' is a folder, not an article file",
                                                   hint: "name a .yaml file inside it"))
        default: return DiagnosticError(.error("cannot read '\(path)': \(String(cString: strerror(reason)))",
                                               hint: "check its permissions"))
        }
    }

    func record(_ diagnostic: Diagnostic) {
        diagnostics.append(diagnostic)
    }

    /// Counts a value read; false (and one error) once the file has unfolded into too many.
    func visit(_ node: Node) -> Bool {
        visits += 1
        if visits == Self.maximumValues {
            record(.error("the file unfolds into more than \(Self.maximumValues) values (aliases repeating aliases?)",
                          at: location(of: node), hint: "write the content out plainly; articles need no anchors or aliases"))
        }
        return visits < Self.maximumValues
    }

    /// Throws every error recorded so far, with the warnings alongside.
    public func throwIfErrors() throws(DiagnosticError) {
        if !diagnostics.errors.isEmpty { throw DiagnosticError(diagnostics) }
    }

    func location(of node: Node) -> SourceLocation {
        node.mark.map(location(of:)) ?? SourceLocation(file: file, line: 1, column: 1)
    }

    /// libyaml counts columns in Unicode scalars; people count characters (কি is one).
    func location(of mark: Mark) -> SourceLocation {
        let column: Int
        if mark.line >= 1, mark.line <= lines.count {
            let prefix = lines[mark.line - 1].unicodeScalars.prefix(max(0, mark.column - 1))
            column = String(String.UnicodeScalarView(prefix)).count + 1
        } else {
            column = mark.column
        }
        return SourceLocation(file: file, line: mark.line, column: column)
    }

    /// Where a tab stands in the leading white space of `line` (1-based), if it does.
    func indentingTab(onLine line: Int) -> SourceLocation? {
        guard line >= 1, line <= lines.count else { return nil }
        let indent = lines[line - 1].prefix { $0 == " " || $0 == "\t" }
        guard let tab = indent.firstIndex(of: "\t") else { return nil }
        return SourceLocation(file: file, line: line, column: indent.distance(from: indent.startIndex, to: tab) + 1)
    }

    /// Decodes UTF-8, naming the line and column of the first bad byte.
    static func decodeUTF8(_ data: Data, file: String) throws(DiagnosticError) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        var line = 1
        var current = String.UnicodeScalarView()   // the line so far, up to the bad byte
        var iterator = data.makeIterator()
        var decoder = UTF8()
        decoding: while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar == "\n" { line += 1; current = String.UnicodeScalarView() } else { current.append(scalar) }
        }
        let column = String(current).count + 1
        throw DiagnosticError(.error("the file is not valid UTF-8 text",
                                     at: SourceLocation(file: file, line: line, column: column),
                                     hint: "save the file as UTF-8 (most editors offer this under 'Save with encoding')"))
    }

    /// libyaml refuses control characters without saying where; find the first one ourselves.
    private func rejectStrayCharacters() throws(DiagnosticError) {
        guard lines.contains(where: { $0.unicodeScalars.contains { $0.isStray && $0 != "\r" } }) else { return }
        for (index, line) in lines.enumerated() {
            var column = 1
            for character in line {
                if let stray = character.unicodeScalars.first(where: { $0.isStray && $0 != "\r" }) {
                    throw DiagnosticError(Self.strayCharacter(stray, at: SourceLocation(file: file, line: index + 1, column: column)))
                }
                column += 1
            }
        }
    }

    static func strayCharacter(_ scalar: Unicode.Scalar, at location: SourceLocation, subject: String? = nil) -> Diagnostic {
        .error("the text holds the invisible character \(scalar.described)", at: location, subject: subject,
               hint: "delete it: it prints nothing and usually comes from copying text out of another program")
    }

    func diagnostic(for error: YamlError) -> Diagnostic {
        let hint = "check the indentation and that every 'key: value' pair has a space after the colon"
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            // A tab in the indentation: libyaml may name the line before it; name the tab.
            if let tab = [mark.line, context?.mark.line].compactMap({ $0 }).lazy.compactMap(indentingTab(onLine:)).first {
                return .error("a tab in the indentation", at: tab, hint: "YAML indents with spaces: replace the tab with spaces")
            }
            // A token left open (a quote) is found wrong only where the file ends:
            // point at where it began, which is where the fix goes.
            if let context, context.text.contains("scanning") {
                return .error("malformed YAML: \(problem) \(context.text)", at: location(of: context.mark),
                              hint: "close it (the problem shows at line \(mark.line))")
            }
            let why = context.map { "\(problem) \($0.text)" } ?? problem
            return .error("malformed YAML: \(why)", at: location(of: mark), hint: hint)
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("the key '\(duplicates.joined(separator: "', '"))' appears twice in one mapping",
                          at: location(of: context.mark), hint: "keep one of them")
        case let .reader(problem, _, _, _):
            return .error("unreadable YAML: \(problem)", at: SourceLocation(file: file, line: 1, column: 1),
                          hint: "remove control characters from the file")
        default:
            return .error("malformed YAML: \(error)", at: SourceLocation(file: file, line: 1, column: 1), hint: hint)
        }
    }
}

/// A node of the file with its path ("causes.items[2].en") and place.
public struct YAMLValue {
    let node: Node
    public let path: String
    let reader: YAMLReader

    public var location: SourceLocation { reader.location(of: node) }
    public var isNull: Bool { node.null != nil }
    public var isList: Bool { if case .sequence = node { return true } else { return false } }
    /// The keys of a mapping, in file order; nil for anything else.
    public var mappingKeys: [String]? {
        guard case .mapping(let mapping) = node else { return nil }
        return mapping.keys.compactMap(\.string)
    }

    public func error(_ message: String, hint: String? = nil) {
        reader.record(.error(message, at: location, subject: path.isEmpty ? nil : path, hint: hint))
    }

    public func warning(_ message: String, hint: String? = nil, rule: String? = nil) {
        var warning = Diagnostic.warning(message, at: location, subject: path.isEmpty ? nil : path, hint: hint)
        warning.rule = rule
        reader.record(warning)
    }

    var kind: String {
        switch node {
        case .scalar: return isNull ? "nothing" : "text"
        case .mapping: return "a set of fields"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// The scalar's text, NFC-normalised (so one word has one encoding); nil and an error otherwise.
    public func text() -> String? {
        guard reader.visit(node) else { return nil }
        guard case .scalar(let scalar) = node, !isNull else {
            error("expected text, found \(kind)",
                  hint: "write the text after the colon on the same line, or use '|' for several lines")
            return nil
        }
        if let stray = scalar.string.unicodeScalars.first(where: \.isStray) {
            reader.record(YAMLReader.strayCharacter(stray, at: location, subject: path.isEmpty ? nil : path))
            return nil
        }
        if let letter = scalar.string.overlongLetter {
            error("one letter here is built from \(letter) characters (a letter with its marks and joiners); real writing needs at most \(String.maximumLetterLength)",
                  hint: "delete the repeated accents, vowel signs or joiners: they cannot be printed or copied reliably")
            return nil
        }
        return scalar.string.composed
    }

    /// The items of a list; nil and an error otherwise.
    public func items() -> [YAMLValue]? {
        guard reader.visit(node) else { return nil }
        guard case .sequence(let sequence) = node else {
            error("expected a list, found \(kind)", hint: "start each item on its own line with '- '")
            return nil
        }
        return sequence.enumerated().map { YAMLValue(node: $1, path: "\(path)[\($0)]", reader: reader) }
    }

    /// The fields of a mapping. Unknown keys and missing required keys are errors.
    public func fields(known: [String], required: [String] = []) -> YAMLFields? {
        guard reader.visit(node) else { return nil }
        guard case .mapping(let mapping) = node else {
            error("expected fields (\(known.prefix(4).joined(separator: ", "))…), found \(kind)",
                  hint: "write each field as 'name: value' on its own line, indented under this one")
            return nil
        }
        var values: [String: YAMLValue] = [:]
        var suggested: Set<String> = []
        for (key, value) in mapping {
            let name = key.string ?? ""
            let child = YAMLValue(node: value, path: path.isEmpty ? name : "\(path).\(name)", reader: reader)
            guard known.contains(name) else {
                let suggestion = closestMatch(to: name, in: known)
                if let suggestion { suggested.insert(suggestion) }
                reader.record(.error("unknown field '\(name)'", at: reader.location(of: key),
                                     subject: path.isEmpty ? nil : path,
                                     hint: suggestion.map { "did you mean '\($0)'?" }
                                         ?? "known fields here: \(known.joined(separator: ", "))"))
                continue
            }
            values[name] = child
        }
        // A misspelt required field was reported once already, with its suggestion.
        for name in required where values[name] == nil && !suggested.contains(name) {
            error("missing required field '\(name)'", hint: "add '\(name):' here")
        }
        return YAMLFields(values: values, owner: self)
    }

    /// `true`/`yes` or `false`/`no`; nil and an error otherwise.
    public func flag() -> Bool? {
        switch text() {
        case "true", "yes": return true
        case "false", "no": return false
        case let other?:
            error("expected true or false, found '\(other)'")
            return nil
        case nil:
            return nil
        }
    }

    /// A number within `range`; nil and an error otherwise.
    public func number(in range: ClosedRange<Double>) -> Double? {
        guard case .scalar(let scalar) = node, let value = Double(scalar.string) else {
            error("expected a number, found \(kind == "text" ? "'\(node.string ?? "")'" : kind)")
            return nil
        }
        guard range.contains(value) else {
            error("\(scalar.string) is out of range", hint: "use a value from \(range.lowerBound) to \(range.upperBound)")
            return nil
        }
        return value
    }
}

/// The fields of one mapping, by name.
public struct YAMLFields {
    let values: [String: YAMLValue]
    public let owner: YAMLValue

    public subscript(name: String) -> YAMLValue? { values[name] }
    public var names: [String] { Array(values.keys) }
}
