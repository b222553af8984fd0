import Foundation

/// How a new migration environment's Package.swift depends on autogen: a checkout by path (the
/// default, the checkout that built this binary, or `--package-path`) or a Git URL from a
/// version on (`--package-url URL --package-version X.Y.Z`).
enum AutogenDependency: Sendable, Hashable {
    case path(String)
    case url(String, from: String)

    /// The dependency the flags name; relative paths are relative to `folder`.
    static func from(
        path: String?, url: String?, version: String?, folder: String
    ) throws(InitError) -> AutogenDependency {
        switch (path, url, version) {
        case (.some, .some, _):
            throw .exclusiveDependency
        case (_, nil, .some):
            throw .versionWithoutURL
        case (_, .some, nil):
            throw .missingPackageVersion
        case (_, .some(let url), .some(let version)):
            guard isVersion(version) else { throw .badPackageVersion(version) }
            guard !identity(ofURL: url).isEmpty else { throw .badPackageURL(url) }
            return .url(url, from: version)
        case (let path, nil, nil):
            guard let path else { return .path(AutogenCheckout.path) }
            let joined = path.hasPrefix("/") ? path : (folder as NSString).appendingPathComponent(path)
            return .path(URL(fileURLWithPath: joined).standardizedFileURL.path)
        }
    }

    /// The entry of Package.swift's `dependencies`, e.g. `.package(name: "autogen", path: "/src/autogen")`
    /// or `.package(url: "https://example.com/autogen.git", from: "1.2.0")`.
    var declaration: String {
        switch self {
        case .path(let path):
            return ".package(name: \"autogen\", path: \(SwiftLiteral.string(path)))"
        case .url(let url, let version):
            return ".package(url: \(SwiftLiteral.string(url)), from: \(SwiftLiteral.string(version)))"
        }
    }

    /// The name `.product(name:package:)` and `.plugin(name:package:)` use for it: `autogen` for
    /// a path (declared with that name), the URL's package identity otherwise.
    var packageName: String {
        switch self {
        case .path: return "autogen"
        case .url(let url, _): return Self.identity(ofURL: url)
        }
    }

    /// SwiftPM's identity of a package URL: its last path component without `.git`, lowercased
    /// (`https://host/owner/Autogen.git` and `git@host:owner/autogen` are both `autogen`).
    static func identity(ofURL url: String) -> String {
        var text = Substring(url)
        while text.hasSuffix("/") { text.removeLast() }
        if let cut = text.lastIndex(where: { $0 == "/" || $0 == ":" }) { text = text[text.index(after: cut)...] }
        if text.lowercased().hasSuffix(".git") { text.removeLast(4) }
        return text.lowercased()
    }

    /// Whether `text` is a semantic version `X.Y.Z`, with an optional `-prerelease` and `+build`.
    static func isVersion(_ text: String) -> Bool {
        let core = text.split(separator: "+", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let numbers = core.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3,
            numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) })
        else { return false }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: ".-+"))
        return text.unicodeScalars.allSatisfy { $0.isASCII && allowed.contains($0) } && !text.hasSuffix("-")
            && !text.hasSuffix("+") && !text.hasSuffix(".")
    }
}
