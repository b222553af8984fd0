-- The issue's example model, as a DBA would write it for SQLite: the enum becomes TEXT with a
-- CHECK of its values, and every constraint is named as autogen's naming convention names it.
CREATE TABLE organization (
    id INTEGER NOT NULL CONSTRAINT organization_pkey PRIMARY KEY,
    name VARCHAR(100) NOT NULL CONSTRAINT organization_name_key UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
CREATE TABLE account (
    id BIGINT NOT NULL,
    org_id INTEGER NOT NULL,
    email TEXT NOT NULL,
    balance NUMERIC(10, 2) NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'active',
    profile JSON,
    CONSTRAINT account_pkey PRIMARY KEY (id),
    CONSTRAINT account_org_id_fkey FOREIGN KEY (org_id) REFERENCES organization (id) ON DELETE CASCADE,
    CONSTRAINT uq_account_org_email UNIQUE (org_id, email),
    CONSTRAINT ck_account_balance_nonneg CHECK (balance >= 0),
    CONSTRAINT account_status_enum CHECK (status IN ('active', 'suspended', 'closed'))
);
CREATE UNIQUE INDEX ix_account_email_lower ON account (lower(email));
CREATE INDEX ix_account_org_status ON account (org_id, status) WHERE status <> 'closed';
