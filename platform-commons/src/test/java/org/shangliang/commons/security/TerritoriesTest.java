package org.shangliang.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerritoriesTest {

    @Test
    void division_codes_are_6_9_12_or_15_ascii_digits() {
        for (String ok : new String[] {"330421", "330421003", "330421003201", "330421003201007"}) assertTrue(Territories.isDivisionCode(ok), ok);
        for (String bad : new String[] {"", "%", "_", "3304", "3304210", "33042118%", "330421 ", "٣٣٠٤٢١", "3304210031234567"}) {
            assertFalse(Territories.isDivisionCode(bad), bad);
        }
    }

    @Test
    void a_subtree_is_an_equality_on_the_codes_level_prefix() {
        assertEquals("left(territoryCode, 6) = :scope", Territories.within("territoryCode", "scope", "330421"));
        assertEquals("left(territoryCode, 9) = :scope", Territories.within("territoryCode", "scope", "330421003"));
        assertEquals("left(territoryCode, 12) = :scope", Territories.within("territoryCode", "scope", "330421003201"));
        assertEquals("territoryCode = :scope", Territories.within("territoryCode", "scope", "330421003201007"));
        assertEquals("330421003", Territories.subtreeKey("330421003"));
    }

    @Test
    void an_absent_or_malformed_code_covers_nothing_and_never_reaches_the_query_text() {
        for (String bad : new String[] {null, "", "%", "3304210", "330421' or '1'='1"}) {
            assertEquals("territoryCode = :scope", Territories.within("territoryCode", "scope", bad));
            assertEquals("-", Territories.subtreeKey(bad));
        }
    }
}
