package org.onemind.agency.pledge;

import java.time.LocalDate;
import java.util.UUID;
import org.onemind.platform.contract.DeadlineStatus;
import org.onemind.platform.contract.PledgeStatus;

public record PledgeResponse(
        UUID id,
        UUID agencyId,
        LocalDate pledgedOn,
        LocalDate targetCompletionOn,
        String signedBy,
        PledgeStatus status,
        DeadlineStatus deadlineStatus,
        LocalDate withdrawnOn,
        String withdrawalReason,
        LocalDate completedOn) {

    static PledgeResponse of(Pledge pledge) {
        return new PledgeResponse(
                pledge.id,
                pledge.agencyId,
                pledge.pledgedOn,
                pledge.targetCompletionOn,
                pledge.signedBy,
                pledge.status,
                pledge.deadlineStatus,
                pledge.withdrawnOn,
                pledge.withdrawalReason,
                pledge.completedOn);
    }
}
