package org.interchange.dialplan.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.interchange.dialplan.DialplanRule;
import org.interchange.dialplan.MatchOp;

/** A row of the {@code dialplan} table (OpenSIPS's dialplan module table). */
@Entity
@Table(name = "dialplan")
public class DialplanEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "dpid", nullable = false)
    int dpid;

    @Column(name = "pr", nullable = false)
    int pr;

    @Column(name = "match_op", nullable = false)
    int matchOp;

    @Column(name = "match_exp", nullable = false, length = DialplanRule.MAX_LENGTH)
    String matchExp;

    @Column(name = "match_flags", nullable = false)
    int matchFlags;

    @Column(name = "subst_exp", length = DialplanRule.MAX_LENGTH)
    String substExp;

    @Column(name = "repl_exp", length = DialplanRule.MAX_LENGTH)
    String replExp;

    @Column(name = "timerec", length = DialplanRule.MAX_LENGTH)
    String timerec;

    @Column(name = "disabled", nullable = false)
    int disabled;

    @Column(name = "attrs", length = DialplanRule.MAX_LENGTH)
    String attrs;

    protected DialplanEntity() {
        // for JPA
    }

    DialplanEntity(DialplanRule rule) {
        set(rule);
    }

    /** Takes the rule's values (not its id). */
    void set(DialplanRule rule) {
        dpid = rule.dpid();
        pr = rule.pr();
        matchOp = rule.matchOp().code();
        matchExp = rule.matchExp();
        matchFlags = rule.matchFlags();
        substExp = nullIfEmpty(rule.substExp());
        replExp = nullIfEmpty(rule.replExp());
        timerec = nullIfEmpty(rule.timerec());
        disabled = rule.disabled() ? 1 : 0;
        attrs = nullIfEmpty(rule.attrs());
    }

    /**
     * The row as a rule.
     *
     * @throws org.interchange.dialplan.InvalidRuleException when a column holds what no rule can (a match_op of 7)
     */
    DialplanRule rule() {
        return new DialplanRule(id, dpid, pr, MatchOp.of(matchOp), matchExp, matchFlags, substExp, replExp, timerec,
                disabled != 0, attrs);
    }

    long id() {
        return id;
    }

    private static String nullIfEmpty(String value) {
        return value.isEmpty() ? null : value;
    }
}
