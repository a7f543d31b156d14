// swift-tools-version: 6.1
// posthog-install: a terminal wizard that installs self-hosted PostHog on Kubernetes.
import PackageDescription

let package = Package(
    name: "posthog-install",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "posthog-install", targets: ["posthog-install"])
    ],
    dependencies: [
        // Command-line parsing with generated help; the de-facto standard for Swift tools.
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // argv-only subprocesses with process groups, streaming and teardown.
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: []),
        // File descriptors and errno as types; already part of swift-subprocess's API, which our
        // runner imports directly (SystemPackage on Linux).
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        // ncursesw + tinfo with a shim for the macros Swift cannot import (apt: libncurses-dev).
        .systemLibrary(name: "CNCurses", providers: [.apt(["libncurses-dev"])]),
        // libyaml, the YAML 1.1 event parser and emitter (apt: libyaml-dev).
        .systemLibrary(name: "CYAML", providers: [.apt(["libyaml-dev"])]),
        // libarchive, for reading chart .tgz files safely, loaded with dlopen on first use rather than
        // linked (headers: apt libarchive-dev).
        .target(name: "CArchive"),
        // OpenSSL libcrypto/libssl: digests, keys and X.509 for Sprig, TLS checks (apt: libssl-dev).
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        // glibc's allocator tuning (malloc.h): one arena for the whole process.
        .systemLibrary(name: "CMalloc"),
        // libcurl's easy interface, for downloading chart indexes and archives, loaded with dlopen
        // on the first download rather than linked (headers: apt libcurl4-openssl-dev).
        .target(name: "CCurl"),

        // The profiles/ data (overlays, questions, costs, notes, stand-in chart) compiled into the binary.
        .target(name: "EmbeddedData"),
        // Go's strconv float formatting, shared by the template engine, the YAML emitter and JSON.
        .target(name: "GoStrconv"),
        // JSON documents: one value type (ordered objects, numbers keeping their text), reader and writer.
        .target(name: "JSON", dependencies: ["GoStrconv"]),
        // Go text/template: lexer, parser, AST with byte offsets, Value, evaluator, printf.
        .target(name: "GoTemplate", dependencies: ["GoStrconv"]),
        // YAML documents on libyaml: go-yaml v2 scalar rules, Helm-style emitter, in-place edits.
        .target(name: "YAML", dependencies: ["CYAML", "GoStrconv"]),
        // Helm charts: loading, values coalescing, --set, Sprig and Helm functions, rendering.
        .target(name: "Helm", dependencies: ["GoStrconv", "GoTemplate", "JSON", "YAML", "CArchive", "COpenSSL"]),
        // Kubernetes objects as values: per-kind status, pod diagnosis, scheduling fit (pure).
        .target(name: "Kube", dependencies: ["JSON"]),
        // Wizard decisions (pure): answers, profiles, values, plans, upgrade notes, costs, wizard state.
        .target(name: "Installer", dependencies: ["GoTemplate", "YAML", "Helm", "Kube", "EmbeddedData"]),
        // The edges: process runner, atomic files, clock, signals, terminal detection.
        .target(
            name: "Effects",
            dependencies: [
                "CArchive",
                "CMalloc",
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ]),
        // kubectl/helm clients, the namespace poller and the simulated cluster.
        .target(
            name: "Cluster",
            dependencies: ["Kube", "Installer", "Effects", "GoTemplate", "Helm", "JSON", "YAML", "COpenSSL", "CCurl", "EmbeddedData"]),
        // Canvas, widgets, screens (pure) and the curses driver (the only CNCurses user).
        .target(name: "TUI", dependencies: ["Installer", "Kube", "Effects", "CNCurses"]),
        // The commands (swift-argument-parser), headless printers and wiring.
        .target(
            name: "PosthogInstallCommands",
            dependencies: [
                "YAML", "Helm", "JSON", "Kube", "Installer", "Effects", "Cluster", "TUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The executable: an entry point only.
        .executableTarget(name: "posthog-install", dependencies: ["PosthogInstallCommands", "Effects"]),
        // Benchmarks that print figures (run in release: `make bench`).
        .executableTarget(
            name: "PosthogBenchmarks",
            dependencies: [
                "GoTemplate", "YAML", "Helm", "Kube", "Installer", "Effects",
            ]),
        // Fuzz inputs and their runner (the short run is a test; scripts/fuzz.sh runs a long one).
        .target(name: "PosthogFuzzing", dependencies: ["Helm", "YAML"]),
        .executableTarget(name: "PosthogFuzz", dependencies: ["PosthogFuzzing"]),
        // Test doubles shared by the test targets: scripted runner, in-memory files, fixtures.
        .target(name: "PosthogTestSupport", dependencies: ["Effects"]),

        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "EmbeddedDataTests", dependencies: ["EmbeddedData"]),
        .testTarget(name: "GoTemplateTests", dependencies: ["GoTemplate", "GoStrconv"], exclude: ["Goldens"]),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"], exclude: ["Goldens"]),
        .testTarget(name: "HelmTests", dependencies: ["Helm", "GoTemplate", "COpenSSL", "PosthogFuzzing", "YAML"], exclude: ["Fixtures"]),
        .testTarget(name: "KubeTests", dependencies: ["Kube"], exclude: ["Fixtures"]),
        .testTarget(
            name: "InstallerTests", dependencies: ["Installer", "EmbeddedData", "Helm", "Kube", "YAML"],
            exclude: ["Fixtures", "Values/Goldens"]),
        .testTarget(name: "EffectsTests", dependencies: ["Effects", "PosthogTestSupport"]),
        .testTarget(
            name: "ClusterTests",
            dependencies: ["Cluster", "COpenSSL", "Effects", "Helm", "Installer", "JSON", "Kube", "PosthogTestSupport"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "Effects", "Installer", "Kube", "PosthogTestSupport"], exclude: ["Goldens"]),
        .testTarget(
            name: "PosthogInstallCommandsTests",
            dependencies: [
                "PosthogInstallCommands", "PosthogTestSupport", "Cluster", "Effects", "Helm", "Installer", "Kube", "TUI", "YAML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
