/// How a migration run behaves: where the version table is, transactions, logging, the lock.
public struct MigrationOptions: Sendable {
    /// `version_table`.
    public var versionTable: String
    /// `version_table_schema`; also where the history table lives.
    public var versionTableSchema: String?
    /// The applied-history table.
    public var historyTable: String
    /// One transaction per revision instead of one for the whole run.
    public var transactionPerMigration: Bool
    /// PostgreSQL namespaces the runtime reads the schema of (empty: the default one).
    public var schemas: [String]
    /// Receives one line per revision ("Running upgrade a -> b, add account"), progress
    /// lines on long runs, and the lock-wait message.
    public var log: @Sendable (String) -> Void
    /// Runs of at least this many revisions log "Progress: 100/1000 revisions" every tenth.
    public var progressThreshold: Int
    /// How often a waiting run asks for the PostgreSQL lock again.
    public var lockPollInterval: Duration
    /// How long to wait for the lock before giving up; nil waits for ever.
    public var lockTimeout: Duration?
    /// Called with one transaction per revision, after a revision's commit and before the
    /// next revision's `BEGIN`: where another run would slip in if nothing held the lock
    /// across the run (tests start one there).
    var betweenTransactions: (@Sendable () async -> Void)?
    /// The database's name in a multi-database environment, which revision bodies see as
    /// `op.database`; nil in a single-database one.
    public var database: String?
    /// `online = true`: how long each DDL statement may wait for its table lock before it gives
    /// up (and lets the readers queued behind it go), to be tried again; nil waits as long as
    /// it takes.
    public var ddlLockTimeout: Duration?
    /// How many times a statement that gave up waiting is tried again.
    public var ddlLockRetries: Int = 5
    /// The wait before the first retry; each later retry waits one more of it.
    public var ddlRetryDelay: Duration = .milliseconds(500)

    public init(
        versionTable: String = AutogenConfig.defaultVersionTable, versionTableSchema: String? = nil,
        historyTable: String = "autogen_history", transactionPerMigration: Bool = false, schemas: [String] = [],
        log: @escaping @Sendable (String) -> Void = { _ in }, progressThreshold: Int = 100,
        lockPollInterval: Duration = .milliseconds(50),
        lockTimeout: Duration? = .seconds(AutogenConfig.defaultLockTimeout)
    ) {
        self.versionTable = versionTable
        self.versionTableSchema = versionTableSchema
        self.historyTable = historyTable
        self.transactionPerMigration = transactionPerMigration
        self.schemas = schemas
        self.log = log
        self.progressThreshold = progressThreshold
        self.lockPollInterval = lockPollInterval
        self.lockTimeout = lockTimeout
    }

    /// The options `autogen.ini` sets (version table, its schema, `transaction_per_migration`,
    /// `lock_timeout`, `online` with `ddl_lock_timeout_ms` and `ddl_lock_retries`).
    public init(config: AutogenConfig, log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.init(
            versionTable: config.versionTable, versionTableSchema: config.versionTableSchema,
            transactionPerMigration: config.transactionPerMigration, log: log,
            lockTimeout: .seconds(config.lockTimeout))
        if config.online {
            ddlLockTimeout = .milliseconds(config.ddlLockTimeoutMilliseconds)
            ddlLockRetries = config.ddlLockRetries
        }
    }

    /// The advisory-lock key: FNV-1a 64 of `autogen:<schema>.<version table>`.
    var lockKey: Int64 {
        Int64(bitPattern: FileChecksum.fnv1a(Array("autogen:\(versionTableSchema ?? "").\(versionTable)".utf8)))
    }
}
