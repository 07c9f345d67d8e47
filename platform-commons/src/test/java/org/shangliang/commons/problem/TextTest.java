package org.shangliang.commons.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void accept_language_is_read_leniently_and_falls_back_to_chinese() {
        assertEquals(Locale.ENGLISH, Text.pick("en"));
        assertEquals(Locale.ENGLISH, Text.pick("en-US,en;q=0.9"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Text.pick("zh-CN"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Text.pick("en;q=0.2, zh;q=0.8"));
        assertEquals(Locale.ENGLISH, Text.pick("fr, en;q=0.5"));
        for (String odd : new String[] {null, "", "-", ";;,,", "fr", "*"}) assertEquals(Locale.SIMPLIFIED_CHINESE, Text.pick(odd), odd);
        // A q-value that does not parse or is out of range counts as 1, so the tag still counts.
        assertEquals(Locale.ENGLISH, Text.pick("en;q=abc"));
        assertEquals(Locale.ENGLISH, Text.pick("en;q=1.5"));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Text.pick("zh-CN;q="));
        assertEquals(Locale.SIMPLIFIED_CHINESE, Text.pick("en;q=0"), "q=0 means not acceptable");
    }
}
