import Foundation
import ModelDSL
import ModelReader

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// How an edit of model.swift reaches the migration environment without a build: autogen
/// runs the environment it has, built before the edit, and tells it to read model.swift with
/// `ModelReader` and use those schemas instead of the ones compiled into it. That is safe when
/// model.swift is the only source that changed since the build and the environment has
/// recorded its `ModelBinding` (the reader read the compiled model exactly, and env.swift hands
/// those constants over unchanged). Reading a 300-table model takes milliseconds; compiling it
/// takes seconds.
///
/// When the reader stops on the edited file (a `for` loop, say), the environment hands the run
/// back to autogen, which compiles, as it does for every other change.
///
/// Environment variables, set by autogen for the environment, which removes them at start:
/// `AUTOGEN_MODEL_FILE` (model.swift), with `AUTOGEN_MODEL_BINDING` (the file to record the
/// binding in, after a build) or `AUTOGEN_MODEL_READ` (`key=constant,...`: read these).
/// `AUTOGEN_MODEL_UNREAD` goes the other way, with the reason the reader stopped.
enum ModelHandoff: Equatable {
    /// The compiled schemas are current.
    case compiled
    /// Compiled schemas are current; record the binding in `marker`.
    case record(model: String, marker: String, build: String)
    /// Read `model` and use its constants `names` (by database key).
    case read(model: String, names: [String: String])

    static let modelVariable = "AUTOGEN_MODEL_FILE"
    static let bindingVariable = "AUTOGEN_MODEL_BINDING"
    static let readVariable = "AUTOGEN_MODEL_READ"
    static let unreadVariable = "AUTOGEN_MODEL_UNREAD"
    static let buildVariable = "AUTOGEN_MODEL_BUILD"

    // MARK: autogen's side

    /// What autogen does before it runs the environment of `package`.
    enum Plan: Equatable {
        /// Build first, printing `message`.
        case build(message: String)
        /// Run the environment as it is, with this hand-off.
        case run(ModelHandoff)
    }

    /// The plan for `package`: a build when a source other than model.swift changed (or the
    /// environment asked for one), a read of model.swift when only it changed and the
    /// binding allows, the compiled environment otherwise.
    static func plan(_ package: EnvironmentPackage, autogenBinary: String, _ environment: [String: String]) -> Plan {
        if EnvironmentRebuild.isRequested(environment) {
            return .build(
                message:
                    "The compiled revisions do not match the revision files: building the migration environment again..."
            )
        }
        if let reason = environment[unreadVariable] {
            return .build(message: "Building migration environment (\(reason))...")
        }
        let build = package.buildID()
        let binding = (try? String(contentsOfFile: package.modelBindingFile, encoding: .utf8)).flatMap {
            ModelBinding(text: $0, build: build)
        }
        switch package.freshness(autogenBinary: autogenBinary) {
        case .stale:
            return .build(message: "Building migration environment...")
        case .current:
            guard binding == nil, let build else { return .run(.compiled) }
            return .run(.record(model: package.modelFile, marker: package.modelBindingFile, build: build))
        case .modelOnly:
            switch binding {
            case .bound(let names)?: return .run(.read(model: package.modelFile, names: names))
            case .unbound(let reason)?: return .build(message: "Building migration environment (\(reason))...")
            case nil: return .build(message: "Building migration environment...")
            }
        }
    }

    /// Sets the variables that tell the environment this hand-off.
    func export() {
        for name in [Self.modelVariable, Self.bindingVariable, Self.readVariable, Self.unreadVariable] {
            unsetenv(name)
        }
        switch self {
        case .compiled: break
        case .record(let model, let marker, let build):
            setenv(Self.modelVariable, model, 1)
            setenv(Self.bindingVariable, marker, 1)
            setenv(Self.buildVariable, build, 1)
        case .read(let model, let names):
            setenv(Self.modelVariable, model, 1)
            setenv(
                Self.readVariable,
                names.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","), 1)
        }
    }

    // MARK: the environment's side

    /// In the environment, at start: the hand-off autogen asked for; the variables are removed.
    static func take() -> ModelHandoff {
        let environment = ProcessInfo.processInfo.environment
        // Only the ones set: in-process callers (tests) running at once write nothing.
        for name in [modelVariable, bindingVariable, readVariable, unreadVariable, buildVariable]
        where environment[name] != nil {
            unsetenv(name)
        }
        return ModelHandoff(environment: environment)
    }

    init(environment: [String: String]) {
        guard let model = environment[Self.modelVariable] else {
            self = .compiled
            return
        }
        if let marker = environment[Self.bindingVariable], let build = environment[Self.buildVariable] {
            self = .record(model: model, marker: marker, build: build)
        } else if let spec = environment[Self.readVariable] {
            var names: [String: String] = [:]
            for pair in spec.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2 { names[String(parts[0])] = String(parts[1]) }
            }
            self = names.isEmpty ? .compiled : .read(model: model, names: names)
        } else {
            self = .compiled
        }
    }

    /// Whether the command line compares with the model (`check`, `revision --autogenerate`);
    /// the other commands never look at it.
    static func usesModel(_ arguments: [String]) -> Bool {
        guard let command = arguments.first else { return false }
        return command == "check" || (command == "revision" && arguments.contains("--autogenerate"))
    }

    /// The schemas to run with, given the compiled ones by database key: the compiled ones, or
    /// model.swift read now. Throws the reader's reason when it cannot read the file.
    func schemas(compiled: [String: Schema]) throws -> [String: Schema] {
        switch self {
        case .compiled:
            return compiled
        case .record(let model, let marker, let build):
            let environment = ((model as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                "env.swift")
            let binding = ModelBinding(
                source: try? String(contentsOfFile: model, encoding: .utf8), schemas: compiled,
                environment: try? String(contentsOfFile: environment, encoding: .utf8))
            try? AtomicFile.write(binding.text(build: build), to: marker)
            return compiled
        case .read(let model, let names):
            guard names.keys.sorted() == compiled.keys.sorted() else {
                throw ModelUnreadable(SourcePosition(line: 1, column: 1), "the environment's databases changed")
            }
            let source: String
            do { source = try String(contentsOfFile: model, encoding: .utf8) } catch {
                throw ModelUnreadable(SourcePosition(line: 1, column: 1), "unreadable file")
            }
            return try ModelBinding.schemas(source: source, names: names)
        }
    }

    /// In the environment: `compiled` or the read schemas; when the reader stops, replaces the
    /// process with the `autogen` that started it (`dispatcher`), which compiles and runs the
    /// command again. Exits when there is no `autogen` to hand back to.
    static func resolve(
        _ compiled: [String: Schema], handoff: ModelHandoff, dispatcher: String?, arguments: [String]
    ) -> [String: Schema] {
        do { return try handoff.schemas(compiled: compiled) } catch {
            let reason = "model.swift:\(error) is not read without compiling"
            if let dispatcher {
                setenv(unreadVariable, reason, 1)
                fflush(nil)
                try? EnvironmentDispatch.exec(dispatcher, arguments)
            }
            FileHandle.standardError.write(Data("error: \(reason); run the command through autogen\n".utf8))
            exit(1)
        }
    }
}
