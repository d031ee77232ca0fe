package org.onemind.agency.pledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.onemind.agency.agency.AgencyService;
import org.onemind.agency.events.AgencyEvents;
import org.onemind.platform.problem.ApiException;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PledgeService {
    static final int MIN_MONTHS = 12;
    static final int MAX_MONTHS = 36;

    @Inject
    AgencyService agencies;

    @Inject
    AgencyEvents events;

    @Transactional
    public Pledge take(UUID agencyId, PledgeRequests.TakePledge request) {
        agencies.find(agencyId);
        if (request.targetCompletionOn().isBefore(request.pledgedOn().plusMonths(MIN_MONTHS))
                || request.targetCompletionOn().isAfter(request.pledgedOn().plusMonths(MAX_MONTHS))) {
            throw ApiException.invalid("targetCompletionOn", "must be 12 to 36 months after pledgedOn ("
                    + request.pledgedOn().plusMonths(MIN_MONTHS) + " to " + request.pledgedOn().plusMonths(MAX_MONTHS)
                    + ")");
        }
        if (Pledge.activeOf(agencyId).isPresent()) {
            throw ApiException.conflict("active-pledge-exists",
                    "agency " + agencyId + " already has an active pledge; withdraw it before pledging again");
        }
        Pledge pledge = new Pledge();
        pledge.id = UUID.randomUUID();
        pledge.agencyId = agencyId;
        pledge.pledgedOn = request.pledgedOn();
        pledge.targetCompletionOn = request.targetCompletionOn();
        pledge.signedBy = request.signedBy().trim();
        pledge.status = PledgeStatus.PLEDGED;
        pledge.createdAt = Instant.now();
        pledge.persistAndFlush();
        events.pledgeTaken(pledge);
        return pledge;
    }

    public Pledge active(UUID agencyId) {
        return Pledge.activeOf(agencyId).orElseThrow(() -> ApiException.notFound("pledge of agency", agencyId));
    }
}
