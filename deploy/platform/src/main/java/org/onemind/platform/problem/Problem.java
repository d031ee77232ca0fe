package org.onemind.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem detail, the body of every error this platform answers. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        @com.fasterxml.jackson.annotation.JsonIgnore java.util.Map<String, Object> extensions) {

    /** RFC 9457 extension members, written beside the standard ones (e.g. {@code unmetPractices}). */
    @com.fasterxml.jackson.annotation.JsonAnyGetter
    public java.util.Map<String, Object> extensionMembers() {
        return extensions == null ? java.util.Map.of() : extensions;
    }

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://onemind.example/problems/";

    public record Violation(String field, String message) {}
}
