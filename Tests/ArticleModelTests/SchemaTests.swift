// The JSON Schema shipped for editors is generated from the same description the loader
// reads fields from: the committed file must be exactly what the code generates.
import Foundation
import Testing
@testable import ArticleModel

@Suite struct SchemaTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func committedSchemaMatchesTheModel() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("articles/schema.json"), encoding: .utf8)
        #expect(committed.trimmingCharacters(in: .newlines) == ArticleFormat.jsonSchemaText,
                "articles/schema.json is stale: run `handout schema > articles/schema.json`")
    }

    @Test func everyFieldTheLoaderKnowsIsInTheSchema() throws {
        let schema = try #require(ArticleFormat.jsonSchema()["properties"] as? [String: Any])
        #expect(Set(schema.keys) == Set(ArticleFormat.article.names))
        let required = try #require(ArticleFormat.jsonSchema()["required"] as? [String])
        #expect(Set(required) == ["slug", "canonical_url", "version", "title", "disclaimer", "warning_signs"])
        let definitions = try #require(ArticleFormat.jsonSchema()["definitions"] as? [String: Any])
        #expect(Set(definitions.keys) == Set(ArticleFormat.shapes.map(\.name)))
    }

    /// A field the schema describes is one the loader accepts, and a field it does not is an error.
    @Test func theLoaderAcceptsExactlyTheSchemasFields() throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("articles/hemifacial-spasm.yaml"), encoding: .utf8)
        #expect(throws: Never.self) { try ArticleLoader.load(data: Data(text.utf8), file: "sample.yaml") }
        let extra = text.replacingOccurrences(of: "\nroadmap:\n", with: "\nroadmap:\n  colour: blue\n")
        #expect(throws: (any Error).self) { try ArticleLoader.load(data: Data(extra.utf8), file: "extra.yaml") }
    }
}
