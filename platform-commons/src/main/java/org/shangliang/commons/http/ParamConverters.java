package org.shangliang.commons.http;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.UUID;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * UUIDs, whole numbers (ASCII digits), ISO-8601 times and enum values in paths and queries. A value that does not parse is the client's
 * mistake: 400 naming the parameter (and the allowed values), where JAX-RS would answer 404.
 */
@Provider
public class ParamConverters implements ParamConverterProvider {

    private static final Pattern WHOLE = Pattern.compile("[+-]?[0-9]{1,10}");

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) new Converter<UUID>(UUID::toString) {
                @Override
                public UUID fromString(String value) {
                    if (value == null || value.isEmpty()) return null;
                    try {
                        return UUID.fromString(value);
                    } catch (IllegalArgumentException e) {
                        throw ApiException.badRequest(name, Text.of(name + "：“" + value + "” 不是有效的 UUID", name + ": \"" + value + "\" is not a valid UUID"));
                    }
                }
            };
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) new Converter<Integer>(String::valueOf) {
                @Override
                public Integer fromString(String value) {
                    if (value == null || value.isEmpty()) return null;
                    try {
                        // ASCII digits only: Integer.valueOf would also take "٥" or "１０".
                        if (!WHOLE.matcher(value).matches()) throw new NumberFormatException(value);
                        return Integer.valueOf(value);
                    } catch (NumberFormatException e) {
                        throw ApiException.badRequest(name, Text.of(name + "：“" + value + "” 不是整数", name + ": \"" + value + "\" is not a whole number"));
                    }
                }
            };
        }
        if (rawType == Instant.class) {
            return (ParamConverter<T>) new Converter<Instant>(Instant::toString) {
                @Override
                public Instant fromString(String value) {
                    if (value == null || value.isEmpty()) return null;
                    try {
                        OffsetDateTime t = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                        if (t.getYear() >= 1 && t.getYear() <= 9999) return t.toInstant();
                    } catch (DateTimeParseException e) {
                        // answered below
                    }
                    throw ApiException.badRequest(name, Text.of(name + "：“" + value + "” 不是有效的 ISO-8601 时间（年份 1–9999，带时区，如 2026-11-25T00:00:00Z）",
                            name + ": \"" + value + "\" is not an ISO-8601 time (years 1-9999, with offset, e.g. 2026-11-25T00:00:00Z)"));
                }
            };
        }
        if (rawType.isEnum()) {
            Class<? extends Enum> type = (Class<? extends Enum>) rawType;
            return (ParamConverter<T>) new Converter<Enum>(Enum::name) {
                @Override
                public Enum fromString(String value) {
                    if (value == null || value.isEmpty()) return null;
                    try {
                        return Enum.valueOf(type, value);
                    } catch (IllegalArgumentException e) {
                        String allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
                        throw ApiException.badRequest(name, Text.of(name + "：取值 “" + value + "” 无效，可选值为 " + allowed,
                                name + ": \"" + value + "\" is not one of " + allowed));
                    }
                }
            };
        }
        return null;
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof PathParam p) return p.value();
                if (a instanceof QueryParam q) return q.value();
            }
        }
        return "parameter";
    }

    private abstract static class Converter<V> implements ParamConverter<V> {
        private final java.util.function.Function<V, String> format;

        Converter(java.util.function.Function<V, String> format) {
            this.format = format;
        }

        @Override
        public String toString(V value) {
            return value == null ? null : format.apply(value);
        }
    }
}
