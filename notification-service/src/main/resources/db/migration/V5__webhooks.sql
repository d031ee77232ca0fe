-- Webhook subscriptions: who subscribed which HTTPS endpoint to which event types, for which agencies.
create table webhook_subscription (
    id                    uuid primary key,
    -- campaign-admin: agency_id null is every agency; agency-manager: its agency_id;
    -- partner: organization_id, and agency_id null is every agency it partners with.
    owner_role            text        not null,
    owner_name            text        not null,
    -- as agency-service names it when it revokes access (user:<subject>, client:<client id>)
    owner_principal       text        not null,
    agency_id             uuid,
    organization_id       uuid,
    url                   text        not null,
    event_types           text        not null,
    description           text,
    contact_email         text        not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    status                text        not null,
    failing_since         timestamptz,
    created_at            timestamptz not null,
    version               integer     not null default 0
);
create index webhook_subscription_agency on webhook_subscription (agency_id);
create index webhook_subscription_organization on webhook_subscription (organization_id);

-- Every message to every subscription, from the event until it is delivered or given up; replayable.
create table webhook_delivery (
    id              uuid primary key,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    message_key     text        not null,
    event_type      text        not null,
    agency_id       uuid        not null,
    payload         text        not null,
    status          text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    last_status     integer,
    last_error      text,
    created_at      timestamptz not null,
    delivered_at    timestamptz,
    -- One message per event and subscription, whatever the redeliveries of the event.
    unique (subscription_id, message_key)
);
create index webhook_delivery_log on webhook_delivery (subscription_id, created_at desc);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status in ('PENDING', 'RETRYING');

-- Which partner organizations work with which agencies (from agency.events): a partner's
-- subscription receives the events of those agencies only.
create table partner_agency (
    agency_id       uuid not null,
    organization_id uuid not null,
    primary key (agency_id, organization_id)
);
create index partner_agency_organization on partner_agency (organization_id);

-- A subscription that fails is told to its owner, who may subscribe for every agency: no agency then.
alter table notification alter column agency_id drop not null;
