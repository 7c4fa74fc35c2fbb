// A problem found in an input file or during layout: what, where, and how to fix it.

/// A place in a source file. Lines and columns count from 1; column counts characters.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One message for a person: an error stops the output, a warning does not.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var message: String
    /// Where in an input file, when the problem has a place.
    public var location: SourceLocation?
    /// A path into the document ("causes.items[3].bn"), when there is no file place.
    public var subject: String?
    /// How to fix it.
    public var hint: String?
    /// The check that raised it ("long-sentence"), so an article can silence it with a reason.
    public var rule: String?

    public init(_ severity: Severity, _ message: String, at location: SourceLocation? = nil,
                subject: String? = nil, hint: String? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
        self.subject = subject
        self.hint = hint
    }

    public static func error(_ message: String, at location: SourceLocation? = nil,
                             subject: String? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location, subject: subject, hint: hint)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil,
                               subject: String? = nil, hint: String? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location, subject: subject, hint: hint)
    }

    /// The same diagnostic, marked as raised by `rule`.
    public func rule(_ rule: String) -> Diagnostic {
        var copy = self
        copy.rule = rule
        return copy
    }

    /// `file:line:col: error: message (subject) [rule]` and the hint on its own line.
    public var description: String {
        var text = location.map { "\($0): " } ?? ""
        text += "\(severity.rawValue): \(message)"
        if let subject { text += " (\(subject))" }
        if let rule { text += " [\(rule)]" }
        if let hint { text += "\n  hint: \(hint)" }
        return text
    }
}

/// Thrown when a step cannot go on; carries every error found, not only the first.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public init(_ diagnostic: Diagnostic) {
        self.diagnostics = [diagnostic]
    }

    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

extension Diagnostic {
    /// The fields tools read (for JSON output): file, line, column, severity, message, path, hint, rule.
    public var jsonObject: [String: Any] {
        var object: [String: Any] = ["severity": severity.rawValue, "message": message]
        if let location {
            object["file"] = location.file
            object["line"] = location.line
            object["column"] = location.column
        }
        if let subject { object["path"] = subject }
        if let hint { object["hint"] = hint }
        if let rule { object["rule"] = rule }
        return object
    }
}

extension Array where Element == Diagnostic {
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
