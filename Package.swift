// swift-tools-version: 6.1
// Handout: structured medical articles → print-ready bilingual PDFs.
// Layers, each importing only those above it in this list:
//   CPangoCairo, CLibXML2, CQRencode, CQPDF, CGettextPO (C libraries, each a module map and one header) → Diagnostics → ArticleModel
//   → Importing (web pages → articles) → Translation (PO files for translators, the glossary)
//   → LayoutEngine → TextShaping → Rendering → Documents → HandoutKit (the façade)
//   → HandoutServer (the print service) → HandoutServe (the `handout-server` executable);
//   HandoutCLI (the `handout` executable, whose `serve` starts handout-server) stands on HandoutKit
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Handout",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "handout", targets: ["HandoutCLI"]),
        .executable(name: "handout-server", targets: ["HandoutServe"]),
        .executable(name: "handout-bench", targets: ["HandoutBench"]),
        .library(name: "HandoutKit", targets: ["HandoutKit"]),
        .executable(name: "handout-fuzz", targets: ["HandoutFuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.0"),
        // gzip for the server's pages and JSON (zlib).
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        // The server's folder watcher runs as a service beside the HTTP server (Hummingbird brings it).
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        // Named for the server tests, which use their types directly (Hummingbird brings them).
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libpango1.0-dev", "libcairo2-dev"])]
        ),
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CQRencode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"])]
        ),
        .systemLibrary(
            name: "CGettextPO",
            providers: [.apt(["libgettextpo-dev"])]
        ),
        .systemLibrary(
            name: "CQPDF",
            pkgConfig: "libqpdf",
            providers: [.apt(["libqpdf-dev"])]
        ),
        .target(name: "Diagnostics", dependencies: [.product(name: "Yams", package: "Yams")],
                swiftSettings: strict),
        .target(name: "ArticleModel", dependencies: ["Diagnostics"], swiftSettings: strict),
        .target(name: "Importing", dependencies: ["ArticleModel", "Diagnostics", "CLibXML2"], swiftSettings: strict),
        .target(name: "Translation", dependencies: ["ArticleModel", "Diagnostics", "CGettextPO"], swiftSettings: strict),
        .target(name: "LayoutEngine", dependencies: ["Diagnostics"], swiftSettings: strict),
        .target(name: "TextShaping", dependencies: ["LayoutEngine", "Diagnostics", "CPangoCairo"], swiftSettings: strict),
        .target(name: "Rendering", dependencies: ["LayoutEngine", "TextShaping", "CQPDF", .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .target(name: "Documents", dependencies: ["ArticleModel", "Diagnostics", "LayoutEngine", "CQRencode"], swiftSettings: strict),
        .target(name: "HandoutKit", dependencies: ["ArticleModel", "Diagnostics", "LayoutEngine", "Documents", "TextShaping", "Rendering",
                                                   "Importing", "Translation",
                                                   .product(name: "Crypto", package: "swift-crypto")],
                swiftSettings: strict),
        .systemLibrary(name: "CMalloc"),
        .target(name: "HandoutServer", dependencies: [
            "HandoutKit", "Diagnostics", "CMalloc",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ], swiftSettings: strict),
        .executableTarget(name: "HandoutFuzz", dependencies: ["HandoutKit", "Diagnostics", "LayoutEngine"], swiftSettings: strict),
        .executableTarget(
            name: "HandoutCLI",
            dependencies: ["HandoutKit", "Diagnostics", "LayoutEngine",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "HandoutServe",
            dependencies: ["HandoutKit", "HandoutServer", "Diagnostics",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: strict
        ),
        // The bench draws its floor with TextShaping's Floor (Pango and Cairo alone), beside Handout.
        .executableTarget(name: "HandoutBench", dependencies: ["HandoutKit", "LayoutEngine", "TextShaping"],
                          swiftSettings: strict),
        // A fixed-width shaper, so layout is checked exactly and without fonts.
        .target(name: "TestSupport", dependencies: ["LayoutEngine", "Diagnostics"], path: "Tests/TestSupport", swiftSettings: strict),
        .testTarget(name: "LayoutEngineTests", dependencies: ["LayoutEngine", "Diagnostics", "TestSupport"], swiftSettings: strict),
        .testTarget(name: "ArticleModelTests", dependencies: ["ArticleModel", "Diagnostics"], swiftSettings: strict),
        .testTarget(name: "TextShapingTests", dependencies: ["TextShaping", "LayoutEngine", "Diagnostics", "TestSupport", "CPangoCairo"], swiftSettings: strict),
        .testTarget(name: "HandoutTests", dependencies: ["HandoutKit", "Documents", "LayoutEngine", "TextShaping", "Rendering",
                                                     "Diagnostics", "TestSupport"],
                    exclude: ["Fixtures", "Snapshots"], swiftSettings: strict),
        .testTarget(name: "HandoutServerTests", dependencies: [
            "HandoutServer", "HandoutKit", "TestSupport", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"), .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"), .product(name: "CompressNIO", package: "compress-nio"),
        ], swiftSettings: strict),
    ]
)
