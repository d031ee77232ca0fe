-- An agency's pledges, whatever their status. The partial unique index (status <> 'WITHDRAWN') cannot
-- serve a query whose status is a bind parameter once PostgreSQL uses a generic plan, and every
-- compliance evaluation looks up the agency's active pledge: without this index, each did a
-- sequential scan of all pledges (O(agencies) per event at national scale).
create index pledge_agency on pledge (agency_id, created_at desc);
