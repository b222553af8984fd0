// `autogen-bench introspect`: times autogen's catalog introspection on a database.
//
//   autogen-bench introspect --url URL [--runs 3] [--warmup 1] [--schema NAME ...]
//
// Each run opens a new connection (a cold catalog cache in the PostgreSQL backend, as for a
// fresh CLI process), reads the whole schema and closes. It prints one JSON object per run
// and a summary object with the median wall time, the query count and the process's peak
// resident memory (VmHWM), which bounds every single run's peak.
import Foundation
import Introspect
import ModelDSL

struct IntrospectOptions {
    var url = ""
    var runs = 3
    var warmup = 1
    var schemas: [String] = []
}

func parseIntrospectOptions(_ arguments: [String]) -> IntrospectOptions {
    var options = IntrospectOptions()
    var args = arguments[...]
    while let arg = args.popFirst() {
        switch arg {
        case "--url": options.url = args.popFirst() ?? ""
        case "--runs": options.runs = Int(args.popFirst() ?? "") ?? options.runs
        case "--warmup": options.warmup = Int(args.popFirst() ?? "") ?? options.warmup
        case "--schema": options.schemas.append(args.popFirst() ?? "")
        default:
            FileHandle.standardError.write(Data("autogen-bench: unknown argument \(arg)\n".utf8))
            exit(2)
        }
    }
    if options.url.isEmpty {
        FileHandle.standardError.write(
            Data("usage: autogen-bench introspect --url URL [--runs N] [--warmup N] [--schema S]\n".utf8))
        exit(2)
    }
    return options
}

/// A field of /proc/self/status (VmHWM, VmRSS) in MiB.
func procStatus(_ field: String) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let parts = line.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count >= 2, let kib = Double(parts[1]) { return kib / 1024 }
    }
    return .nan
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Runs the introspection benchmark with `arguments` (after the mode name).
func runIntrospectBench(_ arguments: [String]) {
    let options = parseIntrospectOptions(arguments)
    let url: DatabaseURL
    do { url = try DatabaseURL(options.url) } catch {
        FileHandle.standardError.write(Data("autogen-bench: \(error)\n".utf8))
        exit(1)
    }
    let rssBefore = procStatus("VmRSS")
    var walls: [Double] = []
    var queries = 0
    var tables = 0
    var columns = 0
    for run in 0..<(options.warmup + options.runs) {
        let start = now()
        let result: Introspector.Result
        do { result = try Introspector.read(url: url, schemas: options.schemas) } catch {
            FileHandle.standardError.write(Data("autogen-bench: \(error)\n".utf8))
            exit(1)
        }
        let wall = now() - start
        queries = result.queryCount
        tables = result.schema.tables.count
        columns = result.schema.tables.reduce(0) { $0 + $1.columns.count }
        let warm = run < options.warmup
        if !warm { walls.append(wall) }
        print(
            #"{"run": \#(run), "warmup": \#(warm), "wall_s": \#(String(format: "%.4f", wall)), "queries": \#(queries), "tables": \#(tables), "columns": \#(columns)}"#
        )
    }
    let sorted = walls.sorted()
    let median = sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    print(
        #"{"summary": true, "dialect": "\#(url.dialectName)", "runs": \#(walls.count), "median_wall_s": \#(String(format: "%.4f", median)), "queries": \#(queries), "tables": \#(tables), "columns": \#(columns), "rss_before_mib": \#(String(format: "%.1f", rssBefore)), "peak_rss_mib": \#(String(format: "%.1f", procStatus("VmHWM")))}"#
    )
}
