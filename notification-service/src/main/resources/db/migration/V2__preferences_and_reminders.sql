-- Which kinds of email each contact receives; no row means every kind.
create table notification_preference (
    contact_id uuid primary key,
    agency_id  uuid not null,
    kinds      text not null
);

-- What reminders need: the pledge's dates and whether the agency is eligible yet.
create table agency_deadline (
    agency_id            uuid primary key,
    pledged_on           date,
    target_completion_on date,
    pledge_status        text,
    eligible             boolean not null default false,
    unmet                text
);
