// A clinic profile as a pack uses it: the profile, and the file's path and checksum, so a
// changed profile makes every file again and `pack merge` can read it back and check it.
import ArticleModel
import Diagnostics
import Foundation

public struct ClinicFile: Sendable {
    public let path: String
    public let sha256: String
    public let clinic: Clinic

    public static func load(path: String) throws(DiagnosticError) -> ClinicFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error("no such file '\(path)'", hint: "check the clinic file's path and spelling"))
        }
        return ClinicFile(path: path, sha256: sha256Hex(data), clinic: try Clinic.load(data: data, file: path))
    }

    var reference: Manifest.ClinicReference { Manifest.ClinicReference(path: path, sha256: sha256) }
}
