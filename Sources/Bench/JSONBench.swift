// `autogen-bench json`: times `inspect --format json`'s encoding step on a database's schema.
//
//   autogen-bench json --url URL [--runs 5] [--warmup 1] [--schema NAME ...]
//
// Reads the schema once, then encodes it `runs` times with Foundation's JSONEncoder (what
// inspect used before issue #15) and `runs` times with SchemaJSON.encode (what it uses now),
// alternating; prints the median of each, the speed-up, the output size, and whether the
// two outputs are the same bytes.
import Autogen
import Foundation
import Introspect
import ModelDSL

func runJSONBench(_ arguments: [String]) {
    let options = parseIntrospectOptions(arguments)
    let schema: Schema
    do {
        schema = try Introspector.read(url: try DatabaseURL(options.url), schemas: options.schemas).schema
    } catch {
        FileHandle.standardError.write(Data("autogen-bench: \(error)\n".utf8))
        exit(1)
    }
    var foundation: [Double] = []
    var ours: [Double] = []
    var same = true
    var bytes = 0
    do {
        for run in 0..<(options.warmup + options.runs) {
            var start = now()
            let reference = try SchemaJSON.encodeWithFoundation(schema)
            let foundationWall = now() - start
            start = now()
            let text = try SchemaJSON.encode(schema)
            let oursWall = now() - start
            same = same && text == reference
            bytes = text.utf8.count
            if run >= options.warmup {
                foundation.append(foundationWall)
                ours.append(oursWall)
            }
        }
    } catch {
        FileHandle.standardError.write(Data("autogen-bench: \(error)\n".utf8))
        exit(1)
    }
    func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    let f = median(foundation)
    let o = median(ours)
    print(
        #"{"summary": true, "tables": \#(schema.tables.count), "runs": \#(ours.count), "json_bytes": \#(bytes), "foundation_median_ms": \#(String(format: "%.1f", f * 1000)), "sorted_json_encoder_median_ms": \#(String(format: "%.1f", o * 1000)), "speed_up": \#(String(format: "%.1f", f / o)), "identical": \#(same)}"#
    )
}
