package org.onemind.platform.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Text and dates in request bodies read by {@link TextRules} and {@link Dates}. */
final class StrictDeserializers {

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("one-mind-strict-input");
        module.addDeserializer(String.class, new Text(false));
        module.addDeserializer(LocalDate.class, new Date());
        module.addDeserializer(
                Boolean.class,
                new Scalar<>(
                        Boolean.class,
                        (parser, token) -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                                ? parser.getBooleanValue()
                                : null));
        module.addDeserializer(
                Integer.class,
                new Scalar<>(
                        Integer.class,
                        (parser, token) -> token == JsonToken.VALUE_NUMBER_INT
                                        && parser.getNumberType() == JsonParser.NumberType.INT
                                ? parser.getIntValue()
                                : null));
        module.addDeserializer(
                Long.class,
                new Scalar<>(
                        Long.class,
                        (parser, token) -> token == JsonToken.VALUE_NUMBER_INT
                                        && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                ? parser.getLongValue()
                                : null));
        module.addDeserializer(
                BigDecimal.class,
                new Scalar<>(
                        BigDecimal.class,
                        (parser, token) -> token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                                ? parser.getDecimalValue()
                                : null));
        module.addDeserializer(
                UUID.class,
                new Scalar<>(
                        UUID.class,
                        (parser, token) -> token == JsonToken.VALUE_STRING
                                        && ParameterConverters.UUID_FORM
                                                .matcher(parser.getText())
                                                .matches()
                                ? UUID.fromString(parser.getText())
                                : null));
        module.setDeserializerModifier(new com.fasterxml.jackson.databind.deser.BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.JavaType type,
                    com.fasterxml.jackson.databind.BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new ExactEnum(type.getRawClass());
            }

            @Override
            public JsonDeserializer<?> modifyCollectionDeserializer(
                    com.fasterxml.jackson.databind.DeserializationConfig config,
                    com.fasterxml.jackson.databind.type.CollectionType type,
                    com.fasterxml.jackson.databind.BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                return new ListOnly(deserializer);
            }
        });
        return module;
    }

    /** A collection only from a JSON array: a single value is not taken as a list of one. */
    static final class ListOnly extends com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer {
        ListOnly(JsonDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new ListOnly(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                return super.deserialize(parser, context);
            }
            if (JsonViolations.record(parser, ValueRules.of(java.util.List.class))) {
                parser.skipChildren();
                return null;
            }
            return super.deserialize(parser, context);
        }
    }

    /** An enum by its exact name: no index, no padding, no other case. */
    static final class ExactEnum extends StdScalarDeserializer<Object> {
        private final Object[] constants;
        private final String rule;

        ExactEnum(Class<?> type) {
            super(type);
            this.constants = type.getEnumConstants();
            this.rule = ValueRules.of(type);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equals(text)) {
                        return constant;
                    }
                }
            }
            if (JsonViolations.record(parser, rule)) {
                parser.skipChildren();
                return null;
            }
            throw context.weirdStringException(parser.getText(), handledType(), rule);
        }
    }

    /** Reads a value of the accepted JSON kind, or null when the token is of another kind. */
    @FunctionalInterface
    interface Read<T> {
        T read(JsonParser parser, JsonToken token) throws IOException;
    }

    /** A scalar of exactly its JSON kind: no text for numbers or booleans, no fractions for whole numbers. */
    static final class Scalar<T> extends StdScalarDeserializer<T> {
        private final String rule;
        private final Read<T> read;

        Scalar(Class<T> type, Read<T> read) {
            super(type);
            this.rule = ValueRules.of(type);
            this.read = read;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonToken token = parser.currentToken();
            T value = read.read(parser, token);
            if (value != null) {
                return value;
            }
            if (JsonViolations.record(parser, rule)) {
                parser.skipChildren();
                return null;
            }
            throw context.weirdStringException(parser.getText(), handledType(), rule);
        }
    }

    /** A JSON string refused by the text rules, NFC-normalized otherwise. */
    static final class Text extends StdScalarDeserializer<String> implements ContextualDeserializer {
        private final boolean multiLine;

        Text(boolean multiLine) {
            super(String.class);
            this.multiLine = multiLine;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean free = property != null && property.getAnnotation(MultiLine.class) != null;
            return free == multiLine ? this : new Text(free);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            String problem = TextRules.problemWith(text, multiLine);
            if (problem == null) {
                return TextRules.normalized(text);
            }
            if (JsonViolations.record(parser, problem)) {
                return null;
            }
            throw context.weirdStringException(text, String.class, problem);
        }
    }

    /** Exactly YYYY-MM-DD within {@link Dates}' range; a number (days since 1970) is refused. */
    static final class Date extends StdScalarDeserializer<LocalDate> {
        Date() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                LocalDate date = Dates.parse(parser.getText());
                if (date != null) {
                    return date;
                }
            }
            if (JsonViolations.record(parser, Dates.RULE)) {
                parser.skipChildren();
                return null;
            }
            throw context.weirdStringException(parser.getText(), LocalDate.class, Dates.RULE);
        }
    }

    private StrictDeserializers() {}
}
