// Shared fixtures for the print service's router tests: every test gets its own temporary
// articles folder holding a copy of the sample article, and an application built on it
// with the repository's own layouts and fonts.
import Foundation
import HandoutKit
import HandoutServer
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

enum Fixture {
    /// The repository root, found from this file's place (Tests/HandoutServerTests/).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samplePath = root.appendingPathComponent("articles/hemifacial-spasm.yaml")
    static let sampleText = try! String(contentsOf: samplePath, encoding: .utf8)
    static let resources = Resources(layouts: root.appendingPathComponent("layouts"),
                                     fonts: root.appendingPathComponent("fonts"))
    static let slug = "hemifacial-spasm"
    /// The servers under test accept posted articles carrying this token.
    static let renderToken = "test-render-token-0123456789"
    static let titleEN = "Hemifacial spasm"
    static let titleBN = "হেমিফেসিয়াল স্প্যাজম (মুখের এক পাশের কাঁপুনি)"
    static let documents = ["handout", "checklist", "diary-week", "diary-month", "summary", "roadmap", "card", "treatment-planner",
                            "health-record", "caregiver", "prevention", "recovery", "nutrition"]

    /// A fresh temporary folder (inside its own parent, so that a test can put files "outside" it)
    /// holding `articles/hemifacial-spasm.yaml`.
    static func makeFolder() throws -> (parent: URL, articles: URL) {
        let parent = FileManager.default.temporaryDirectory.appendingPathComponent("handout-server-\(UUID().uuidString)")
        let articles = parent.appendingPathComponent("articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        try sampleText.write(to: articles.appendingPathComponent("hemifacial-spasm.yaml"), atomically: true, encoding: .utf8)
        return (parent, articles)
    }

    /// The sample with `old` (which must occur) replaced by `new`.
    static func sample(replacing pairs: [(String, String)]) -> String {
        var text = sampleText
        for (old, new) in pairs {
            precondition(text.contains(old), "the sample has no '\(old)'")
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    /// Builds a server on a fresh copy of the sample and runs `body` with a router test client.
    /// `configure` may change the settings (workers, queue, time limit) before the server is built.
    static func withServer<T: Sendable>(
        _ configure: @Sendable (inout ServerSettings) -> Void = { _ in },
        _ body: @Sendable (_ client: any TestClientProtocol, _ folder: URL) async throws -> T
    ) async throws -> T {
        let (parent, articles) = try makeFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        var settings = ServerSettings(articles: articles, renderToken: renderToken, resources: resources)
        configure(&settings)
        let app = buildApplication(settings)
        return try await app.test(.router) { client in try await body(client, articles) }
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var bytes: [UInt8] { Array(body.readableBytesView) }
    /// The message of a Hummingbird HTTPError body (`{"error":{"message":…}}`), or the whole body.
    var errorMessage: String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let error = object["error"] as? [String: Any], let message = error["message"] as? String else { return text }
        return message
    }
    func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(bytes)) }
}

extension TestClientProtocol {
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await execute(uri: uri, method: .get, headers: headers)
    }

    /// A POST as an editor's tool sends it: YAML, with the render token.
    func postArticle(_ text: String?, to uri: String = "/api/render",
                     token: String? = Fixture.renderToken, type: String? = "application/yaml") async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let token { headers[.authorization] = "Bearer \(token)" }
        if let type { headers[.contentType] = type }
        return try await execute(uri: uri, method: .post, headers: headers, body: text.map { ByteBuffer(string: $0) })
    }
}

enum Bytes {
    static func isPDF(_ bytes: [UInt8]) -> Bool { bytes.starts(with: Array("%PDF-".utf8)) }
    static func isPNG(_ bytes: [UInt8]) -> Bool { bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) }
    /// Whether `text` occurs in the bytes (an uncompressed PDF key, say).
    static func contains(_ bytes: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        return bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { bytes[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}

/// Prometheus text exposition format, as far as the tests need it.
enum Prometheus {
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// Parses every non-comment, non-blank line as `name{labels} value` or `name value`;
    /// a line that is neither is recorded in `bad`.
    static func parse(_ text: String) -> (samples: [Sample], bad: [String]) {
        var samples: [Sample] = []
        var bad: [String] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let line = String(raw)
            if line.hasPrefix("#") || line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            if let sample = parseLine(line) { samples.append(sample) } else { bad.append(line) }
        }
        return (samples, bad)
    }

    private static func isNameCharacter(_ c: Character, first: Bool) -> Bool {
        c.isASCII && (c.isLetter || c == "_" || c == ":" || (!first && c.isNumber))
    }

    private static func parseLine(_ line: String) -> Sample? {
        var rest = Substring(line)
        let name = rest.prefix { isNameCharacter($0, first: false) }
        guard let first = name.first, isNameCharacter(first, first: true) else { return nil }
        rest = rest.dropFirst(name.count)
        var labels: [String: String] = [:]
        if rest.first == "{" {
            guard let close = rest.firstIndex(of: "}") else { return nil }
            let inside = rest[rest.index(after: rest.startIndex)..<close]
            if !inside.isEmpty {
                for pair in inside.split(separator: ",") {
                    let parts = pair.split(separator: "=", maxSplits: 1)
                    guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ isNameCharacter($0, first: false) }),
                          parts[1].count >= 2, parts[1].first == "\"", parts[1].last == "\"" else { return nil }
                    labels[String(parts[0])] = String(parts[1].dropFirst().dropLast())
                }
            }
            rest = rest[rest.index(after: close)...]
        }
        guard rest.first == " " else { return nil }
        let fields = rest.dropFirst().split(separator: " ")
        guard (1...2).contains(fields.count) else { return nil }   // value, optional timestamp
        let valueText = String(fields[0])
        let value: Double
        switch valueText {
        case "+Inf": value = .infinity
        case "-Inf": value = -.infinity
        case "NaN": value = .nan
        default:
            guard let number = Double(valueText) else { return nil }
            value = number
        }
        return Sample(name: String(name), labels: labels, value: value)
    }

    /// The value of `name` with exactly `labels`, or nil when the series is absent.
    static func value(_ text: String, _ name: String, _ labels: [String: String] = [:]) -> Double? {
        parse(text).samples.first { $0.name == name && $0.labels == labels }?.value
    }
}

/// The `filename="…"` of a Content-Disposition header.
func filename(in disposition: String) -> String? {
    guard let start = disposition.range(of: "filename=\"") else { return nil }
    let rest = disposition[start.upperBound...]
    guard let end = rest.firstIndex(of: "\"") else { return nil }
    return String(rest[..<end])
}

/// Every byte but ASCII letters and digits percent-encoded, as a browser's form would send it.
func percentEncoded(_ text: String) -> String {
    text.utf8.map { byte in
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            ? String(UnicodeScalar(byte)) : String(format: "%%%02X", byte)
    }.joined()
}
