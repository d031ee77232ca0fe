create table agency (
    id                 uuid primary key,
    name               text        not null,
    type               text        not null,
    city               text        not null,
    state              text        not null,
    country            text        not null,
    declared_sworn     integer     not null check (declared_sworn >= 0),
    declared_non_sworn integer     not null check (declared_non_sworn >= 0),
    version            integer     not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
create index agency_state on agency (country, state);

create table agency_contact (
    id        uuid primary key,
    agency_id uuid not null references agency (id) on delete cascade,
    position  integer not null,
    name      text not null,
    email     text not null,
    role      text
);
create index agency_contact_agency on agency_contact (agency_id);

create table pledge (
    id                   uuid primary key,
    agency_id            uuid        not null references agency (id),
    pledged_on           date        not null,
    target_completion_on date        not null,
    signed_by            text        not null,
    status               text        not null,
    withdrawn_on         date,
    withdrawal_reason    text,
    created_at           timestamptz not null,
    version              integer     not null
);
-- At most one pledge that is not withdrawn per agency; the database holds the line under races.
create unique index pledge_one_active on pledge (agency_id) where status <> 'WITHDRAWN';
