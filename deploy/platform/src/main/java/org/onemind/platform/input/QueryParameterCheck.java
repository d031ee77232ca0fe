package org.onemind.platform.input;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.ext.ParamConverter;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.problem.Problem;

/**
 * Every query parameter of the matched operation read before any is used, so that a request with
 * several bad parameters learns of all of them at once (the REST layer stops at the first).
 */
public class QueryParameterCheck {
    private final ParameterConverters converters = new ParameterConverters();
    /** The query parameters of each operation and their converters, found once per operation. */
    private final Map<Method, List<Query>> queries = new ConcurrentHashMap<>();

    private record Query(String name, ParamConverter<?> converter) {}

    @ServerRequestFilter
    public void checkAll(ContainerRequestContext request, ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (Query query : queries.computeIfAbsent(resource.getResourceMethod(), this::queriesOf)) {
            List<String> values = request.getUriInfo().getQueryParameters().get(query.name());
            if (values == null) {
                continue;
            }
            for (String value : values) {
                if (value.isEmpty()) {
                    continue; // an empty value takes the parameter's default, as the REST layer does
                }
                try {
                    query.converter().fromString(value);
                } catch (InvalidParameter refused) {
                    violations.add(new Problem.Violation(refused.parameter(), refused.rule()));
                    break;
                }
            }
        }
        if (violations.size() > 1) {
            List<Problem.Violation> sorted = violations.stream()
                    .sorted(Comparator.comparing(Problem.Violation::field))
                    .toList();
            throw new ApiException(
                    400,
                    "validation",
                    "Invalid request",
                    sorted.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; ")),
                    sorted);
        }
    }

    private List<Query> queriesOf(Method method) {
        List<Query> found = new ArrayList<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            ParamConverter<?> converter = query == null
                    ? null
                    : converters.getConverter(
                            parameter.getType(), parameter.getParameterizedType(), parameter.getAnnotations());
            if (converter != null) {
                found.add(new Query(query.value(), converter));
            }
        }
        return List.copyOf(found);
    }
}
