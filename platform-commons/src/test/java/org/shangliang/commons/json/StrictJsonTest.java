package org.shangliang.commons.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** What a generated client sends is read; what it would never send is refused. */
class StrictJsonTest {

    enum Level { VILLAGE, TOWNSHIP }

    record Body(String title, Level level, LocalDate dueDate, Instant startsAt) {
    }

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

    private Body read(String text) throws JsonProcessingException {
        return json.readValue(text, Body.class);
    }

    @Test
    void well_typed_input_is_read() throws Exception {
        Body b = read("{\"title\": \"村道\", \"level\": \"VILLAGE\", \"dueDate\": \"2027-01-31\", \"startsAt\": \"2026-12-03T06:30:00+08:00\"}");
        assertEquals("村道", b.title());
        assertEquals(Level.VILLAGE, b.level());
        assertEquals(LocalDate.of(2027, 1, 31), b.dueDate());
        assertEquals(Instant.parse("2026-12-02T22:30:00Z"), b.startsAt());
        assertEquals(null, read("{\"title\": null}").level());
    }

    @Test
    void anything_looser_is_refused() {
        for (String bad : new String[] {
                "{\"title\": 123}", "{\"title\": true}", "{\"title\": \"a\\u0000b\"}", "{\"title\": \"a\", \"title\": \"b\"}",
                "{\"level\": 0}", "{\"level\": \" VILLAGE \"}", "{\"level\": \"village\"}", "{\"level\": \"\"}",
                "{\"dueDate\": \"\"}", "{\"dueDate\": \"2027-01-31T00:00:00\"}", "{\"dueDate\": \"+999999999-12-31\"}", "{\"dueDate\": \"2027-02-30\"}",
                "{\"startsAt\": \"+999999999-12-31T23:59:59Z\"}", "{\"startsAt\": \"2026-12-03T06:30:00\"}", "{\"startsAt\": 1764700000}"}) {
            assertThrows(JsonProcessingException.class, () -> read(bad), bad);
        }
    }
}
