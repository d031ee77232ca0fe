package org.onemind.agency.pledge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

public final class PledgeRequests {
    private PledgeRequests() {}

    public record TakePledge(
            @NotNull LocalDate pledgedOn,
            @NotNull LocalDate targetCompletionOn,
            @NotBlank @Size(max = 200) String signedBy) {}

    public record Withdraw(
            @org.onemind.platform.input.MultiLine @NotBlank @Size(max = 2000)
            String reason) {}
}
