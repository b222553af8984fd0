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
        if let all = try? ask(questions, connection) { return all }
        var answers: [DefaultQuestion: Bool] = [:]
        for question in questions {
            answers[question] = (try? ask([question], connection))?[question] ?? false
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
        var answers: [DefaultQuestion: Bool] = [:]
        for (i, question) in questions.enumerated() { answers[question] = result[0, i] == "t" }
        return answers
    }
}
