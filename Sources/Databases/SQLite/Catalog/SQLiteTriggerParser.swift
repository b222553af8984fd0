import ModelDSL

/// A trigger from the `CREATE TRIGGER` statement SQLite keeps in `sqlite_schema`:
/// `CREATE [TEMP] TRIGGER [IF NOT EXISTS] [schema.]name [BEFORE | AFTER | INSTEAD OF]
/// DELETE | INSERT | UPDATE [OF column, ...] ON table [FOR EACH ROW] [WHEN expr] BEGIN ... END`.
/// The condition and the statements are kept exactly as written (SQLite stores them so);
/// a trigger that names no timing is `BEFORE`, as SQLite runs it.
enum SQLiteTriggerParser {
    static func parse(name: String, table: String, sql: String) -> Trigger? {
        let tokens = SQLiteTokenizer.tokens(sql)
        let bytes = Array(sql.utf8)
        func word(_ i: Int, _ keyword: String) -> Bool {
            i < tokens.count && tokens[i].kind == .word && tokens[i].value.uppercased() == keyword
        }
        func text(_ from: Int, _ to: Int) -> String {
            String(decoding: bytes[from..<max(from, to)], as: UTF8.self)
        }
        var i = 0
        while i < tokens.count, !word(i, "TRIGGER") { i += 1 }
        i += 1
        if word(i, "IF") { i += 3 }
        i += 1
        if i + 1 < tokens.count, tokens[i].kind == .symbol, tokens[i].value == "." { i += 2 }
        var timing = Trigger.Timing.before
        if word(i, "BEFORE") {
            i += 1
        } else if word(i, "AFTER") {
            timing = .after
            i += 1
        } else if word(i, "INSTEAD"), word(i + 1, "OF") {
            timing = .insteadOf
            i += 2
        }
        var event: Trigger.Event
        if word(i, "DELETE") {
            event = .delete
        } else if word(i, "INSERT") {
            event = .insert
        } else if word(i, "UPDATE") {
            event = .update
        } else {
            return nil
        }
        i += 1
        var columns: [String] = []
        if event == .update, word(i, "OF") {
            i += 1
            while i < tokens.count, !word(i, "ON") {
                if tokens[i].kind == .word || tokens[i].kind == .quotedIdentifier { columns.append(tokens[i].value) }
                i += 1
            }
        }
        guard word(i, "ON") else { return nil }
        i += 2
        if i + 1 < tokens.count, tokens[i].kind == .symbol, tokens[i].value == "." { i += 2 }
        if word(i, "FOR") { i += 3 }
        var condition: String?
        var begin = i
        if word(i, "WHEN") {
            var j = i + 1
            while j < tokens.count, !word(j, "BEGIN") { j += 1 }
            guard j < tokens.count else { return nil }
            condition = text(tokens[i].end, tokens[j].start)
            begin = j
        }
        guard word(begin, "BEGIN"),
            let end = tokens.lastIndex(where: { $0.kind == .word && $0.value.uppercased() == "END" }),
            end > begin
        else { return nil }
        return Trigger(
            name, on: table, timing, [event], updateOf: columns, when: condition,
            body: text(tokens[begin].end, tokens[end].start))
    }
}
