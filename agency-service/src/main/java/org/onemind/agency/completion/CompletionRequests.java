package org.onemind.agency.completion;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a caller sends about an agency's completion. */
public final class CompletionRequests {
    private CompletionRequests() {}

    public record SubmitCompletion(
            @NotBlank @Size(max = 200) String signerName,
            @NotBlank @Size(max = 100) String signerRank,
            @Size(max = 500) String letterDocument) {}

    /** Why the campaign reverses a verification (the agency and verifiers are told). */
    public record ReverseCompletion(
            @jakarta.validation.constraints.NotBlank @org.onemind.platform.input.MultiLine @Size(max = 2000)
            String reason) {}

    public record ReviewCompletion(
            @NotNull CompletionStatus decision,

            @org.onemind.platform.input.MultiLine @Size(max = 2000)
            String reason) {}
}
