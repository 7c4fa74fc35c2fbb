// A folder of articles, as the pack command and the server read it: the regular `.yaml`
// files directly inside it. Links that lead out of the folder, or round in a loop, are
// skipped, so a folder can never make Handout read elsewhere or walk for ever.
import Foundation
import Translation

public enum ArticleFolder {
    /// Each article file's path and modification time, sorted by path.
    public static func files(in folder: URL) -> [(path: String, modified: Date)] {
        let folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var result: [(path: String, modified: Date)] = []
        // The glossary lives beside the articles and is not one.
        for name in names.sorted() where name.hasSuffix(".yaml") && name != Glossary.fileName {
            let url = folder.appendingPathComponent(name).resolvingSymlinksInPath()
            guard url.deletingLastPathComponent().path == folder.path,
                  let attributes = try? FileManager.default.attributesOfItem(atPath: url.path),
                  attributes[.type] as? FileAttributeType == .typeRegular,
                  let modified = attributes[.modificationDate] as? Date else { continue }
            result.append((url.path, modified))
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
