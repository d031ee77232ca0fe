-- Read models, built only from agency.events and training.events.
create table agency_view (
    agency_id            uuid primary key,
    name                 text,
    state                text,
    declared_sworn       integer,
    pledge_status        text,
    pledged_on           date,
    target_completion_on date
);

create table partnership_view (
    partnership_id    uuid primary key,
    agency_id         uuid not null,
    organization_id   uuid,
    organization_kind text not null,
    mou_signed_on     date not null,
    ended_on          date
);
create index partnership_view_agency on partnership_view (agency_id);
create index partnership_view_organization on partnership_view (organization_id);

create table policy_view (
    agency_id  uuid primary key,
    title      text not null,
    adopted_on date not null
);

create table personnel_view (
    personnel_id          uuid primary key,
    agency_id             uuid    not null,
    sworn                 boolean not null,
    selected_for_training boolean not null,
    hired_on              date,
    separated_on          date
);
create index personnel_view_agency on personnel_view (agency_id);

create table certification_view (
    certification_id uuid primary key,
    agency_id        uuid    not null,
    personnel_id     uuid    not null,
    course_id        uuid    not null,
    mhfa             boolean not null,
    cit              boolean not null,
    completed_on     date    not null,
    expires_on       date,
    delivery_mode    text,
    revoked          boolean not null default false
);
create index certification_view_agency on certification_view (agency_id);
create index certification_view_course on certification_view (course_id);

-- The latest evaluation of each agency, as served.
create table evaluation (
    agency_id       uuid primary key,
    evaluated_at    timestamptz not null,
    rule_edition    text        not null,
    eligible        boolean     not null,
    partnership_met boolean     not null,
    policy_met      boolean     not null,
    mhfa_met        boolean     not null,
    cit_met         boolean     not null,
    body            text        not null
);

-- Every evaluation that changed something, with the event that caused it.
create table evaluation_change (
    id           bigserial primary key,
    agency_id    uuid        not null,
    evaluated_at timestamptz not null,
    causation_id text,
    changes      text        not null,
    body         text        not null
);
create index evaluation_change_agency on evaluation_change (agency_id, evaluated_at desc);
