package org.onemind.agency.credential;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.lang.JoseException;
import org.onemind.platform.tx.Jdbc;

/**
 * The platform's credential signing keys, in the database so every replica signs with the same one.
 * The newest key that is not retired signs; a rotation retires it and creates the next; no key is
 * deleted, so a credential keeps verifying whatever rotations follow.
 */
@ApplicationScoped
public class SigningKeys {
    private static final long ROTATION_LOCK = 0x6f62336b657973L;

    @Inject
    EntityManager em;

    @Inject
    CredentialConfig config;

    private KeyEncryption encryption;

    @jakarta.annotation.PostConstruct
    void keys() {
        encryption = new KeyEncryption(config.keyEncryptionKey());
    }

    /** A key that signs: its id and private half. */
    public record Signer(String kid, PrivateKey privateKey) {}

    /** What the API says about a key (never its private half). */
    public record KeyInfo(String kid, String algorithm, Instant createdAt, Instant retiredAt, boolean signing) {}

    /** The key that signs now; the first is created on first use. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Signer signer() {
        return current().orElseGet(() -> {
            lock();
            return current().orElseGet(this::create);
        });
    }

    /** Retires the signing key and creates the next; credentials signed before still verify. */
    @Transactional
    public KeyInfo rotate() {
        lock();
        Jdbc.update(em, "update signing_key set retired_at = now() where retired_at is null");
        String kid = create().kid();
        return list().stream().filter(k -> k.kid().equals(kid)).findFirst().orElseThrow();
    }

    @Transactional
    public List<KeyInfo> list() {
        return Jdbc.query(
                em,
                "select kid, algorithm, created_at, retired_at from signing_key order by created_at desc, kid",
                row -> new KeyInfo(
                        row.getString(1),
                        row.getString(2),
                        row.getObject(3, OffsetDateTime.class).toInstant(),
                        row.getObject(4, OffsetDateTime.class) == null
                                ? null
                                : row.getObject(4, OffsetDateTime.class).toInstant(),
                        row.getObject(4, OffsetDateTime.class) == null));
    }

    /** Every key's public half as JWK JSON, newest first (the JWKS). */
    @Transactional
    public List<String> publicJwks() {
        return Jdbc.query(
                em, "select public_jwk from signing_key order by created_at desc, kid", row -> row.getString(1));
    }

    /** The public half of a key of this platform, if it is one. */
    @Transactional
    public Optional<PublicKey> publicKey(String kid) {
        return publicJwk(kid).map(json -> {
            try {
                return ((PublicJsonWebKey) JsonWebKey.Factory.newJwk(json)).getPublicKey();
            } catch (JoseException e) {
                throw new IllegalStateException("stored key " + kid + " is unreadable", e);
            }
        });
    }

    @Transactional
    public Optional<String> publicJwk(String kid) {
        return Jdbc.first(em, "select public_jwk from signing_key where kid = ?", row -> row.getString(1), kid);
    }

    private Optional<Signer> current() {
        return Jdbc.first(
                em,
                "select kid, private_key from signing_key where retired_at is null order by created_at desc limit 1",
                row -> new Signer(row.getString(1), privateKey(row.getBytes(2))));
    }

    /** One key creation at a time across replicas (a rotation, or the first key). */
    private void lock() {
        Jdbc.first(em, "select pg_advisory_xact_lock(?)", row -> true, ROTATION_LOCK);
    }

    private Signer create() {
        try {
            RsaJsonWebKey jwk = RsaJwkGenerator.generateJwk(2048);
            String kid = DateTimeFormatter.ofPattern("yyyyMMdd").format(OffsetDateTime.now(ZoneOffset.UTC)) + "-"
                    + UUID.randomUUID().toString().substring(0, 8);
            jwk.setKeyId(kid);
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            jwk.setUse("sig");
            Jdbc.update(
                    em,
                    "insert into signing_key (kid, algorithm, public_jwk, private_key, created_at)"
                            + " values (?, ?, ?, ?, now())",
                    kid,
                    AlgorithmIdentifiers.RSA_USING_SHA256,
                    jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY),
                    encryption.encrypt(jwk.getRsaPrivateKey().getEncoded()));
            return new Signer(kid, jwk.getRsaPrivateKey());
        } catch (JoseException e) {
            throw new IllegalStateException("a signing key could not be created", e);
        }
    }

    private PrivateKey privateKey(byte[] stored) {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(encryption.decrypt(stored)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored signing key is unreadable", e);
        }
    }
}
