package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.shangliang.commons.problem.Text;

/**
 * Territory — 区域: a node of the county's tree (county → township or street → village or
 * community → grid), or a cross-region entry that joins counties for joint sessions.
 */
@Entity
@Table(name = "directory_territory")
public class Territory extends DirectoryEntry {

    public static final Text WHAT = Text.of("区域", "territory");

    @Id
    private String code;
    private String name;
    @Enumerated(EnumType.STRING)
    private TerritoryKind kind;
    @Column(name = "parent_code")
    private String parentCode;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> members = new ArrayList<>();

    protected Territory() {
    }

    public static Territory create(String code, String name, String parentCode, List<String> members) {
        Territory t = new Territory();
        t.code = code;
        t.kind = TerritoryKind.of(code);
        t.name = name;
        t.parentCode = parentCode;
        t.members = members == null ? new ArrayList<>() : new ArrayList<>(members);
        t.created();
        return t;
    }

    public void rename(String name, List<String> members) {
        changing(WHAT);
        this.name = name;
        if (kind == TerritoryKind.CROSS_REGION && members != null) this.members = new ArrayList<>(members);
    }

    public String code() { return code; }
    public String name() { return name; }
    public TerritoryKind kind() { return kind; }
    public String parentCode() { return parentCode; }
    public List<String> members() { return List.copyOf(members); }
}
