-- Events a consumer could never apply, kept for campaign admins to read and replay after a fix.
-- One row per consumer and record: a redelivered poison record is not set aside twice.
create table dead_letter (
    id               uuid        primary key,
    consumer         text        not null,
    channel          text        not null,
    topic            text        not null,
    record_partition int         not null,
    record_offset    bigint      not null,
    record_key       text,
    headers          text        not null,
    payload          text,
    event_id         text,
    event_type       text,
    reason           text        not null,
    exception        text        not null,
    dead_lettered_at timestamptz not null default now(),
    status           text        not null default 'PENDING',
    replay_attempts  int         not null default 0,
    last_replay_error text,
    replayed_at      timestamptz,
    unique (consumer, topic, record_partition, record_offset)
);
create index dead_letter_pending on dead_letter (dead_lettered_at) where status = 'PENDING';

-- Scheduled jobs run once per schedule across replicas: the replica that claims the slot runs it.
create table scheduled_job_run (
    job        text        not null,
    slot       text        not null,
    claimed_by text        not null,
    claimed_at timestamptz not null default now(),
    primary key (job, slot)
);

-- Retention purges find old rows by time.
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
create index processed_event_age on processed_event (processed_at);
