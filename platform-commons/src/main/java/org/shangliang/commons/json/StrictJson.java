package org.shangliang.commons.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * JSON as a generated client writes it, and nothing looser: a string is a JSON string (no
 * numbers or booleans), without NUL characters; an enum value is exactly one of its names (no
 * numbers, no padding); a date is {@code YYYY-MM-DD} and a time ISO-8601 with an offset, both
 * between the years 1 and 9999; a key appears once per object. Anything else is a 400 naming
 * the field (see ProblemMappers), never a 500 from deeper down.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public void customize(ObjectMapper mapper) {
        apply(mapper);
    }

    /** Applied last, after Quarkus registered its Java time module: a later module's deserializers win. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** Applies the rules to any mapper (also used by tests). */
    public static ObjectMapper apply(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        // "" is not a missing value: a date, a number or an enum given as "" is an error, not null.
        mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        SimpleModule module = new SimpleModule("shangliang-strict-json");
        module.addDeserializer(String.class, new StrictString());
        module.addDeserializer(LocalDate.class, new StrictDate());
        module.addDeserializer(Instant.class, new StrictInstant());
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type, BeanDescription beanDesc,
                                                              JsonDeserializer<?> deserializer) {
                return new StrictEnum(type.getRawClass());
            }
        });
        mapper.registerModule(module);
        return mapper;
    }

    /** A JSON string, nothing else, without NUL. */
    static final class StrictString extends StdScalarDeserializer<String> {
        StrictString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String s = p.getText();
            if (s.indexOf('\0') >= 0) {
                throw InvalidFormatException.from(p, "contains a NUL character (\\u0000)", s.replace("\0", "\\u0000"), String.class);
            }
            return s;
        }
    }

    /** YYYY-MM-DD only (no time part), years 1 to 9999. */
    static final class StrictDate extends StdScalarDeserializer<LocalDate> {
        StrictDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            String s = p.getText();
            if (!DATE.matcher(s).matches()) throw InvalidFormatException.from(p, "expected a date YYYY-MM-DD", s, LocalDate.class);
            try {
                LocalDate d = LocalDate.parse(s);
                if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
                    throw InvalidFormatException.from(p, "the year must be between 1 and 9999", s, LocalDate.class);
                }
                return d;
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "not a calendar date", s, LocalDate.class);
            }
        }
    }

    /** ISO-8601 with Z or an offset, years 1 to 9999. */
    static final class StrictInstant extends StdScalarDeserializer<Instant> {
        StrictInstant() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            String s = p.getText();
            try {
                OffsetDateTime t = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                if (t.getYear() < MIN_YEAR || t.getYear() > MAX_YEAR) {
                    throw InvalidFormatException.from(p, "the year must be between 1 and 9999", s, Instant.class);
                }
                return t.toInstant();
            } catch (DateTimeParseException e) {
                throw InvalidFormatException.from(p, "expected an ISO-8601 time with offset, e.g. 2026-12-03T06:30:00Z", s, Instant.class);
            }
        }
    }

    /** Exactly one of the constant names. */
    static final class StrictEnum extends StdScalarDeserializer<Object> {
        private final Class<?> type;

        StrictEnum(Class<?> type) {
            super(type);
            this.type = type;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) return ctxt.handleUnexpectedToken(type, p);
            String s = p.getText();
            for (Object c : type.getEnumConstants()) {
                if (((Enum) c).name().equals(s)) return c;
            }
            throw InvalidFormatException.from(p, "not one of the allowed values", s, type);
        }
    }
}
