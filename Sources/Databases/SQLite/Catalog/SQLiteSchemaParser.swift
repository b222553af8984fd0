import ModelDSL

/// Reads the stored `CREATE TABLE` and `CREATE INDEX` texts of `sqlite_schema` for what the
/// pragmas leave out: constraint names, CHECK expressions, AUTOINCREMENT, deferrability,
/// index key expressions and partial predicates.
///
/// It follows SQLite's grammar loosely and skips what it does not need (types, COLLATE,
/// generated columns, ON CONFLICT clauses, `WITHOUT ROWID`, `STRICT`), so it copes with any
/// SQLite syntax; on text that is not a CREATE statement it returns `nil`, and it never traps.
public enum SQLiteSchemaParser {
    /// Parses `CREATE [TEMP] TABLE [IF NOT EXISTS] [schema.]name (...) [options]`.
    /// `CREATE TABLE ... AS SELECT` gives a definition without constraints; a virtual table
    /// or anything else gives `nil`.
    public static func parseTable(_ sql: String) -> SQLiteTableDefinition? {
        let list = SQLiteTokenList(sql)
        var i = 0
        guard list.isKeyword(i, "CREATE") else { return nil }
        i += 1
        if list.isKeyword(i, "TEMP") || list.isKeyword(i, "TEMPORARY") { i += 1 }
        guard list.isKeyword(i, "TABLE") else { return nil }
        i += 1
        if list.isKeyword(i, "IF"), list.isKeyword(i + 1, "NOT"), list.isKeyword(i + 2, "EXISTS") { i += 3 }
        guard var nameToken = list[i], nameToken.isName else { return nil }
        i += 1
        if list.isSymbol(i, "."), let qualified = list[i + 1], qualified.isName {
            nameToken = qualified
            i += 2
        }
        var definition = SQLiteTableDefinition(name: nameToken.value)
        guard list.isSymbol(i, "(") else { return definition }
        let close = list.matchingClose(i, limit: list.count)
        for item in list.splitAtCommas(i + 1, close) {
            var scanner = ConstraintScanner(list: list, end: item.upperBound)
            if let first = list[item.lowerBound], first.kind == .word,
                ["CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN"].contains(where: first.isKeyword)
            {
                scanner.scan(from: item.lowerBound, column: nil, into: &definition)
            } else if let first = list[item.lowerBound], first.isName {
                scanner.scan(from: item.lowerBound + 1, column: first.value, into: &definition)
            }
        }
        var j = close + 1
        while j < list.count {
            if list.isKeyword(j, "WITHOUT"), list.isKeyword(j + 1, "ROWID") { definition.withoutRowID = true }
            j += 1
        }
        return definition
    }

    /// Parses `CREATE [UNIQUE] INDEX [IF NOT EXISTS] [schema.]name ON table (keys) [WHERE pred]`.
    public static func parseIndex(_ sql: String) -> SQLiteIndexDefinition? {
        let list = SQLiteTokenList(sql)
        var i = 0
        guard list.isKeyword(i, "CREATE") else { return nil }
        i += 1
        let unique = list.isKeyword(i, "UNIQUE")
        if unique { i += 1 }
        guard list.isKeyword(i, "INDEX") else { return nil }
        i += 1
        if list.isKeyword(i, "IF"), list.isKeyword(i + 1, "NOT"), list.isKeyword(i + 2, "EXISTS") { i += 3 }
        guard var nameToken = list[i], nameToken.isName else { return nil }
        i += 1
        if list.isSymbol(i, "."), let qualified = list[i + 1], qualified.isName {
            nameToken = qualified
            i += 2
        }
        guard list.isKeyword(i, "ON"), let table = list[i + 1], table.isName, list.isSymbol(i + 2, "(") else {
            return nil
        }
        let open = i + 2
        let close = list.matchingClose(open, limit: list.count)
        let parts = list.splitAtCommas(open + 1, close)
        let keys = parts.map { part in list.text(keyRange(part, in: list)) }
        var predicate: String?
        if list.isKeyword(close + 1, "WHERE") {
            var end = list.count
            while end > close + 2, list.isSymbol(end - 1, ";") { end -= 1 }
            let text = list.text((close + 2)..<end)
            predicate = text.isEmpty ? nil : text
        }
        var definition = SQLiteIndexDefinition(
            name: nameToken.value, table: table.value, unique: unique, keys: keys, predicate: predicate)
        definition.keyOptions = parts.map { keyOptions($0, in: list) }
        return definition
    }

