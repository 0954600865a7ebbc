import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql
    .raw(
      `
    CREATE SCHEMA documents;
    COMMENT ON SCHEMA documents IS 'Identity and travel documents: issued documents, their validity and invalidation, number series, the partners'' change feed';

    CREATE TABLE documents.number_series (
      prefix text PRIMARY KEY,
      document_type text NOT NULL,
      last bigint NOT NULL CHECK (last >= 0)
    );
    COMMENT ON TABLE documents.number_series IS 'The last number given per series prefix (configured per document type); a number is never reused, even when a type moves to a new prefix';

    CREATE TABLE documents.document (
      id uuid PRIMARY KEY,
      document_type text NOT NULL,
      number text NOT NULL,
      person_id uuid NOT NULL,
      surname text NOT NULL,
      given_names text NOT NULL,
      nationality text NOT NULL,
      issued_on date NOT NULL,
      valid_until date NOT NULL,
      issuing_branch_id uuid,
      mrz text[] NOT NULL,
      invalidated_on date,
      invalidation_reason text CHECK (invalidation_reason IN ('lost', 'stolen', 'damaged', 'data-changed', 'holder-died', 'annulled', 'replaced')),
      invalidation_note text,
      invalidated_by text,
      issued_at timestamptz NOT NULL,
      invalidated_at timestamptz,
      CHECK (valid_until > issued_on),
      CHECK ((invalidated_on IS NULL) = (invalidation_reason IS NULL)),
      CHECK ((invalidated_on IS NULL) = (invalidated_at IS NULL))
    );
    COMMENT ON TABLE documents.document IS 'One row per issued document; a document is valid until valid_until unless invalidated earlier';
    COMMENT ON COLUMN documents.document.surname IS 'Personal data: the name as printed on the document';
    COMMENT ON COLUMN documents.document.given_names IS 'Personal data: the name as printed on the document';
    COMMENT ON COLUMN documents.document.mrz IS 'Personal data: the machine-readable zone as printed';
    -- The public check looks a document up by number: one index probe.
    CREATE UNIQUE INDEX document_number_idx ON documents.document (number);
    CREATE INDEX document_person_idx ON documents.document (person_id, issued_on DESC);

    CREATE TABLE documents.change (
      seq bigserial PRIMARY KEY,
      document_id uuid NOT NULL REFERENCES documents.document (id),
      change text NOT NULL CHECK (change IN ('issued', 'invalidated')),
      at timestamptz NOT NULL
    );
    -- Each server process refreshes its in-memory validity index from the changes of the last minute (decision 0019).
    CREATE INDEX change_at_idx ON documents.change (at);
    COMMENT ON TABLE documents.change IS 'The partners'' feed (border guard, police, the invalid-documents register): written in the same transaction as the change, read in sequence';
  `,
    )
    .execute(db);
}
