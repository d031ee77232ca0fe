package org.onemind.platform.input;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.ParamConverter;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.problem.Problem;

import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every query parameter of the matched operation read before any is used, so that a request with
 * several bad parameters learns of all of them at once (the REST layer stops at the first).
 */
public class QueryParameterCheck {
    private final ParameterConverters converters = new ParameterConverters();

    @ServerRequestFilter
    public void checkAll(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (Parameter parameter : resource.getResourceMethod().getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query == null) {
                continue;
            }
            List<String> values = request.getUriInfo().getQueryParameters().get(query.value());
            ParamConverter<?> converter = converters.getConverter(parameter.getType(), parameter.getParameterizedType(),
                    parameter.getAnnotations());
            if (values == null || converter == null) {
                continue;
            }
            for (String value : values) {
                if (value.isEmpty()) {
                    continue; // an empty value takes the parameter's default, as the REST layer does
                }
                try {
                    converter.fromString(value);
                } catch (InvalidParameter refused) {
                    violations.add(new Problem.Violation(refused.parameter(), refused.rule()));
                    break;
                }
            }
        }
        if (violations.size() > 1) {
            List<Problem.Violation> sorted = violations.stream().sorted(Comparator.comparing(Problem.Violation::field)).toList();
            throw new ApiException(400, "validation", "Invalid request",
                    sorted.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")), sorted);
        }
    }
}
