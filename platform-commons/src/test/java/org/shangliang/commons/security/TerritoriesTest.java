package org.shangliang.commons.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TerritoriesTest {

    @Test
    void division_codes_are_6_9_12_or_15_ascii_digits() {
        for (String ok : new String[] {"330421", "330421004", "330421004001", "330421004001007"}) assertTrue(Territories.isDivisionCode(ok), ok);
        for (String bad : new String[] {"", "%", "_", "3304", "3304210", "33042118%", "330421 ", "٣٣٠٤٢١", "3304210041234567"}) {
            assertFalse(Territories.isDivisionCode(bad), bad);
        }
    }

    @Test
    void a_prefix_never_carries_pattern_characters_into_like() {
        assertEquals("330421%", Territories.likePrefix("330421"));
        assertEquals("\\%%", Territories.likePrefix("%"));
        assertEquals("33\\_1\\\\%", Territories.likePrefix("33_1\\"));
        assertEquals("territoryCode like :scope escape '\\'", Territories.startsWith("territoryCode", "scope"));
    }
}
