package org.shangliang.topics.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.shangliang.commons.problem.Text;

/** ServiceTeam — 界别服务组: the members of a sector serving one township (界别联镇街). */
@Entity
@Table(name = "directory_service_team")
public class ServiceTeam extends DirectoryEntry {

    public static final Text WHAT = Text.of("界别服务组", "service team");

    @Id
    private UUID id;
    private String name;
    private String sector;
    @Column(name = "township_code")
    private String townshipCode;

    protected ServiceTeam() {
    }

    public static ServiceTeam create(String name, String sector, String townshipCode) {
        ServiceTeam t = new ServiceTeam();
        t.id = UUID.randomUUID();
        t.set(name, sector, townshipCode);
        t.created();
        return t;
    }

    public void update(String name, String sector, String townshipCode) {
        changing(WHAT);
        set(name, sector, townshipCode);
    }

    private void set(String name, String sector, String townshipCode) {
        this.name = name;
        this.sector = sector;
        this.townshipCode = townshipCode;
    }

    public UUID id() { return id; }
    public String name() { return name; }
    public String sector() { return sector; }
    public String townshipCode() { return townshipCode; }
}
