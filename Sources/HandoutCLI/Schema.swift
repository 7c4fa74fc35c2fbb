// `handout schema`: the article format as a JSON Schema, for YAML editors' completion.
import ArgumentParser
import Foundation
import HandoutKit

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the article format as a JSON Schema (articles/schema.json is this output).",
        discussion: "Point a YAML editor at it with a first line '# yaml-language-server: $schema=schema.json'."
    )

    func run() throws {
        print(ArticleFormat.jsonSchemaText)
    }
}
