package org.onemind.platform.input;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Query, path and header parameters read by the same rules as JSON fields, and refused with the
 * parameter's name (400) instead of the bare 404 JAX-RS gives a value it cannot convert.
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,10}");
    /** An id as the API writes it (UUID.fromString alone also takes "1-2-3-4-5"). */
    static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = null;
        boolean inPath = false;
        for (Annotation annotation : annotations) {
            if (annotation instanceof QueryParam query) {
                name = query.value();
            } else if (annotation instanceof PathParam path) {
                name = path.value();
                inPath = true;
            } else if (annotation instanceof HeaderParam header) {
                name = header.value();
            }
        }
        if (name == null) {
            return null;
        }
        String parameter = name;
        boolean path = inPath;
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(
                    parameter,
                    path,
                    ValueRules.of(rawType),
                    text -> UUID_FORM.matcher(text).matches() ? UUID.fromString(text) : null);
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(
                    parameter,
                    path,
                    ValueRules.of(rawType),
                    text -> INTEGER.matcher(text).matches() && Long.parseLong(text) == (int) Long.parseLong(text)
                            ? Integer.valueOf(text)
                            : null);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(
                    parameter,
                    path,
                    ValueRules.of(rawType),
                    text -> text.equals("true") ? Boolean.TRUE : text.equals("false") ? Boolean.FALSE : null);
        }
        if (rawType == LocalDate.class) {
            return (ParamConverter<T>) converter(parameter, path, Dates.RULE, Dates::parse);
        }
        if (rawType.isEnum()) {
            Object[] constants = rawType.getEnumConstants();
            String rule = ValueRules.of(rawType);
            return (ParamConverter<T>) converter(parameter, path, rule, text -> {
                for (Object constant : constants) {
                    if (((Enum) constant).name().equals(text)) {
                        return constant;
                    }
                }
                return null;
            });
        }
        if (rawType == String.class) {
            return (ParamConverter<T>) new ParamConverter<String>() {
                @Override
                public String fromString(String text) {
                    if (text == null) {
                        return null;
                    }
                    String problem = TextRules.problemWith(text, false);
                    if (problem != null && !text.isEmpty()) {
                        throw new InvalidParameter(parameter, problem, path);
                    }
                    return TextRules.normalized(text);
                }

                @Override
                public String toString(String value) {
                    return value;
                }
            };
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(
            String parameter, boolean inPath, String rule, java.util.function.Function<String, V> read) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String text) {
                if (text == null) {
                    return null;
                }
                V value = read.apply(text);
                if (value == null) {
                    throw new InvalidParameter(parameter, rule, inPath);
                }
                return value;
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }
}
