package org.interchange.auth.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of the {@code subscriber} table (OpenSIPS auth_db's table; only HA1 hashes, no plain password). */
@Entity
@Table(name = "subscriber")
public class SubscriberEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "username", nullable = false, length = 64)
    String username;

    @Column(name = "domain", nullable = false, length = 64)
    String domain;

    @Column(name = "email_address", length = 128)
    String emailAddress;

    @Column(name = "ha1", nullable = false, length = 64)
    String ha1;

    @Column(name = "ha1_sha256", nullable = false, length = 64)
    String ha1Sha256;

    @Column(name = "ha1_sha512t256", nullable = false, length = 64)
    String ha1Sha512t256;

    protected SubscriberEntity() {
        // for JPA
    }

    public SubscriberEntity(String username, String domain) {
        this.username = username;
        this.domain = domain;
    }

    public String username() {
        return username;
    }

    public String domain() {
        return domain;
    }

    public String ha1() {
        return ha1;
    }

    public String ha1Sha256() {
        return ha1Sha256;
    }

    public String ha1Sha512t256() {
        return ha1Sha512t256;
    }

    public void setHashes(String ha1, String ha1Sha256, String ha1Sha512t256) {
        this.ha1 = ha1;
        this.ha1Sha256 = ha1Sha256;
        this.ha1Sha512t256 = ha1Sha512t256;
    }
}