    /// The trailing `COLLATE name` (BINARY, the default, as none) and `DESC` of a key.
    static func keyOptions(_ part: Range<Int>, in list: SQLiteTokenList) -> IndexKeyOptions {
        var upper = part.upperBound
        var descending = false
        if upper - 1 > part.lowerBound, list.isKeyword(upper - 1, "ASC") || list.isKeyword(upper - 1, "DESC") {
            descending = list.isKeyword(upper - 1, "DESC")
            upper -= 1
        }
        var collation: String?
        if upper - 2 > part.lowerBound, list.isKeyword(upper - 2, "COLLATE"), let name = list[upper - 1] {
            collation = SQLiteDialect.storedCollation(name.value)
        }
        return IndexKeyOptions(descending: descending, collation: collation)
    }

    /// `part` without a trailing `ASC`/`DESC` and `COLLATE name`.
    static func keyRange(_ part: Range<Int>, in list: SQLiteTokenList) -> Range<Int> {
        var upper = part.upperBound
        if upper - 1 > part.lowerBound, list.isKeyword(upper - 1, "ASC") || list.isKeyword(upper - 1, "DESC") {
            upper -= 1
        }
        if upper - 2 > part.lowerBound, list.isKeyword(upper - 2, "COLLATE") { upper -= 2 }
        return part.lowerBound..<upper
    }
}

/// Walks the constraints of one column definition or table constraint, recording each one
/// with the name its `CONSTRAINT name` prefix gave it.
struct ConstraintScanner {
    let list: SQLiteTokenList
    /// One past the last token of the item.
    let end: Int
    private var pendingName: String?

    init(list: SQLiteTokenList, end: Int) {
        self.list = list
        self.end = end
    }

