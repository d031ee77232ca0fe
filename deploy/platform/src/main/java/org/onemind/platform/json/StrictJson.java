package org.onemind.platform.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import org.onemind.platform.input.StrictInput;

/**
 * One strict reading of JSON in every service: a body means exactly one thing or it is refused (400).
 * A key given twice, content after the document, an enum given by its index or padded, a date given
 * as a number (read as days since 1970) or out of range, a number given as text (or a fraction for
 * a whole number), and text with control characters or nothing visible are each refused instead of
 * being silently taken one way; text is stored NFC-normalized.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    /** Last, after Quarkus registers its own modules (java.time): the strict date reading must win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        mapper.configOverride(OffsetDateTime.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(32)
                        .maxNumberLength(50)
                        .maxStringLength(2_000_000)
                        .build());
        StrictInput.install(mapper);
    }
}
