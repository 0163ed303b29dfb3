-- Immigration cases and their append-only history. Constraints keep the data valid even if a
-- client bypasses the API's validation.
CREATE TABLE immigration_case (
    id               uuid        PRIMARY KEY,
    applicant_name   text        NOT NULL CHECK (length(applicant_name) BETWEEN 1 AND 200),
    date_of_birth    date        NOT NULL CHECK (date_of_birth > DATE '1900-01-01'),
    nationality      char(3)     NOT NULL CHECK (nationality ~ '^[A-Z]{3}$'),
    passport_number  text        NOT NULL CHECK (passport_number ~ '^[A-Z0-9]{6,12}$'),
    case_type        text        NOT NULL CHECK (case_type IN ('VISITOR', 'STUDENT', 'WORK', 'FAMILY', 'ASYLUM')),
    status           text        NOT NULL CHECK (status IN ('RECEIVED', 'APPROVED', 'REFUSED')),
    decision_reason  text        CHECK (length(decision_reason) <= 500),
    version          integer     NOT NULL CHECK (version >= 1),
    idempotency_key  text        NOT NULL UNIQUE CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    request_hash     text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CHECK ((status = 'RECEIVED') = (decision_reason IS NULL))
);

-- Partner screening looks cases up by travel document; the index keeps it a bounded lookup.
CREATE INDEX immigration_case_passport_idx ON immigration_case (passport_number, nationality);
-- Officers' work queues list cases by status, newest first.
CREATE INDEX immigration_case_status_idx ON immigration_case (status, created_at DESC, id);

CREATE TABLE case_event (
    id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id          uuid        NOT NULL REFERENCES immigration_case (id),
    event_type       text        NOT NULL CHECK (event_type IN ('RECEIVED', 'APPROVED', 'REFUSED')),
    case_version     integer     NOT NULL CHECK (case_version >= 1),
    actor_role       text        NOT NULL CHECK (actor_role IN ('CLIENT', 'OFFICER', 'PARTNER')),
    detail           text        CHECK (length(detail) <= 500),
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    request_hash     text        NOT NULL,
    occurred_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (case_id, case_version),
    -- A retried decision finds its own earlier commit through this key.
    UNIQUE (case_id, idempotency_key)
);
