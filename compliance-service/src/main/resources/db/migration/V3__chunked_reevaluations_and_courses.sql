-- Re-evaluations of many agencies (rebuild, nightly, rule edition, course reclassification) run in
-- chunks, each agency in its own transaction. Progress lives here, so any replica answers for it and
-- a job left by a crashed replica is resumed from its last agency by another.
create table reevaluation_job (
    id             uuid        primary key,
    reason         text        not null,
    course_id      uuid,
    causation_id   text        not null,
    state          text        not null default 'RUNNING',
    total          int         not null default 0,
    done           int         not null default 0,
    failed         int         not null default 0,
    last_agency_id uuid,
    owner          text,
    heartbeat_at   timestamptz not null default now(),
    started_at     timestamptz not null default now(),
    finished_at    timestamptz
);
create index reevaluation_job_running on reevaluation_job (started_at) where state = 'RUNNING';

-- The categories of each course as of its latest course-changed event: a certification whose event
-- was made before the reclassification takes the course's current categories, whichever topic's
-- event arrives first.
create table course_view (
    course_id  uuid        primary key,
    mhfa       boolean     not null,
    cit        boolean     not null,
    changed_at timestamptz not null
);
