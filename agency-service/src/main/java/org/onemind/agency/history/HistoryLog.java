package org.onemind.agency.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.onemind.platform.security.Caller;

/** Keeps every change to an agency's records with who made it, when, and the record before and after. */
@ApplicationScoped
public class HistoryLog {
    static final String SYSTEM = "system";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Caller caller;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(UUID agencyId, String what, Object before, Object after) {
        em.createNativeQuery("insert into history (agency_id, at, by_user, what, before_state, after_state)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, agencyId)
                .setParameter(2, Instant.now())
                .setParameter(3, who())
                .setParameter(4, what)
                .setParameter(5, write(before))
                .setParameter(6, write(after))
                .executeUpdate();
    }

    /** The caller of the request, or "system" for scheduled work. */
    private String who() {
        return Arc.container().requestContext().isActive() ? caller.name() : SYSTEM;
    }

    private String write(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return json.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
