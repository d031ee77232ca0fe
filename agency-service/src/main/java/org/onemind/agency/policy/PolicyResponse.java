package org.onemind.agency.policy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An agency's adopted policy, with the model-policy components it does not cover. */
public record PolicyResponse(
        UUID agencyId,
        String title,
        LocalDate adoptedOn,
        List<PolicyComponent> components,
        List<PolicyComponent> notCovered) {
    static PolicyResponse of(Policy policy) {
        return new PolicyResponse(
                policy.agencyId,
                policy.title,
                policy.adoptedOn,
                policy.components,
                Arrays.stream(PolicyComponent.values())
                        .filter(c -> !policy.components.contains(c))
                        .toList());
    }
}
