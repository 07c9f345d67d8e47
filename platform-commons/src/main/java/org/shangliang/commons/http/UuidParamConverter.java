package org.shangliang.commons.http;

import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * Ids are UUIDs. A path or query value that is not one is the client's mistake (400 naming the
 * value), not a missing resource (JAX-RS would answer 404).
 */
@Provider
public class UuidParamConverter implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType != UUID.class) return null;
        return (ParamConverter<T>) new ParamConverter<UUID>() {
            @Override
            public UUID fromString(String value) {
                if (value == null) return null;
                try {
                    return UUID.fromString(value);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("id", Text.of("“" + value + "” 不是有效的 UUID", "\"" + value + "\" is not a valid UUID"));
                }
            }

            @Override
            public String toString(UUID value) {
                return value == null ? null : value.toString();
            }
        };
    }
}
