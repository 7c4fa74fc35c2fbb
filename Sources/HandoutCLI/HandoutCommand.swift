// The `handout` command: thin flags over HandoutKit's Publisher, one file per subcommand.
import ArgumentParser
import Diagnostics
import Foundation
import HandoutKit

@main
struct HandoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handout",
        abstract: "Turn a medical article into print-ready patient PDFs in English, Bangla or both.",
        subcommands: [Render.self, Validate.self, Schema.self, Pack.self, Import.self, Translate.self, Serve.self]
    )
}

extension DocumentKind: ExpressibleByArgument {}
extension LanguageMode: ExpressibleByArgument {}
extension Paper: ExpressibleByArgument {}

/// Runs `body`; its errors are printed as file:line:column messages and end the command with 1.
func report<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as DiagnosticError {
        for diagnostic in error.diagnostics { FileHandle.standardError.write(Data("\(diagnostic)\n".utf8)) }
        throw ExitCode.failure
    }
}

/// A comma-separated list of a flag's values, each checked.
func choices<T: RawRepresentable & CaseIterable>(_ list: String, _: T.Type, flag: String) throws -> [T] where T.RawValue == String {
    try list.split(separator: ",").map { name in
        guard let value = T(rawValue: String(name)) else {
            throw ValidationError("\(flag): '\(name)' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return value
    }
}
