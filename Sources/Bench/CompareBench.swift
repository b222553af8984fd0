// `autogen-bench compare`: introspection plus compare against the bench's spec, the work of
// `autogen check` / `revision --autogenerate`, timed per step.
//
//   autogen-bench compare --url URL --spec data/drift_n1000_k50.pg.json [--runs 3] [--list]
import Autogen
import Foundation
import Introspect
import ModelDSL

func runCompareBench(_ arguments: [String]) {
    var url = ""
    var specPath = ""
    var runs = 3
    var list = false
    var args = arguments[...]
    while let arg = args.popFirst() {
        switch arg {
        case "--url": url = args.popFirst() ?? ""
        case "--spec": specPath = args.popFirst() ?? ""
        case "--runs": runs = Int(args.popFirst() ?? "") ?? runs
        case "--list": list = true
        default: fail("unknown argument \(arg)")
        }
    }
    guard !url.isEmpty, !specPath.isEmpty else {
        fail("usage: autogen-bench compare --url URL --spec FILE [--runs N] [--list]")
    }
    do {
        let databaseURL = try DatabaseURL(url)
        let (spec, drift) = try BenchSpecModel.load(specPath)
        let postgres = databaseURL.dialectName == "postgresql"
        let modelStart = now()
        let model = BenchSpecModel.schema(spec, postgres: postgres)
        try model.validate()
        let modelTime = now() - modelStart
        let dialect: any SchemaDialect.Type = postgres ? PostgresDialect.self : SQLiteDialect.self
        // Preparing the model (its stored form for the dialect) is part of loading it, like
        // building SQLAlchemy's MetaData, which Alembic's t_compare leaves out too.
        let prepareStart = now()
        let prepared = PreparedModel(model, dialect: dialect)
        let prepareTime = now() - prepareStart
        var totals: [Double] = []
        var compares: [Double] = []
        var result = CompareResult()
        var queries = 0
        for run in 0...runs {
            let start = now()
            var options = CompareOptions()
            let database: Schema
            switch databaseURL {
            case .postgresql(let parts):
                let connection = try PostgresConnection(parts)
                database = try PostgresCatalogReader(connection: connection).read()
                let questions = Comparer.undecidedDefaults(prepared, database: database)
                options.serverDefaultAnswers = PostgresDefaultOracle.answers(questions, connection: connection)
                queries = connection.queryCount
                connection.close()
            case .sqlite(let path):
                let connection = try SQLiteConnection(path: path, create: false)
                database = try SQLiteCatalogReader(connection: connection).read()
                queries = connection.queryCount
            }
            let compareStart = now()
            result = Comparer.compare(prepared, database: database, options: options)
            let end = now()
            if run > 0 {
                totals.append(end - start)
                compares.append(end - compareStart)
            }
        }
        let changeCount = result.ops.reduce(0) { count, op in
            if case .alterColumn(let a) = op { return count + a.changeCount }
            return count + 1
        }
        var kinds: [String: Int] = [:]
        for op in result.ops {
            let kind = String("\(op)".prefix { $0 != "(" })
            kinds[kind, default: 0] += 1
        }
        if list {
            for op in result.ops { print(String(SwiftRenderer.render([op]).split(separator: "\n").first ?? "")) }
        }
        let expected = drift?.expected_ops ?? 0
        // The same changes as Alembic: (table, Alembic's op name) pairs, as multisets.
        var ours: [String] = []
        for op in result.ops {
            let table = op.table?.name ?? ""
            for name in alembicNames(op) { ours.append(table + " " + name) }
        }
        let theirs = (drift?.changes ?? []).flatMap { change in change.ops.map { change.table + " " + $0 } }
        let missing = multisetDifference(theirs, ours)
        let extra = multisetDifference(ours, theirs)
        print(
            #"{"dialect": "\#(databaseURL.dialectName)", "tables": \#(spec.tables.count), "runs": \#(runs), "model_build_s": \#(fmt(modelTime)), "model_prepare_s": \#(fmt(prepareTime)), "median_introspect_and_compare_s": \#(fmt(median(totals))), "median_compare_s": \#(fmt(median(compares))), "queries": \#(queries), "changes": \#(changeCount), "expected_changes": \#(expected), "same_changes_as_alembic": \#(missing.isEmpty && extra.isEmpty), "missing": "\#(missing.joined(separator: "; "))", "extra": "\#(extra.joined(separator: "; "))", "ops_by_kind": "\#(kinds.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))", "peak_rss_mib": \#(String(format: "%.1f", procStatus("VmHWM")))}"#
        )
    } catch {
        fail("\(error)")
    }
}

/// Alembic's names for what an op changes (`add_column`, `modify_type`, ...).
func alembicNames(_ op: MigrationOp) -> [String] {
    switch op {
    case .createTable: return ["add_table"]
    case .dropTable: return ["remove_table"]
    case .addColumn: return ["add_column"]
    case .dropColumn: return ["remove_column"]
    case .alterColumn(let a):
        var names: [String] = []
        if a.type != nil { names.append("modify_type") }
        if a.nullable != nil { names.append("modify_nullable") }
        if a.defaultValue != nil { names.append("modify_default") }
        if a.comment != nil { names.append("modify_comment") }
        if a.name != nil { names.append("rename_column") }
        if a.identity != nil { names.append("modify_identity") }
        return names
    case .createIndex: return ["add_index"]
    case .dropIndex: return ["remove_index"]
    case .addForeignKey: return ["add_fk"]
    case .dropForeignKey: return ["remove_fk"]
    case .addUnique, .addCheck, .addPrimaryKey: return ["add_constraint"]
    case .dropUnique, .dropCheck, .dropPrimaryKey: return ["remove_constraint"]
    case .setTableComment(_, let change): return [change.to == nil ? "remove_table_comment" : "add_table_comment"]
    default: return ["\(op)".prefix { $0 != "(" }].map(String.init)
    }
}

/// The elements of `a` not matched one for one in `b`.
func multisetDifference(_ a: [String], _ b: [String]) -> [String] {
    var counts: [String: Int] = [:]
    for x in b { counts[x, default: 0] += 1 }
    var out: [String] = []
    for x in a {
        if let c = counts[x], c > 0 { counts[x] = c - 1 } else { out.append(x) }
    }
    return out.sorted()
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

func fmt(_ value: Double) -> String { String(format: "%.4f", value) }

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("autogen-bench: \(message)\n".utf8))
    exit(2)
}
