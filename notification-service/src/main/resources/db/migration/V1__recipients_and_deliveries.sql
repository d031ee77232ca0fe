-- Agencies and their contacts, kept from agency.events.
create table agency_recipients (
    agency_id uuid primary key,
    name      text not null
);

create table recipient (
    contact_id uuid primary key,
    agency_id  uuid not null references agency_recipients (agency_id),
    name       text not null,
    email      text not null,
    role       text,
    active     boolean not null default true
);
create index recipient_agency on recipient (agency_id);

-- Every email, from the moment it is decided until it is delivered or given up.
create table notification (
    id               uuid primary key,
    agency_id        uuid        not null,
    type             text        not null,
    recipient        text        not null,
    subject          text        not null,
    html_body        text        not null,
    text_body        text        not null,
    status           text        not null,
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null,
    event_id         text        not null,
    traceparent      text,
    -- One email per event, kind and recipient, whatever the redeliveries.
    unique (event_id, type, recipient)
);
create index notification_agency on notification (agency_id, created_at desc);
create index notification_due on notification (next_attempt_at) where status in ('PENDING', 'RETRYING');
