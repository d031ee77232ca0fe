package org.onemind.agency.completion;

import java.time.LocalDate;
import java.util.UUID;

/** A submitted completion and its review, as the API answers it. */
public record CompletionResponse(
        UUID id,
        UUID agencyId,
        LocalDate submittedOn,
        String signerName,
        String signerRank,
        String letterDocument,
        CompletionStatus status,
        String reviewReason,
        LocalDate reviewedOn,
        String reviewedBy) {
    static CompletionResponse of(Completion c) {
        return new CompletionResponse(
                c.id,
                c.agencyId,
                c.submittedOn,
                c.signerName,
                c.signerRank,
                c.letterDocument,
                c.status,
                c.reviewReason,
                c.reviewedOn,
                c.reviewedBy);
    }
}
