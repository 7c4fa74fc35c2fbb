// The fonts Handout ships, loaded through a private fontconfig configuration so that
// output never depends on what the machine has installed.
internal import CPangoCairo
import Diagnostics
import Foundation

/// Owns the font map and the Pango context every layout is made in.
public final class FontLibrary {
    /// The font files, each embedded (subset) in every PDF that uses it.
    public static let files = [
        "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf", "NotoSans-BoldItalic.ttf",
        "NotoSansBengali-Regular.ttf", "NotoSansBengali-Bold.ttf",
    ]
    public static let latinFamily = "Noto Sans"
    public static let banglaFamily = "Noto Sans Bengali"

    public let directory: URL
    let fontMap: UnsafeMutablePointer<PangoFontMap>
    let context: OpaquePointer

    /// Loads the fonts in `directory`; throws if any shipped font is missing there.
    public init(directory: URL) throws(DiagnosticError) {
        self.directory = directory
        for file in Self.files where !FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) {
            throw DiagnosticError(.error("font file '\(file)' is missing from \(directory.path)",
                                         hint: "run 'make fonts' or restore the fonts/ folder from git"))
        }
        guard let config = FcConfigCreate() else {
            throw DiagnosticError(.error("fontconfig could not create a configuration"))
        }
        defer { FcConfigDestroy(config) }
        // Only our files: no system fonts, no system rules, and (adding files, not a
        // folder) no attempt to write a fontconfig cache.
        for file in Self.files where FcConfigAppFontAddFile(config, directory.appendingPathComponent(file).path) != FcTrue {
            throw DiagnosticError(.error("fontconfig could not read the font file '\(file)' in \(directory.path)",
                                         hint: "restore the fonts/ folder from git"))
        }
        // Ours is also the process's default configuration: Pango starts fontconfig's own
        // initialisation in the background, which then has nothing to do, instead of
        // reading the machine's configuration and font caches that are never used.
        FcConfigSetCurrent(config)
        fontMap = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT)
        pango_fc_font_map_set_config(OpaquePointer(fontMap), config)
        context = pango_font_map_create_context(fontMap)
        Self.configure(context)
    }

    deinit {
        g_object_unref(UnsafeMutableRawPointer(context))
        g_object_unref(fontMap)
    }

    /// Point sizes mean points (72 dpi, not Pango's 96), and no hinting or rounding, so
    /// line breaks are the same at any resolution the PDF is later viewed at.
    private static func configure(_ context: OpaquePointer) {
        pango_cairo_context_set_resolution(context, 72)
        pango_context_set_round_glyph_positions(context, 0)
        let options = cairo_font_options_create()
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        pango_cairo_context_set_font_options(context, options)
        cairo_font_options_destroy(options)
    }

    /// The `fonts/` folder of the checkout: beside the working directory or above the executable.
    public static func defaultDirectory() -> URL {
        if let path = ProcessInfo.processInfo.environment["HANDOUT_FONTS"] { return URL(fileURLWithPath: path) }
        var candidates = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for _ in 0..<5 {
            executable.deleteLastPathComponent()
            candidates.append(executable)
        }
        let found = candidates.first {
            FileManager.default.fileExists(atPath: $0.appendingPathComponent("fonts/\(files[0])").path)
        }
        return (found ?? candidates[0]).appendingPathComponent("fonts")
    }
}
