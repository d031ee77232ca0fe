package org.onemind.platform.input;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.onemind.platform.problem.ApiException;
import org.onemind.platform.problem.Problem;
import org.onemind.platform.problem.ProblemMappers;

/**
 * Reads every JSON request body of the API: at most {@code onemind.input.max-json-bytes} (413
 * above), with the strict mapper, and with every bad field reported in one answer together with
 * the body's other constraint violations.
 */
@Provider
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Priority(1)
public class StrictJsonReader implements MessageBodyReader<Object> {

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @ConfigProperty(name = "onemind.input.max-json-bytes", defaultValue = "1048576")
    long maxJsonBytes;

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith("org.onemind.");
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body)
            throws IOException {
        InputStream bounded =
                new BoundedInput(body, maxJsonBytes, "the JSON body is larger than " + maxJsonBytes / 1024 + " KB");
        JsonViolations.begin();
        Object value;
        try {
            value = mapper.readerFor(mapper.constructType(genericType)).readValue(bounded);
        } catch (JsonMappingException e) {
            List<Problem.Violation> refused = JsonViolations.end();
            JsonProcessingException syntax = ProblemMappers.syntaxErrorIn(e);
            if (syntax != null) {
                throw syntax; // not valid JSON at all: a malformed body, whatever was collected before
            }
            if (refused.isEmpty()) {
                throw e;
            }
            List<Problem.Violation> all = new ArrayList<>(refused);
            ProblemMappers.violationOf(e).ifPresent(v -> addUnlessNamed(all, v));
            throw invalid(all);
        } catch (IOException | RuntimeException e) {
            JsonViolations.end();
            throw e;
        }
        List<Problem.Violation> refused = JsonViolations.end();
        if (!refused.isEmpty()) {
            // The refused fields were read as absent: add what else is wrong, but not "must not be null" for them.
            List<Problem.Violation> all = new ArrayList<>(refused);
            for (ConstraintViolation<Object> violation : validator.validate(value)) {
                addUnlessNamed(all, new Problem.Violation(ProblemMappers.fieldOf(violation), violation.getMessage()));
            }
            throw invalid(all);
        }
        return value;
    }

    private static void addUnlessNamed(List<Problem.Violation> violations, Problem.Violation violation) {
        if (violations.stream().noneMatch(v -> v.field().equals(violation.field()))) {
            violations.add(violation);
        }
    }

    private ApiException invalid(List<Problem.Violation> violations) {
        List<Problem.Violation> sorted = violations.stream()
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        String detail = sorted.stream().map(v -> v.field() + " " + v.message()).collect(Collectors.joining("; "));
        return new ApiException(400, "validation", "Invalid request", detail, sorted);
    }
}
