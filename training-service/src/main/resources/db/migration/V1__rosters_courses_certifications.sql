-- Agencies this service has heard of (from agency.events): personnel and certifications need one.
create table known_agency (
    agency_id     uuid primary key,
    name          text        not null,
    registered_at timestamptz not null
);

create table course (
    id              uuid primary key,
    name            text    not null unique,
    mhfa            boolean not null,
    cit             boolean not null,
    hours           numeric(5, 1) not null,
    validity_months integer check (validity_months > 0),
    version         integer not null
);

insert into course (id, name, mhfa, cit, hours, validity_months, version) values
    ('00000000-0000-4000-8000-00000000a001', 'Mental Health First Aid for Public Safety', true, false, 8, 36, 0),
    ('00000000-0000-4000-8000-00000000a002', 'Crisis Intervention Team (CIT) 40-hour course', false, true, 40, null, 0),
    ('00000000-0000-4000-8000-00000000a003', 'ICAT — Integrating Communications, Assessment, and Tactics', true, false, 16, null, 0),
    ('00000000-0000-4000-8000-00000000a004', 'QPR — Question, Persuade, Refer', false, false, 2, null, 0);

create table personnel (
    id                    uuid primary key,
    agency_id             uuid        not null references known_agency (agency_id),
    employee_number       text        not null,
    first_name            text        not null,
    last_name             text        not null,
    sworn                 boolean     not null,
    role                  text,
    selected_for_training boolean     not null,
    hired_on              date,
    separated_on          date,
    version               integer     not null,
    created_at            timestamptz not null,
    unique (agency_id, employee_number)
);

create table certification (
    id                 uuid primary key,
    agency_id          uuid        not null references known_agency (agency_id),
    personnel_id       uuid        not null references personnel (id),
    course_id          uuid        not null references course (id),
    completed_on       date        not null,
    expires_on         date,
    delivery_mode      text        not null,
    hours              numeric(5, 1),
    certificate_number text,
    revoked_at         timestamptz,
    revocation_reason  text,
    created_at         timestamptz not null
);
create index certification_agency on certification (agency_id, completed_on);
create index certification_personnel on certification (personnel_id);