    /// Records the constraints found from token `start` on; `column` is the column being
    /// defined, or `nil` for a table constraint.
    mutating func scan(from start: Int, column: String?, into definition: inout SQLiteTableDefinition) {
        var j = start
        while j < end {
            let token = list.tokens[j]
            if token.isSymbol("(") {
                j = list.matchingClose(j, limit: end) + 1
                continue
            }
            guard token.kind == .word else {
                j += 1
                continue
            }
            switch token.value.uppercased() {
            case "CONSTRAINT":
                if let name = list[j + 1], j + 1 < end, name.isName {
                    pendingName = name.value
                    j += 2
                } else {
                    j += 1
                }
            case "PRIMARY", "UNIQUE":
                let isPrimary = token.isKeyword("PRIMARY")
                j += 1
                if isPrimary, list.isKeyword(j, "KEY") { j += 1 }
                var columns: [String] = []
                if j < end, list.isSymbol(j, "(") {
                    let close = list.matchingClose(j, limit: end)
                    columns = list.columnList(j, close: close)
                    j = close + 1
                } else if let column {
                    columns = [column]
                    while j < end, let word = list[j], word.kind == .word,
                        [
                            "ASC", "DESC", "ON", "CONFLICT", "ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE",
                            "AUTOINCREMENT",
                        ]
                        .contains(where: word.isKeyword)
                    {
                        if isPrimary, word.isKeyword("AUTOINCREMENT") { definition.autoincrementColumns.append(column) }
                        if isPrimary, word.isKeyword("DESC") { definition.primaryKeyDescendingInColumn = true }
                        j += 1
                    }
                }
                let key = SQLiteTableDefinition.KeyConstraint(name: pendingName, columns: columns)
                if isPrimary { definition.primaryKey = key } else { definition.uniques.append(key) }
                pendingName = nil
            case "GENERATED", "AS":
                // `GENERATED ALWAYS AS (expr) [STORED | VIRTUAL]`, or the short `AS (expr)`.
                if token.isKeyword("GENERATED") {
                    j += 1
                    if list.isKeyword(j, "ALWAYS") { j += 1 }
                    guard list.isKeyword(j, "AS") else { continue }
                }
                j += 1
                guard let column, j < end, list.isSymbol(j, "(") else { continue }
                let close = list.matchingClose(j, limit: end)
                let expression = list.text((j + 1)..<close)
                j = close + 1
                let stored = list.isKeyword(j, "STORED")
                if stored || list.isKeyword(j, "VIRTUAL") { j += 1 }
                definition.generatedColumns[column.lowercased()] = Generated(expression, stored: stored)
                pendingName = nil
            case "CHECK":
                j += 1
                if j < end, list.isSymbol(j, "(") {
                    let close = list.matchingClose(j, limit: end)
                    definition.checks.append(Check(name: pendingName, expression: list.text((j + 1)..<close)))
                    j = close + 1
                }
                pendingName = nil
            case "FOREIGN":
                j += 1
                if list.isKeyword(j, "KEY") { j += 1 }
                var columns: [String] = []
                if j < end, list.isSymbol(j, "(") {
                    let close = list.matchingClose(j, limit: end)
                    columns = list.columnList(j, close: close)
                    j = close + 1
                }
                if j < end, list.isKeyword(j, "REFERENCES") {
                    j = references(from: j + 1, columns: columns, into: &definition)
                }
                pendingName = nil
            case "REFERENCES":
                j = references(from: j + 1, columns: column.map { [$0] } ?? [], into: &definition)
                pendingName = nil
            case "DEFAULT":
                j += 1
                if list.isSymbol(j, "+") || list.isSymbol(j, "-") { j += 1 }
                if j < end, list.isSymbol(j, "(") {
                    j = list.matchingClose(j, limit: end) + 1
                } else {
                    j += 1
                }
                pendingName = nil
            case "COLLATE":
                if let column, let name = list[j + 1], let collation = SQLiteDialect.storedCollation(name.value) {
                    definition.columnCollations[column.lowercased()] = collation
                }
                j += 2
                pendingName = nil
            case "NULL":
                j += 1
                pendingName = nil
            default:
                j += 1
            }
        }
    }

    /// Reads a foreign-key clause after `REFERENCES`; returns the index after it.
    private mutating func references(
        from start: Int, columns: [String], into definition: inout SQLiteTableDefinition
    ) -> Int {
        var j = start
        guard j < end, let table = list[j], table.isName else { return j }
        j += 1
        var referredColumns: [String] = []
        if j < end, list.isSymbol(j, "(") {
            let close = list.matchingClose(j, limit: end)
            referredColumns = list.columnList(j, close: close)
            j = close + 1
        }
        var deferrable = false
        var initiallyDeferred = false
        var notDeferrable = false
        clauses: while j < end {
            if list.isKeyword(j, "ON") {
                j += 2
                if list.isKeyword(j, "SET") || list.isKeyword(j, "NO") { j += 2 } else { j += 1 }
            } else if list.isKeyword(j, "MATCH") {
                j += 2
            } else if list.isKeyword(j, "NOT"), list.isKeyword(j + 1, "DEFERRABLE") {
                notDeferrable = true
                j += 2
            } else if list.isKeyword(j, "DEFERRABLE") {
                deferrable = true
                j += 1
            } else if list.isKeyword(j, "INITIALLY") {
                initiallyDeferred = list.isKeyword(j + 1, "DEFERRED")
                j += 2
            } else {
                break clauses
            }
        }
        if notDeferrable {
            deferrable = false
            initiallyDeferred = false
        }
        definition.foreignKeys.append(
            .init(
                name: pendingName, columns: columns, referredTable: table.value, referredColumns: referredColumns,
                deferrable: deferrable, initiallyDeferred: deferrable && initiallyDeferred))
        return j
    }
}
