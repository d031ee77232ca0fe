-- Events leave a service only through this table, written in the same transaction as the change.
create table outbox_event (
    seq          bigserial primary key,
    id           uuid        not null unique,
    topic        text        not null,
    record_key   text        not null,
    type         text        not null,
    subject      text,
    payload      text        not null,
    traceparent  text,
    created_at   timestamptz not null default now(),
    sent_at      timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Ids of the events a consumer applied, written in the same transaction as their effect.
create table processed_event (
    consumer     text        not null,
    event_id     text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
