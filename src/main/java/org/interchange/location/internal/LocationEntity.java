package org.interchange.location.internal;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of the {@code location} table (OpenSIPS usrloc's table). See the migration for each column's meaning. */
@Entity
@Table(name = "location")
class LocationEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "contact_id")
    Long contactId;

    @Column(name = "username", nullable = false, length = 64)
    String username;

    @Column(name = "domain", nullable = false, length = 64)
    String domain;

    @Column(name = "contact", nullable = false, length = 512)
    String contact;

    @Column(name = "received", length = 128)
    String received;

    @Column(name = "path", length = 512)
    String path;

    @Column(name = "expires", nullable = false)
    long expires;

    @Column(name = "q", nullable = false, precision = 4, scale = 3)
    BigDecimal q;

    @Column(name = "callid", nullable = false, length = 255)
    String callId;

    @Column(name = "cseq", nullable = false)
    long cseq;

    @Column(name = "last_modified", nullable = false)
    LocalDateTime lastModified;

    @Column(name = "user_agent", nullable = false, length = 255)
    String userAgent;

    @Column(name = "socket", length = 128)
    String socket;

    protected LocationEntity() {
        // for JPA
    }
}
