import Introspect

/// Asks PostgreSQL whether default expressions that text cannot compare are equal, all in
/// one round trip (Alembic sends one query per column):
///
///     SELECT ('0')::bigint IS NOT DISTINCT FROM (0)::bigint, ('x')::text IS NOT DISTINCT FROM ...
public enum PostgresDefaultOracle {
    /// The server's verdict on each question; a question the server cannot evaluate (an
    /// invalid cast) is answered "different".
    public static func answers(_ questions: [DefaultQuestion], connection: PostgresConnection) -> [DefaultQuestion:
        Bool]
    {
        guard !questions.isEmpty else { return [:] }
        var answers: [DefaultQuestion: Bool] = [:]
        // A select list holds at most 1,664 columns: a round trip per thousand questions.
        for start in stride(from: 0, to: questions.count, by: 1000) {
            let chunk = Array(questions[start..<min(start + 1000, questions.count)])
            if let all = try? ask(chunk, connection) {
                answers.merge(all) { a, _ in a }
                continue
            }
            for question in chunk {
                answers[question] = (try? ask([question], connection))?[question] ?? false
            }
        }
        return answers
    }

    private static func ask(_ questions: [DefaultQuestion], _ connection: PostgresConnection) throws(IntrospectError)
        -> [DefaultQuestion: Bool]
    {
        let terms = questions.map { q in
            "(\(q.model))::\(q.type) IS NOT DISTINCT FROM (\(q.database))::\(q.type)"
        }
        let result = try connection.query("SELECT " + terms.joined(separator: ", "))
        // A comment opened in one question and closed in another would hide those between.
        guard result.rowCount == 1, result.columnCount == questions.count else {
            throw .sql(code: "42601", message: "the questions did not read as one each", statement: "")
        }
        var answers: [DefaultQuestion: Bool] = [:]
        for (i, question) in questions.enumerated() { answers[question] = result[0, i] == "t" }
        return answers
    }
}
