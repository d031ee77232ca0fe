-- Access taken away (a member removed, a partner API client revoked): tokens issued before
-- revoked_at are refused at once, not at their expiry (AccessRevocations).
create table revoked_access (
    principal  varchar(300) primary key,
    revoked_at timestamptz  not null
);
