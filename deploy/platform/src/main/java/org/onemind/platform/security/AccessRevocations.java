package org.onemind.platform.security;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.onemind.platform.contract.AgencyTopic;
import org.onemind.platform.tx.Jdbc;

/**
 * Access taken away before the tokens that carry it expire: a removed member (by subject) or a
 * revoked partner API client (by client id). agency-service records a revocation in the
 * transaction that takes the access away and announces it on agency.events
 * ({@code onemind.agency.access-revoked.v1}); every service keeps the revocations in its database
 * and in memory (re-read every {@code onemind.revocations.refresh}, 2 s, so replicas agree), and
 * refuses a token issued at or before the revocation (AuthenticationFirst).
 */
@ApplicationScoped
public class AccessRevocations {
    private static final Logger LOG = Logger.getLogger(AccessRevocations.class);
    /** Longer than any access token lives (5 minutes in the realm): older revocations no longer matter. */
    static final long KEEP_SECONDS = 86_400;

    @Inject
    EntityManager em;

    private volatile Map<String, Instant> revoked = new ConcurrentHashMap<>();

    public static String user(String subject) {
        return "user:" + subject;
    }

    public static String client(String clientId) {
        return "client:" + clientId;
    }

    /** Records a revocation in the caller's transaction (and at once in this replica). */
    public void revoke(String principal, Instant at) {
        em.createNativeQuery(
                        "insert into revoked_access (principal, revoked_at) values (?1, ?2) on conflict (principal)"
                                + " do update set revoked_at = greatest(revoked_access.revoked_at, excluded.revoked_at)")
                .setParameter(1, principal)
                .setParameter(2, Timestamp.from(at))
                .executeUpdate();
        revoked.merge(principal, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Applies an {@code access-revoked} event from agency.events. */
    public void apply(AgencyTopic.AccessRevoked revocation) {
        revoke(revocation.principal(), revocation.revokedAt());
    }

    /** Whether this token was issued at or before a revocation of its subject or its client. */
    public boolean isRevoked(JsonWebToken token) {
        long issuedAt = token.getIssuedAtTime();
        return revokedAfter(user(token.getSubject()), issuedAt)
                || token.getClaim("azp") != null
                        && revokedAfter(client(String.valueOf((Object) token.getClaim("azp"))), issuedAt);
    }

    private boolean revokedAfter(String principal, long issuedAt) {
        Instant at = revoked.get(principal);
        return at != null && issuedAt <= at.getEpochSecond();
    }

    @Scheduled(every = "${onemind.revocations.refresh:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @jakarta.transaction.Transactional
    void refresh() {
        try {
            Map<String, Instant> fresh = new ConcurrentHashMap<>();
            Jdbc.query(
                            em,
                            "select principal, revoked_at from revoked_access"
                                    + " where revoked_at > now() - make_interval(secs => ?)",
                            row -> Map.entry(
                                    row.getString(1),
                                    row.getObject(2, java.time.OffsetDateTime.class)
                                            .toInstant()),
                            KEEP_SECONDS)
                    .forEach(entry -> fresh.put(entry.getKey(), entry.getValue()));
            revoked = fresh;
        } catch (RuntimeException e) {
            // Keep what we knew: a database hiccup must not forget revocations.
            LOG.warnf("revocations not re-read: %s", e.getMessage());
        }
    }
}
