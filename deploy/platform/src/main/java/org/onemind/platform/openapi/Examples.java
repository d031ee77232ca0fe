package org.onemind.platform.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.jboss.logging.Logger;

/**
 * The examples of a service's OpenAPI document, in the campaign's words, kept in one file per service
 * ({@code META-INF/openapi-examples.properties}: {@code Schema.property=value}, the value as JSON when
 * it is a number, a boolean, an array, an object or a quoted string, else as text), so that request
 * and response records carry no prose.
 */
final class Examples {
    static final String RESOURCE = "META-INF/openapi-examples.properties";
    private static final Logger LOG = Logger.getLogger(Examples.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Examples() {}

    static Map<String, String> load() {
        Map<String, String> examples = new LinkedHashMap<>();
        try {
            for (URL url : Collections.list(
                    Thread.currentThread().getContextClassLoader().getResources(RESOURCE))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                properties.stringPropertyNames().forEach(key -> examples.put(key, properties.getProperty(key)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return examples;
    }

    /** Sets each example on its schema's property. @return the keys that name no schema property */
    static List<String> apply(Map<String, Schema> schemas, Map<String, String> examples) {
        List<String> unknown = new ArrayList<>();
        examples.forEach((key, value) -> {
            int dot = key.indexOf('.');
            Schema schema = dot < 0 ? null : schemas.get(key.substring(0, dot));
            Schema property = schema == null || schema.getProperties() == null
                    ? null
                    : schema.getProperties().get(key.substring(dot + 1));
            if (property == null) {
                unknown.add(key);
            } else {
                property.setExample(parse(value));
            }
        });
        if (!unknown.isEmpty()) {
            LOG.warnf("%s names no schema property: %s", RESOURCE, unknown);
        }
        return unknown;
    }

    static Object parse(String value) {
        String trimmed = value.trim();
        if (trimmed.matches("-?\\d+(\\.\\d+)?|true|false|null")
                || trimmed.startsWith("[")
                || trimmed.startsWith("{")
                || trimmed.startsWith("\"")) {
            try {
                return JSON.readValue(trimmed, Object.class);
            } catch (JsonProcessingException notJson) {
                return value;
            }
        }
        return value;
    }
}
