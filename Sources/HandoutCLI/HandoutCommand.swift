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
