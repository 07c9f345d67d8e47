package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.shangliang.commons.problem.Text;

/** Member — 政协委员: a CPPCC member of a sector (界别), linked to one grid (委员联网格). */
@Entity
@Table(name = "directory_member")
public class Member extends DirectoryEntry {

    public static final Text WHAT = Text.of("委员", "member");

    @Id
    private UUID id;
    private String name;
    private String sector;
    @Column(name = "grid_code")
    private String gridCode;
    private String phone;
    private String subject;

    protected Member() {
    }

    public static Member create(String name, String sector, String gridCode, String phone, String subject) {
        Member m = new Member();
        m.id = UUID.randomUUID();
        m.set(name, sector, gridCode, phone, subject);
        m.created();
        return m;
    }

    public void update(String name, String sector, String gridCode, String phone, String subject) {
        changing(WHAT);
        set(name, sector, gridCode, phone, subject);
    }

    private void set(String name, String sector, String gridCode, String phone, String subject) {
        this.name = name;
        this.sector = sector;
        this.gridCode = gridCode;
        this.phone = phone;
        this.subject = subject;
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String sector() { return sector; }
    public String gridCode() { return gridCode; }
    public String phone() { return phone; }
    public String subject() { return subject; }
}
