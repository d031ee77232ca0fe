create table organization (
    id         uuid primary key,
    name       text        not null,
    kind       text        not null,
    city       text,
    state      text,
    website    text,
    created_at timestamptz not null
);
create index organization_kind on organization (kind, name);

-- The supporting organizations the campaign lists today.
insert into organization (id, name, kind, city, state, website, created_at) values
    ('00000000-0000-4000-8000-0000000b0001', '911 Sane Jane, Inc.', 'SUPPORTING_ORGANIZATION', 'Atlanta', 'GA', null, now()),
    ('00000000-0000-4000-8000-0000000b0002', 'The California Police Activities League', 'SUPPORTING_ORGANIZATION', 'Sacramento', 'CA', null, now()),
    ('00000000-0000-4000-8000-0000000b0003', 'Massachusetts Constable''s Office', 'SUPPORTING_ORGANIZATION', 'Sandwich', 'MA', null, now());

create table partnership (
    id                 uuid primary key,
    agency_id          uuid        not null references agency (id),
    organization_id    uuid        not null references organization (id),
    mou_signed_on      date        not null,
    description        text,
    document_reference text,
    ended_on           date,
    end_reason         text,
    created_at         timestamptz not null,
    version            integer     not null
);
create index partnership_agency on partnership (agency_id);
create index partnership_organization on partnership (organization_id) where ended_on is null;

create table policy (
    agency_id  uuid primary key references agency (id),
    title      text        not null,
    adopted_on date        not null,
    components text        not null,
    updated_at timestamptz not null,
    version    integer     not null
);

alter table pledge add column deadline_status text not null default 'ON_TRACK';
alter table pledge add column completed_on date;
create index pledge_status on pledge (status, pledged_on desc);

create table completion (
    id             uuid primary key,
    agency_id      uuid        not null references agency (id),
    pledge_id      uuid        not null references pledge (id),
    submitted_on   date        not null,
    signer_name    text        not null,
    signer_rank    text        not null,
    letter_document text,
    status         text        not null,
    review_reason  text,
    reviewed_on    date,
    reviewed_by    text,
    created_at     timestamptz not null
);
create index completion_agency on completion (agency_id, created_at desc);

-- What compliance-service last said of each agency (from compliance.events).
create table compliance_status (
    agency_id    uuid primary key,
    eligible     boolean     not null,
    evaluation   text        not null,
    evaluated_at timestamptz not null
);

-- Every change to an agency, its pledge, partnerships and policy: who, when, before and after.
create table history (
    id           bigserial primary key,
    agency_id    uuid        not null,
    at           timestamptz not null,
    by_user      text        not null,
    what         text        not null,
    before_state text,
    after_state  text
);
create index history_agency on history (agency_id, at desc, id desc);
