package org.interchange.domain.internal;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of the {@code domain} table (OpenSIPS's domain module table). */
@Entity
@Table(name = "domain")
public class DomainEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "domain", nullable = false, length = 64)
    String domain;

    @Column(name = "attrs", length = 255)
    String attrs;

    @Column(name = "last_modified", nullable = false)
    LocalDateTime lastModified;

    protected DomainEntity() {
        // for JPA
    }

    DomainEntity(String domain, LocalDateTime lastModified) {
        this.domain = domain;
        this.lastModified = lastModified;
    }
}
