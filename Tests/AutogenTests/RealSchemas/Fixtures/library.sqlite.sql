-- A lending library's schema written by hand for autogen's round-trip test, in the shape
-- SQLite application schemas have (INTEGER PRIMARY KEY rowids, AUTOINCREMENT, COLLATE NOCASE,
-- DESC and partial and expression indexes, a foreign-key cycle, generated columns, CHECKs).
-- Written for this project; no third-party content (see README.md in this folder).
CREATE TABLE author (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL COLLATE NOCASE,
    born INTEGER CHECK (born > 1000),
    favourite_book_id INTEGER REFERENCES book (id) ON DELETE SET NULL
);
CREATE TABLE book (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    author_id INTEGER NOT NULL REFERENCES author (id),
    isbn TEXT UNIQUE,
    pages INTEGER DEFAULT 0 NOT NULL,
    price NUMERIC(8, 2),
    title_key TEXT GENERATED ALWAYS AS (lower(title)) VIRTUAL,
    added_at TEXT DEFAULT CURRENT_TIMESTAMP NOT NULL
);
CREATE INDEX book_author_idx ON book (author_id, added_at DESC);
CREATE INDEX book_title_key_idx ON book (title_key);
CREATE INDEX book_cheap_idx ON book (price) WHERE price < 10;
CREATE TABLE member (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    joined TEXT NOT NULL,
    status TEXT DEFAULT 'active' NOT NULL CHECK (status IN ('active', 'suspended'))
);
CREATE TABLE loan (
    book_id INTEGER NOT NULL REFERENCES book (id) ON DELETE CASCADE,
    member_id INTEGER NOT NULL REFERENCES member (id),
    lent_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    returned_on TEXT,
    PRIMARY KEY (book_id, lent_on),
    CHECK (due_on >= lent_on)
);
CREATE INDEX loan_open_idx ON loan (member_id) WHERE returned_on IS NULL;
CREATE INDEX member_email_lower_idx ON member (lower(email));
CREATE VIEW open_loan AS
    SELECT l.book_id, l.member_id, l.due_on FROM loan AS l WHERE l.returned_on IS NULL;
CREATE VIEW overdue (book, member) AS SELECT book_id, member_id FROM open_loan WHERE due_on < date('now');
CREATE TABLE loan_log (book_id INTEGER, what TEXT NOT NULL, at TEXT DEFAULT CURRENT_TIMESTAMP);
CREATE TRIGGER loan_lent AFTER INSERT ON loan
BEGIN
    INSERT INTO loan_log (book_id, what) VALUES (new.book_id, 'lent');
END;
CREATE TRIGGER loan_returned AFTER UPDATE OF returned_on ON loan FOR EACH ROW
    WHEN old.returned_on IS NULL AND new.returned_on IS NOT NULL
BEGIN
    INSERT INTO loan_log (book_id, what) VALUES (new.book_id, 'returned');
    UPDATE member SET email = lower(email) WHERE id = new.member_id;
END;
CREATE TRIGGER overdue_no_insert INSTEAD OF INSERT ON overdue BEGIN SELECT RAISE(ABORT, 'overdue is read-only'); END;
