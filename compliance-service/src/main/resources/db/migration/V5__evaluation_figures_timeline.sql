-- The timeline (issue 18): every evaluation whose figures changed is kept in evaluation_change (before, only
-- those that changed a practice's standing or eligibility were), with its figures as columns and their
-- difference from the agency's previous row, so an agency's chart reads its rows in order and the campaign's
-- chart sums the differences per day instead of looking up every agency on every day.
alter table evaluation_change
    add column eligible        boolean,
    add column partnership_met boolean,
    add column policy_met      boolean,
    add column mhfa_met        boolean,
    add column cit_met         boolean,
    add column partnerships    integer,
    add column sworn           integer,
    add column mhfa_trained    integer,
    add column mhfa_required   integer,
    add column cit_trained     integer,
    add column cit_required    integer,
    add column d_agencies      integer,
    add column d_eligible      integer,
    add column d_partnership   integer,
    add column d_policy        integer,
    add column d_mhfa          integer,
    add column d_cit           integer,
    add column d_sworn         integer,
    add column d_mhfa_trained  integer,
    add column d_mhfa_required integer,
    add column d_cit_trained   integer,
    add column d_cit_required  integer;

-- Each agency's latest evaluation becomes its latest row where its history stops earlier (figures that moved
-- without changing a standing were not kept until now).
insert into evaluation_change (agency_id, evaluated_at, causation_id, changes, body)
select e.agency_id, e.evaluated_at, null, '[]', e.body
from evaluation e
where not exists (select 1 from evaluation_change c
                  where c.agency_id = e.agency_id and c.evaluated_at >= e.evaluated_at);

update evaluation_change set
    eligible        = coalesce((body::jsonb ->> 'eligible')::boolean, false),
    partnership_met = coalesce((body::jsonb #>> '{practices,partnership,met}')::boolean, false),
    policy_met      = coalesce((body::jsonb #>> '{practices,policy,met}')::boolean, false),
    mhfa_met        = coalesce((body::jsonb #>> '{practices,mhfa,met}')::boolean, false),
    cit_met         = coalesce((body::jsonb #>> '{practices,cit,met}')::boolean, false),
    partnerships    = coalesce((body::jsonb #>> '{practices,partnership,activePartnerships}')::integer, 0),
    sworn           = coalesce((body::jsonb #>> '{practices,mhfa,sworn}')::integer, 0),
    mhfa_trained    = coalesce((body::jsonb #>> '{practices,mhfa,swornTrained}')::integer, 0)
                    + coalesce((body::jsonb #>> '{practices,mhfa,selectedNonSwornTrained}')::integer, 0),
    mhfa_required   = coalesce((body::jsonb #>> '{practices,mhfa,sworn}')::integer, 0)
                    + coalesce((body::jsonb #>> '{practices,mhfa,selectedNonSworn}')::integer, 0),
    cit_trained     = coalesce((body::jsonb #>> '{practices,cit,swornTrained}')::integer, 0),
    cit_required    = coalesce((body::jsonb #>> '{practices,cit,required}')::integer, 0);

update evaluation_change c set
    d_agencies      = case when p.first then 1 else 0 end,
    d_eligible      = c.eligible::int - p.eligible,
    d_partnership   = c.partnership_met::int - p.partnership,
    d_policy        = c.policy_met::int - p.policy,
    d_mhfa          = c.mhfa_met::int - p.mhfa,
    d_cit           = c.cit_met::int - p.cit,
    d_sworn         = c.sworn - p.sworn,
    d_mhfa_trained  = c.mhfa_trained - p.mhfa_trained,
    d_mhfa_required = c.mhfa_required - p.mhfa_required,
    d_cit_trained   = c.cit_trained - p.cit_trained,
    d_cit_required  = c.cit_required - p.cit_required
from (select id,
             lag(id) over w is null                    as first,
             coalesce(lag(eligible::int) over w, 0)    as eligible,
             coalesce(lag(partnership_met::int) over w, 0) as partnership,
             coalesce(lag(policy_met::int) over w, 0)  as policy,
             coalesce(lag(mhfa_met::int) over w, 0)    as mhfa,
             coalesce(lag(cit_met::int) over w, 0)     as cit,
             coalesce(lag(sworn) over w, 0)            as sworn,
             coalesce(lag(mhfa_trained) over w, 0)     as mhfa_trained,
             coalesce(lag(mhfa_required) over w, 0)    as mhfa_required,
             coalesce(lag(cit_trained) over w, 0)      as cit_trained,
             coalesce(lag(cit_required) over w, 0)     as cit_required
      from evaluation_change
      window w as (partition by agency_id order by evaluated_at, id)) p
where p.id = c.id;

alter table evaluation_change
    alter column eligible set not null, alter column partnership_met set not null,
    alter column policy_met set not null, alter column mhfa_met set not null, alter column cit_met set not null,
    alter column partnerships set not null, alter column sworn set not null,
    alter column mhfa_trained set not null, alter column mhfa_required set not null,
    alter column cit_trained set not null, alter column cit_required set not null,
    alter column d_agencies set not null, alter column d_eligible set not null,
    alter column d_partnership set not null, alter column d_policy set not null,
    alter column d_mhfa set not null, alter column d_cit set not null, alter column d_sworn set not null,
    alter column d_mhfa_trained set not null, alter column d_mhfa_required set not null,
    alter column d_cit_trained set not null, alter column d_cit_required set not null;

-- The campaign's chart: the differences up to a day, in day order.
create index evaluation_change_time on evaluation_change (evaluated_at);

-- The completion forecast (issue 18): each agency's latest, for the campaign's counts (null: no active pledge).
alter table evaluation add column forecast_status text;

-- An agency whose forecast turns AT_RISK is told once per pledge target date.
create table forecast_notice (
    agency_id            uuid        not null,
    target_completion_on date        not null,
    noticed_at           timestamptz not null,
    primary key (agency_id, target_completion_on)
);

-- Forecasts for the agencies evaluated before this version: a re-evaluation of every agency, which the
-- first replica to start picks up like any job left unfinished (RebuildService), so the campaign's counts by
-- forecast are not zero until the next night. Only where there are agencies (a new database has none).
insert into reevaluation_job (id, reason, causation_id)
select id, 'completion forecasts for every agency (new in this version)', 'rebuild:' || id
from (select gen_random_uuid() as id) job
where exists (select 1 from evaluation);
