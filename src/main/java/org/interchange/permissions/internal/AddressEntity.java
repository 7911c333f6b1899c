package org.interchange.permissions.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of the {@code address} table (OpenSIPS's permissions module table), its columns as they are. */
@Entity
@Table(name = "address")
public class AddressEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "grp", nullable = false)
    int grp;

    @Column(name = "ip", nullable = false, length = 50)
    String ip;

    @Column(name = "mask", nullable = false)
    int mask;

    @Column(name = "port", nullable = false)
    int port;

    @Column(name = "proto", nullable = false, length = 4)
    String proto;

    @Column(name = "pattern", length = 64)
    String pattern;

    @Column(name = "context_info", length = 32)
    String contextInfo;

    protected AddressEntity() {
        // for JPA
    }

    AddressEntity(AddressTable.Row row) {
        set(row);
    }

    void set(AddressTable.Row row) {
        grp = row.grp();
        ip = row.ip();
        mask = row.mask();
        port = row.port();
        proto = row.proto();
        pattern = row.pattern();
        contextInfo = row.contextInfo();
    }

    AddressTable.Row row() {
        return new AddressTable.Row(id, grp, ip, mask, port, proto, pattern, contextInfo);
    }
}
