package org.shangliang.commons.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityUnitTest {

    @Test
    void a_service_configured_with_the_development_issuer_refuses_to_start_unless_told_it_is_local() {
        DevKeyGuard guard = new DevKeyGuard();
        guard.issuer = DevKeyGuard.DEV_ISSUER;
        guard.allowDevIssuer = false;
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> guard.check(null));
        assertTrue(e.getMessage().contains("JWT_ISSUER"));
        guard.allowDevIssuer = true;
        assertDoesNotThrow(() -> guard.check(null));
        guard.allowDevIssuer = false;
        guard.issuer = "https://sso.example.gov.cn/realms/jiashan";
        assertDoesNotThrow(() -> guard.check(null));
    }

    @Test
    void territories_are_code_prefixes() {
        Caller huimin = new Caller("o", "o", Set.of(Roles.ORGANIZER), "330421003", null, null);
        assertTrue(huimin.covers("330421003"));
        assertTrue(huimin.covers("330421003201"));
        assertFalse(huimin.covers("330421001002"));
        assertFalse(huimin.covers("330421"), "a township does not cover its county");
        Caller nobody = new Caller("x", "x", Set.of(Roles.RESIDENT), null, null, null);
        assertFalse(nobody.covers("330421003201"), "no territory claim covers nothing");
    }
}
