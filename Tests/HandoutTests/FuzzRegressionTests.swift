// What the fuzzer (scripts/fuzz.sh, docs/fuzzing.md) found, each input with the exact
// outcome it must have now.
import Diagnostics
import Foundation
import HandoutKit
import Testing

@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    /// LeakSanitizer, on the first run's first input: the reader stored its root value and
    /// every value holds its reader, a cycle, so no file read (article, layout, labels) was
    /// ever freed: about 350 kB per load of the sample article, for the life of the print
    /// service. Any YAML with a root node showed it; this is the smallest.
    @Test func aReadFileIsFreed() throws {
        weak var freed: YAMLReader?
        do {
            let reader = try YAMLReader(data: Data("a: b\n".utf8), file: "leak.yaml")
            freed = reader
            #expect(reader.root?.mappingKeys == ["a"])
        }
        #expect(freed == nil)
    }

    /// The same input through the article loader: its errors, the first at its place.
    @Test func theLeakInputLoadsToItsErrors() {
        let error = #expect(throws: DiagnosticError.self) {
            try ArticleLoader.load(data: Data("a: b\n".utf8), file: "leak.yaml")
        }
        #expect(error?.diagnostics.first?.description == "leak.yaml:1:1: error: unknown field 'a'\n  hint: did you mean 'faq'?")
        #expect(error?.diagnostics.allSatisfy { $0.severity == .error } == true)
    }
}
