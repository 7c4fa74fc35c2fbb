// One of N parts of a pack, so that N machines can each make a part (`pack --shard K/N`)
// and `pack merge` joins them. The split is by article and stable: an article's part
// depends only on its slug, so adding an article moves no other.
import Crypto
import Foundation

public struct PackShard: Sendable, Equatable, CustomStringConvertible {
    /// Which part, from 1 to `count`.
    public let index: Int
    public let count: Int

    /// "K/N", with 1 ≤ K ≤ N.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this part makes the article with `slug`: the first eight bytes of the slug's
    /// SHA-256, modulo the number of parts.
    func holds(_ slug: String) -> Bool {
        let number = SHA256.hash(data: Data(slug.utf8)).prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        return Int(number % UInt64(count)) == index - 1
    }
}
