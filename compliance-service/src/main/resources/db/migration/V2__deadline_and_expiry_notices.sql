alter table evaluation add column deadline_status text not null default 'NOT_PLEDGED';

-- A certifications-expiring notice goes out once per agency, practice and day it would become unmet.
create table expiry_notice (
    agency_id             uuid        not null,
    practice              text        not null,
    would_become_unmet_on date        not null,
    noticed_at            timestamptz not null,
    primary key (agency_id, practice, would_become_unmet_on)
);
