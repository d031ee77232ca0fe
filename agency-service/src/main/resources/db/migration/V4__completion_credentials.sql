-- Open Badges 3.0 credentials for verified completions (issue 18).

-- The platform's signing keys. The newest one not retired signs; every key stays here (and in the public
-- JWKS) so that credentials signed before a rotation still verify. The private key is encrypted with the
-- key-encryption key (onemind.credentials.key-encryption-key, a Kubernetes Secret), never stored in clear.
create table signing_key (
    kid         text        primary key,
    algorithm   text        not null,
    public_jwk  text        not null,
    private_key bytea       not null,
    created_at  timestamptz not null,
    retired_at  timestamptz
);

-- One credential per verified completion; revoked (not deleted) when the verification is reversed.
create table credential (
    id                uuid        primary key,
    agency_id         uuid        not null references agency (id),
    completion_id     uuid        not null unique references completion (id),
    kid               text        not null references signing_key (kid),
    issued_at         timestamptz not null,
    valid_from        timestamptz not null,
    jwt               text        not null,
    revoked_at        timestamptz,
    revocation_reason text
);
create index credential_agency on credential (agency_id, issued_at desc);
create index credential_revoked on credential (revoked_at) where revoked_at is not null;
