import ModelDSL

/// A view from the `CREATE VIEW` statement SQLite keeps in `sqlite_schema`:
/// `CREATE [TEMP] VIEW [IF NOT EXISTS] [schema.]name [(column, ...)] AS select`. The query is
/// kept exactly as written (SQLite stores it so), and so is the column list.
enum SQLiteViewParser {
    static func parse(name: String, sql: String) -> View {
        let tokens = SQLiteTokenizer.tokens(sql)
        let bytes = Array(sql.utf8)
        var i = 0
        // Up to the word VIEW, then past IF NOT EXISTS and the (qualified) name.
        while i < tokens.count, !(tokens[i].kind == .word && tokens[i].value.uppercased() == "VIEW") { i += 1 }
        i += 1
        if i + 2 < tokens.count, tokens[i].value.uppercased() == "IF", tokens[i].kind == .word { i += 3 }
        i += 1
        if i + 1 < tokens.count, tokens[i].kind == .symbol, tokens[i].value == "." { i += 2 }
        var columns: [String] = []
        if i < tokens.count, tokens[i].kind == .symbol, tokens[i].value == "(" {
            i += 1
            while i < tokens.count, !(tokens[i].kind == .symbol && tokens[i].value == ")") {
                if tokens[i].kind == .word || tokens[i].kind == .quotedIdentifier || tokens[i].kind == .string {
                    columns.append(tokens[i].value)
                }
                i += 1
            }
            i += 1
        }
        guard i < tokens.count, tokens[i].kind == .word, tokens[i].value.uppercased() == "AS" else {
            // Not a statement this parser knows: the whole text, so that compare sees a difference.
            return View(name, sql)
        }
        let start = tokens[i].end
        let query = String(decoding: bytes[start...], as: UTF8.self)
        return View(name, columns: columns, query)
    }
}
