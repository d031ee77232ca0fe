-- The shape of ComplianceResponse the stored body was written in (ComplianceBodies.FORMAT): a body in
-- today's shape is served as stored; an older one (null: written before this column) is read and
-- written again in today's shape, as before.
alter table evaluation add column body_format integer;
