-- Until compliance-service says otherwise, all four practices are open (as it compares its first
-- evaluation with). The consumer now passes over evaluations that change no practice and not
-- eligibility, so an agency's first evaluation, when it meets nothing, may never be applied here.
alter table agency_deadline alter column unmet set default 'PARTNERSHIP,POLICY,MHFA,CIT';
update agency_deadline set unmet = 'PARTNERSHIP,POLICY,MHFA,CIT' where unmet is null;
