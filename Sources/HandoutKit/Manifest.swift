// manifest.json of a pack: every file with its checksum, pages, language, paper, and the
// hashes of the article and layout it came from, so a second run can skip what has not
// changed and anyone can verify the files.
import Crypto
import Foundation

public struct Manifest: Codable, Sendable {
    public struct Entry: Codable, Sendable, Hashable {
        /// Path relative to the pack folder.
        public var file: String
        public var sha256: String
        public var pages: Int
        public var article: String
        public var document: String
        public var language: String
        public var paper: String
        public var articleHash: String
        public var layoutHash: String
    }

    public var files: [Entry]

    static let name = "manifest.json"

    /// The manifest in `folder`, or an empty one.
    static func read(in folder: URL) -> Manifest {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
              let manifest = try? JSONDecoder().decode(Manifest.self, from: data) else { return Manifest(files: []) }
        return manifest
    }

    var json: Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try! encoder.encode(self)
    }
}

/// Hex SHA-256 of bytes.
public func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
