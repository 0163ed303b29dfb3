-- Immigration cases and their append-only history (API-CONTRACT.md). Constraints keep the data
-- valid even if a client bypasses the API's validation.
CREATE TABLE cases (
    id               uuid        PRIMARY KEY,
    case_type        text        NOT NULL CHECK (case_type IN ('VISITOR_VISA', 'STUDY_PERMIT', 'WORK_PERMIT',
                                                               'PERMANENT_RESIDENCE', 'CITIZENSHIP')),
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'APPROVED', 'REFUSED', 'INFO_REQUESTED')),
    surname          text        NOT NULL CHECK (length(surname) BETWEEN 1 AND 100),
    given_names      text        NOT NULL CHECK (length(given_names) BETWEEN 1 AND 200),
    birth_date       date        NOT NULL CHECK (birth_date > DATE '1900-01-01'),
    nationality      char(3)     NOT NULL CHECK (nationality ~ '^[A-Z]{3}$'),
    version          integer     NOT NULL CHECK (version >= 1),
    idempotency_key  text        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    -- Lower-case hex SHA-256 of the raw intake body: the harness reconciles its write ledger on it.
    request_sha256   text        NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- Partner screening looks applicants up by surname (any case) and birth date.
CREATE INDEX cases_screening_idx ON cases (lower(surname), birth_date);
-- Work queues list cases by status, newest first.
CREATE INDEX cases_status_idx ON cases (status, created_at DESC, id);

CREATE TABLE case_events (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id          uuid        NOT NULL REFERENCES cases (id),
    event_type       text        NOT NULL CHECK (event_type IN ('RECEIVED', 'DECISION')),
    case_version     integer     NOT NULL CHECK (case_version >= 1),
    actor_role       text        NOT NULL CHECK (actor_role IN ('CLIENT', 'OFFICER', 'PARTNER')),
    detail           text        CHECK (length(detail) <= 1000),
    idempotency_key  text        CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    -- SHA-256 of the raw request body: a retried decision recognises its own earlier commit by it.
    request_sha256   text        NOT NULL CHECK (request_sha256 ~ '^[0-9a-f]{64}$'),
    occurred_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, case_version),
    UNIQUE (case_id, idempotency_key)
);
