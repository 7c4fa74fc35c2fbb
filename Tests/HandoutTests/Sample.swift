// Shared fixtures for the end-to-end tests: the sample article rendered in every
// language and paper (once per run), and small runners for the PDF tools.
import Foundation
import HandoutKit
import TestSupport

enum Sample {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let articlePath = root.appendingPathComponent("articles/hemifacial-spasm.yaml").path
    static let resources = Resources(layouts: root.appendingPathComponent("layouts"), fonts: root.appendingPathComponent("fonts"))

    /// One rendered combination, also written to a temporary file for the PDF tools.
    struct Output {
        let options: RenderOptions
        let rendered: Rendered
        let file: URL
    }

    static let combinations: [RenderOptions] = LanguageMode.allCases.flatMap { mode in
        Paper.allCases.map { RenderOptions(document: .handout, mode: mode, paper: $0) }
    }

    /// Pango is not thread-safe and tests run in parallel: renders happen under this lock.
    private static let lock = NSLock()
    nonisolated(unsafe) private static var publisher: Publisher?
    nonisolated(unsafe) private static var cache: [RenderOptions: Output] = [:]

    static func withPublisher<T>(_ body: (Publisher) throws -> T) throws -> T {
        try lock.withLock {
            if publisher == nil { publisher = try Publisher(resources: resources) }
            return try body(publisher!)
        }
    }

    static var article: Article { try! ArticleLoader.load(path: articlePath).article }

    /// The sample rendered with `options`, rendered once per test run.
    static func output(_ options: RenderOptions) throws -> Output {
        if let cached = lock.withLock({ cache[options] }) { return cached }
        let rendered = try withPublisher { try $0.render(article, options: options) }
        let file = temporaryDirectory.appendingPathComponent("handout-\(options.mode.rawValue)-\(options.paper.rawValue).pdf")
        // Atomic: two tests may render the same combination at once, and a tool reading the
        // file while the other rewrites it would see half a PDF.
        try rendered.pdf.write(to: file, options: .atomic)
        let output = Output(options: options, rendered: rendered, file: file)
        lock.withLock { cache[options] = output }
        return output
    }

    static let temporaryDirectory: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handout-tests-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    typealias Result = ToolRun

    /// Runs a program found on PATH (or at an absolute path) and collects its output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String], directory: URL? = nil) throws -> Result {
        try ToolRun.run(tool, arguments, directory: directory)
    }
}
