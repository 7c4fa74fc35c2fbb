// manifest.json of a pack: every file with its checksum, pages, language, paper, and the
// hashes of the article and layout it came from, so a second run can skip what has not
// changed and anyone can verify the files; and the pack's articles in order, which
// `pack merge` needs to make the combined PDF from parts.
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

    /// An article of the pack and the file it was read from.
    public struct Article: Codable, Sendable, Equatable {
        public var slug: String
        public var path: String
    }

    /// The clinic profile the files were made with, if any.
    public struct ClinicReference: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
    }

    public var files: [Entry]
    /// Every article of the pack in pack order, in each part too (absent in manifests made
    /// before parts existed).
    public var articles: [Article]?
    /// "K/N" in a part made with `--shard`; absent in a whole pack.
    public var shard: String?
    public var clinic: ClinicReference?

    static let name = "manifest.json"

    /// The manifest in `folder`, or an empty one.
    static func read(in folder: URL) -> Manifest {
        (try? decode(in: folder)) ?? Manifest(files: [])
    }

    /// The manifest in `folder`, or why there is none.
    static func decode(in folder: URL) throws -> Manifest {
        try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: folder.appendingPathComponent(name)))
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
