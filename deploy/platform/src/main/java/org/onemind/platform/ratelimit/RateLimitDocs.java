package org.onemind.platform.ratelimit;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** Documents on every operation the 429 a caller gets above a rate limit, with its headers. */
public class RateLimitDocs implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .values()
                .forEach(item -> item.getOperations().values().forEach(operation -> {
                    if (operation.getResponses() == null
                            || operation.getResponses().getAPIResponse("429") != null) {
                        return;
                    }
                    APIResponse tooMany = OASFactory.createAPIResponse()
                            .description(
                                    "Too many requests: the caller went over a rate limit (see RateLimit-Policy); retry after"
                                            + " Retry-After seconds")
                            .addHeader(
                                    "Retry-After", header("seconds until the window resets", Schema.SchemaType.INTEGER))
                            .addHeader(
                                    "RateLimit-Policy",
                                    header(
                                            "the limits that apply, e.g. \"directory\";q=120;w=60",
                                            Schema.SchemaType.STRING))
                            .addHeader(
                                    "RateLimit",
                                    header("what is left, e.g. \"directory\";r=0;t=17", Schema.SchemaType.STRING))
                            .content(OASFactory.createContent()
                                    .addMediaType(
                                            "application/problem+json",
                                            OASFactory.createMediaType()
                                                    .schema(OASFactory.createSchema()
                                                            .type(java.util.List.of(Schema.SchemaType.OBJECT)))));
                    operation.getResponses().addAPIResponse("429", tooMany);
                }));
    }

    private static Header header(String description, Schema.SchemaType type) {
        return OASFactory.createHeader()
                .description(description)
                .schema(OASFactory.createSchema().type(java.util.List.of(type)));
    }
}
