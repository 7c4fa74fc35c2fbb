// A folder of articles, as the pack command and the server read it: the regular `.yaml`
// files directly inside it, or links to files anywhere inside it (a Kubernetes ConfigMap
// volume is such links into a hidden subfolder). Links that lead out of the folder, or
// round in a loop, are skipped, so a folder can never make Handout read elsewhere or walk
// for ever. Hidden names (editors' lock and backup files) are not articles.
import Foundation
import Translation

public enum ArticleFolder {
    /// What tells one version of a file from the next without reading it: a file saved in
    /// place changes its time and usually its size; one replaced by a rename gets a new inode.
    public struct Stamp: Equatable, Sendable {
        public var modified: Date
        public var size: Int
        public var inode: Int
    }

    /// Each article file's path in the folder (a link's own name, so a link that is pointed
    /// elsewhere stays the same file) and the stamp of what it leads to, sorted by path.
    public static func files(in folder: URL) -> [(path: String, stamp: Stamp)] {
        let folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var result: [(path: String, stamp: Stamp)] = []
        // The glossary lives beside the articles and is not one.
        for name in names.sorted() where name.hasSuffix(".yaml") && !name.hasPrefix(".") && name != Glossary.fileName {
            let path = folder.appendingPathComponent(name).path
            let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
            guard target.path.hasPrefix(folder.path + "/"),
                  let attributes = try? FileManager.default.attributesOfItem(atPath: target.path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date else { continue }
            let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.intValue ?? 0
            result.append((path, Stamp(modified: modified, size: size, inode: inode)))
        }
        return result
    }

    /// `paths` with each folder replaced by the article files in it.
    public static func expand(_ paths: [String]) -> [String] {
        paths.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else { return [path] }
            return files(in: URL(fileURLWithPath: path)).map(\.path)
        }
    }
}
