package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.shangliang.commons.problem.Text;

/**
 * Unit — 承办单位: a department or office that handles cases, referred to everywhere by its
 * stable code (the token's {@code unit} claim, recommendations, cases).
 */
@Entity
@Table(name = "directory_unit")
public class Unit extends DirectoryEntry {

    public static final Text WHAT = Text.of("承办单位", "unit");
    /** Unit codes: lower-case letters, digits and hyphens, e.g. {@code agri-rural}. */
    public static final String CODE_REGEX = "[a-z][a-z0-9-]{1,39}";

    @Id
    private String code;
    private String name;
    @Column(name = "territory_code")
    private String territoryCode;

    protected Unit() {
    }

    public static Unit create(String code, String name, String territoryCode) {
        Unit u = new Unit();
        u.code = code;
        u.name = name;
        u.territoryCode = territoryCode;
        u.created();
        return u;
    }

    public void rename(String name) {
        changing(WHAT);
        this.name = name;
    }

    public String code() { return code; }
    public String name() { return name; }
    public String territoryCode() { return territoryCode; }
}
