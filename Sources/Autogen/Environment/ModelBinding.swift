import Foundation
import ModelDSL
import ModelReader

/// Which constants of model.swift are the schemas a compiled migration environment hands to
/// autogen, as that environment found them, and so whether autogen may read later edits of
/// model.swift instead of compiling them (`ModelHandoff`).
///
/// The environment writes it once after each build, the first time it runs: it reads
/// model.swift with `ModelReader` and looks for the constant equal to each schema it was
/// compiled with (`schema` for the generic template, `mainSchema` and `auditSchema` for
/// multidb). When every schema has exactly one, the reader reads this model as the compiler
/// does and env.swift hands those constants over unchanged: the binding is recorded. Otherwise
/// the reason is, and model edits are compiled as before.
///
/// The file names the build it was recorded after (a hash of its stamp, `EnvironmentPackage.buildID`):
/// one written late by an environment of an earlier build is ignored.
///
/// ```text
/// autogen model binding 2
/// build 9f2c0a1be44d7e13
/// bound - schema
/// ```
enum ModelBinding: Sendable, Equatable {
    /// Database name (`-` for a single-database environment) to constant name.
    case bound([String: String])
    /// Why edits of this model are compiled: the reader stopped (`12:5: `for` loop`) or no
    /// constant matched.
    case unbound(String)

    static let header = "autogen model binding 2"
    /// The key of a single-database environment's schema.
    static let single = "-"

    /// Finds the constant of `source` (model.swift's text) equal to each of `schemas`, and
    /// checks that `environment` (env.swift's text) uses model.swift's constants only to hand
    /// those over (`EnvironmentSourceUses`): a schema env.swift filters, or another constant
    /// its hooks read, would keep its compiled value while the model is read.
    init(source: String?, schemas: [String: Schema], environment: String?) {
        guard let source else {
            self = .unbound("no model.swift")
            return
        }
        let reader: ModelReader
        do { reader = try ModelReader(source: source) } catch {
            self = .unbound("model.swift:\(error)")
            return
        }
        let read = reader.schemas
        var bound: [String: String] = [:]
        for (key, schema) in schemas {
            let equal = read.filter { $0.value == schema }.map(\.key)
            guard equal.count == 1 else {
                let what = key == Self.single ? "the environment's schema" : "the schema of database \(key)"
                self = .unbound(
                    equal.isEmpty
                        ? "no constant of model.swift is \(what) (env.swift builds it otherwise)"
                        : "several constants of model.swift are \(what)")
                return
            }
            bound[key] = equal[0]
        }
        guard let environment else {
            self = .unbound("no env.swift beside model.swift")
            return
        }
        let uses = EnvironmentSourceUses.uses(of: Set(reader.constants), in: environment)
        for name in reader.constants {
            let found = uses[name] ?? []
            guard let key = bound.first(where: { $0.value == name })?.key else {
                if !found.isEmpty {
                    self = .unbound("env.swift uses model.swift's `\(name)`")
                    return
                }
                continue
            }
            // Handed over once, as the argument `schema:` or a value of `databases: [...]`.
            let handedOver =
                found.count == 1
                && (key == Self.single
                    ? found[0].before == ["schema", ":"]
                    : found[0].before == ["\"\(key)\"", ":"])
            guard handedOver else {
                self = .unbound("env.swift does more with model.swift's `\(name)` than hand it to autogen")
                return
            }
        }
        self = .bound(bound)
    }

    /// The binding a file holds, when it is one and was recorded after build `build`.
    init?(text: String, build: String?) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 2, lines[0] == Self.header, let build, lines[1] == "build " + build else { return nil }
        lines.removeFirst(2)
        if let reason = lines.first, reason.hasPrefix("unbound ") {
            self = .unbound(String(reason.dropFirst("unbound ".count)))
            return
        }
        var bound: [String: String] = [:]
        for line in lines where !line.isEmpty {
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "bound" else { return nil }
            bound[String(parts[1])] = String(parts[2])
        }
        guard !bound.isEmpty else { return nil }
        self = .bound(bound)
    }

    /// The file's text, recorded after build `build`.
    func text(build: String) -> String {
        let head = Self.header + "\nbuild " + build + "\n"
        switch self {
        case .bound(let names):
            return head + names.sorted { $0.key < $1.key }.map { "bound \($0.key) \($0.value)\n" }.joined()
        case .unbound(let reason):
            return head + "unbound " + reason.replacingOccurrences(of: "\n", with: " ") + "\n"
        }
    }

    /// The schemas `source` declares under the bound constants, by database key; throws
    /// where the reader stops, or names a constant that is gone.
    static func schemas(source: String, names: [String: String]) throws -> [String: Schema] {
        let read = try ModelReader(source: source).schemas
        var out: [String: Schema] = [:]
        for (key, name) in names {
            guard let schema = read[name] else {
                throw ModelUnreadable(SourcePosition(line: 1, column: 1), "no constant `\(name)` any more")
            }
            out[key] = schema
        }
        return out
    }
}
