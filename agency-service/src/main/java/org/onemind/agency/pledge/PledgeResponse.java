package org.onemind.agency.pledge;

import java.time.LocalDate;
import java.util.UUID;

public record PledgeResponse(UUID id, UUID agencyId, LocalDate pledgedOn, LocalDate targetCompletionOn,
                             String signedBy, PledgeStatus status, DeadlineStatus deadlineStatus) {

    static PledgeResponse of(Pledge pledge, LocalDate today) {
        return new PledgeResponse(pledge.id, pledge.agencyId, pledge.pledgedOn, pledge.targetCompletionOn,
                pledge.signedBy, pledge.status,
                DeadlineStatus.of(pledge.status, pledge.targetCompletionOn, false, today));
    }
}
