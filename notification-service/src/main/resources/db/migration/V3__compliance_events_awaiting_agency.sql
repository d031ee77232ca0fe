-- compliance.events and agency.events are separate topics, so an evaluation of a new agency can
-- arrive before the agency-registered event that names its contacts. Such an event waits here and
-- is applied, in arrival order, in the transaction that makes the agency known.
create table compliance_event_awaiting_agency (
    seq         bigserial primary key,
    event_id    text        not null unique,
    agency_id   uuid        not null,
    type        text        not null,
    source      text,
    subject     text,
    time        timestamptz,
    traceparent text,
    data        text        not null,
    parked_at   timestamptz not null default now()
);
create index compliance_event_awaiting_agency_by_agency on compliance_event_awaiting_agency (agency_id, seq);
