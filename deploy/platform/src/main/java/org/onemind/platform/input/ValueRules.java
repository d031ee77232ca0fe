package org.onemind.platform.input;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;

/** What a value of each kind must be, in the API's words: one wording for JSON fields, parameters and CSV. */
public final class ValueRules {
    public static String of(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == UUID.class) {
            return "must be an id (a UUID)";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return Dates.RULE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "must be a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be text";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    private ValueRules() {}
}
