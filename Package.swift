// swift-tools-version:6.0
import PackageDescription

// Layers point down only (see docs/architecture.md):
//   r3 -> R3Runtime -> { R3Script, R3Notebook, R3Train, R3Plot, R3Models, R3Tasks, R3Tensor }
// R3Script knows nothing of tensors; R3Tensor knows nothing of the language.

// The elementwise kernels of R3Tensor and R3Models (exp, erf, tanh polynomials, attention) are
// compute-bound: Swift's default x86-64 target has SSE2 only (4 lanes, no FMA). The haswell CPU
// level (AVX2 + FMA, the x86-64-v3 baseline: Intel since 2013, AMD since 2015) doubles their
// throughput; see docs/tensors.md, Benchmarks.
#if arch(x86_64)
let tensorKernelSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
let tensorKernelSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "r3",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "r3", targets: ["r3"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: - System libraries

        .systemLibrary(name: "CBLAS", pkgConfig: "openblas",
                       providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CReadline", pkgConfig: "readline",
                       providers: [.apt(["libreadline-dev"])]),
        .target(
            name: "CGnuplot",
            cxxSettings: [.unsafeFlags(["-std=c++17", "-Wno-deprecated-declarations"])],
            linkerSettings: [
                .linkedLibrary("boost_iostreams"),
                .linkedLibrary("boost_system"),
                .linkedLibrary("boost_filesystem"),
                .linkedLibrary("stdc++"),
            ]
        ),

        // MARK: - Domain

        .target(name: "R3Random"),
        .target(name: "R3Tensor", dependencies: ["CBLAS", "R3Random"], swiftSettings: tensorKernelSettings),
        .target(name: "R3Tasks", dependencies: ["R3Random"]),
        .target(name: "R3Models", dependencies: ["R3Tensor", "CBLAS", "R3Random"], swiftSettings: tensorKernelSettings),
        .target(name: "R3Plot", dependencies: ["CGnuplot"]),
        .target(name: "R3Train", dependencies: ["R3Models", "R3Tasks", "R3Plot"]),

        // MARK: - Language

        .target(name: "R3Script", swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        .target(name: "R3Notebook", dependencies: ["R3Script", "R3Plot"]),

        // MARK: - Binding layer and executable

        .target(name: "R3Runtime", dependencies: [
            "R3Script", "R3Notebook", "R3Train", "R3Plot", "R3Models", "R3Tasks", "R3Tensor",
        ]),
        .executableTarget(name: "r3", dependencies: [
            "R3Runtime", "R3Script", "R3Notebook", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Tests

        .testTarget(name: "R3RandomTests", dependencies: ["R3Random"]),
        .testTarget(name: "R3ScriptTests", dependencies: ["R3Script"]),
        .testTarget(name: "R3TensorTests", dependencies: ["R3Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "R3TasksTests", dependencies: ["R3Tasks", "R3Random"]),
        .testTarget(name: "R3ModelsTests", dependencies: ["R3Models", "R3Tensor"], resources: [.copy("Fixtures")]),
        .testTarget(name: "R3PlotTests", dependencies: ["R3Plot"]),
        .testTarget(name: "R3NotebookTests", dependencies: ["R3Notebook", "R3Script"], resources: [.copy("Fixtures")]),
        .testTarget(name: "R3TrainTests", dependencies: ["R3Train", "R3Models", "R3Tasks", "R3Tensor"]),
        .testTarget(name: "R3RuntimeTests", dependencies: ["R3Runtime", "R3Script"]),
        .testTarget(name: "CLITests", dependencies: ["r3"]),
    ],
    // The interpreter's object graph is single-threaded by design; Swift 5 mode keeps strict
    // concurrency checking from forcing Sendable onto it.
    swiftLanguageModes: [.v5]
)
