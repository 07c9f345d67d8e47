package org.shangliang.commons.security;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling, from the bearer token: subject, display name, roles, the territory they act
 * in (a division code: county 6 digits, township 9, village 12, grid 15), their unit (for
 * department handlers) and member id (for CPPCC members). Event handlers act as a system caller.
 */
public record Caller(String subject, String name, Set<String> roles, String territory, String unit, String memberId) {

    public static Caller system(String source) {
        return new Caller("system:" + source, source, Set.of(), null, null, null);
    }

    public boolean is(String role) {
        return roles.contains(role);
    }

    public boolean isAny(String... any) {
        return Arrays.stream(any).anyMatch(roles::contains);
    }

    /** Territories are a tree of code prefixes: inside my territory means my code is a prefix of theirs. */
    public boolean covers(String territoryCode) {
        return territory != null && territoryCode != null && territoryCode.startsWith(territory);
    }

    public boolean isSystem() {
        return subject.startsWith("system:");
    }

    /** Roles as one string, for the audit trail. */
    public String roleList() {
        return String.join(",", roles.stream().sorted().toList());
    }
}
