package org.onemind.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;

/**
 * While a request body is read, a field of the wrong kind (an unknown enum name, an enum index, a
 * malformed id, an object where text belongs, a field the API does not know) is recorded and read
 * as absent, so the reading goes on and every bad field is reported together.
 */
final class CollectingProblemHandler extends DeserializationProblemHandler {

    @Override
    public boolean handleUnknownProperty(
            DeserializationContext context,
            JsonParser parser,
            JsonDeserializer<?> deserializer,
            Object beanOrClass,
            String propertyName)
            throws IOException {
        if (!JsonViolations.record(parser, "is not a known field")) {
            return false;
        }
        parser.skipChildren();
        return true;
    }

    @Override
    public Object handleWeirdStringValue(
            DeserializationContext context, Class<?> targetType, String value, String failureMsg) throws IOException {
        return recorded(context.getParser(), targetType, ValueRules.of(targetType)) ? null : NOT_HANDLED;
    }

    @Override
    public Object handleWeirdNumberValue(
            DeserializationContext context, Class<?> targetType, Number value, String failureMsg) throws IOException {
        return recorded(context.getParser(), targetType, ValueRules.of(targetType)) ? null : NOT_HANDLED;
    }

    @Override
    public Object handleUnexpectedToken(
            DeserializationContext context, JavaType targetType, JsonToken token, JsonParser parser, String failureMsg)
            throws IOException {
        if (JsonViolations.pathOf(parser).isEmpty() || targetType.isPrimitive()) {
            return NOT_HANDLED;
        }
        String rule = ValueRules.of(targetType.getRawClass());
        if (!JsonViolations.record(parser, rule)) {
            return NOT_HANDLED;
        }
        parser.skipChildren();
        return null;
    }

    private static boolean recorded(JsonParser parser, Class<?> targetType, String rule) {
        return !targetType.isPrimitive()
                && !JsonViolations.pathOf(parser).isEmpty()
                && JsonViolations.record(parser, rule);
    }
}
