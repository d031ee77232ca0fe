-- Partnerships from agency.events: a partner organization may record training only for these agencies.
create table partner_scope (
    partnership_id  uuid primary key,
    agency_id       uuid    not null,
    organization_id uuid    not null,
    active          boolean not null
);
create index partner_scope_organization on partner_scope (organization_id, agency_id) where active;

-- An agency asks for a course to be recognized as MHFA- or CIT-equivalent; a campaign admin decides.
create table recognition_request (
    id                 uuid primary key,
    agency_id          uuid        not null references known_agency (agency_id),
    name               text        not null,
    provider           text,
    hours              numeric(5, 1) not null,
    topics             text        not null,
    requested_category text        not null,
    status             text        not null,
    decision_reason    text,
    course_id          uuid references course (id),
    decided_by         text,
    decided_at         timestamptz,
    created_at         timestamptz not null
);
create index recognition_request_agency on recognition_request (agency_id, created_at desc);

-- Idempotency-Key on certification creation: the same key and body return the original result.
create table idempotency_record (
    agency_id        uuid        not null,
    idempotency_key  text        not null,
    request_hash     text        not null,
    certification_id uuid        not null,
    created_at       timestamptz not null,
    primary key (agency_id, idempotency_key)
);

create index personnel_agency_active on personnel (agency_id) where separated_on is null;
