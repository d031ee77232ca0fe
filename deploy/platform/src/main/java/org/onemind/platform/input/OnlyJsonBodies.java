package org.onemind.platform.input;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * A request body of ours in any other media type than JSON is a 415: without this, JAX-RS would
 * build a one-text-field request from a text/plain body through its String constructor.
 */
@Provider
@Consumes(MediaType.WILDCARD)
@Priority(2)
public class OnlyJsonBodies implements MessageBodyReader<Object> {

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return type.getName().startsWith("org.onemind.")
                && !mediaType.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !mediaType.getSubtype().endsWith("+json");
    }

    @Override
    public Object readFrom(
            Class<Object> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, String> headers,
            InputStream body) {
        throw new NotSupportedException();
    }
}
