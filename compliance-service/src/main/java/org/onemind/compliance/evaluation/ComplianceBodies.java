package org.onemind.compliance.evaluation;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Which shape of {@link ComplianceResponse} a stored evaluation body was written in. A body in
 * today's shape is served as stored (reading and writing it again was a fifth of the CPU of the
 * platform's most frequent read); a body a version with another shape wrote is read and written
 * again. The shape is derived from the records themselves (component names, types and
 * annotations, recursively), so changing the response changes it without anyone remembering to.
 */
final class ComplianceBodies {
    static final int FORMAT = shape(ComplianceResponse.class, new HashSet<>()).hashCode();

    private ComplianceBodies() {}

    private static String shape(Type type, Set<Type> seen) {
        if (type instanceof ParameterizedType parameterized) {
            StringBuilder out = new StringBuilder(shape(parameterized.getRawType(), seen)).append('<');
            for (Type argument : parameterized.getActualTypeArguments()) {
                out.append(shape(argument, seen)).append(',');
            }
            return out.append('>').toString();
        }
        if (!(type instanceof Class<?> c)) {
            return type.getTypeName();
        }
        if (c.isEnum()) {
            return c.getName() + Arrays.toString(c.getEnumConstants());
        }
        if (!c.isRecord() || !seen.add(c)) {
            return c.getName();
        }
        StringBuilder out = new StringBuilder(c.getName())
                .append(Arrays.toString(c.getAnnotations()))
                .append('{');
        for (RecordComponent component : c.getRecordComponents()) {
            out.append(component.getName())
                    .append(Arrays.toString(component.getAnnotations()))
                    .append(Arrays.toString(component.getAccessor().getAnnotations()))
                    .append(':')
                    .append(shape(component.getGenericType(), seen))
                    .append(';');
        }
        return out.append('}').toString();
    }
}
