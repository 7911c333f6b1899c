/**
 * This is our dialplan module: rule sets that translate a string, a dialled number above all, by the first rule
 * that matches it: national to international format, a short code to a full number, a number range to a service
 * named in the rule's attributes, any string to a canonical one.
 *
 * <p>Counterpart of OpenSIPS's {@code dialplan} module: {@link org.interchange.dialplan.Dialplan#translate} is
 * {@code dp_translate(id, input, out_var, attrs_var)}, {@link org.interchange.dialplan.Dialplan#reload} is the
 * {@code dp_reload} MI command; the table is OpenSIPS's. Routing steps call {@code translate}; the admin API
 * ({@code /api/dialplan}, {@code org.interchange.mgmt}) lists, adds, changes, removes, reloads and tests.
 *
 * <h2>The table</h2>
 * {@code dialplan} (migration V5), a row per rule, OpenSIPS's columns (version 5) with text columns widened to 255:
 * <pre>
 * id           row id
 * dpid         the rule set a translation names
 * pr           priority: lower first; among equals, lower id first
 * match_op     0 equal, 1 regex (OpenSIPS's numbers), 2 prefix (ours; in OpenSIPS write the regex ^0049)
 * match_exp    the string, prefix or regular expression; a regex is searched anywhere in the input unless anchored
 * match_flags  0 case-sensitive, 1 case-insensitive; applies to match_exp and subst_exp
 * subst_exp    regular expression applied to the input to build the output
 * repl_exp     the output; with subst_exp, \1..\9 stand for its groups and \0 for its whole match
 * timerec      when the rule applies, OpenSIPS 3's time recurrence (as check_time_rec); empty: always
 * disabled     1: kept, not used
 * attrs        free text returned with the output (the service, the gateway...); "continue" chains, see below
 * </pre>
 * The output follows OpenSIPS: without {@code repl_exp}, the input unchanged (a rule that only detects, for its
 * attrs); without {@code subst_exp}, {@code repl_exp} as it is, whatever the input; with both, {@code repl_exp} with
 * the groups of {@code subst_exp}'s first match filled in, and nothing else of the input (so {@code subst_exp} usually
 * covers the whole input: {@code ^0049(.*)$} and {@code +49\1}). When {@code subst_exp} does not match an input that
 * {@code match_exp} matched, the rule translates nothing, as in OpenSIPS (the rule is logged once). Regular
 * expressions are java.util.regex, which reads the PCRE syntax of dialplan tables the same way. In {@code repl_exp},
 * {@code \\ \n \r \t \$} are those characters; OpenSIPS's <code>&#92;u</code> (the Request-URI) and pseudo-variables
 * ({@code $fU}) are refused, for a translation has only its input.
 *
 * <h2>Time recurrences</h2>
 * {@code [tz|]dtstart|dtend|duration|freq|until|interval|byday|bymday|byyday|byweekno|bymonth}, recurrences joined
 * with {@code &}, {@code /} (or), {@code !} and parentheses, as OpenSIPS 3 reads them; for instance weekdays from
 * 08:00 to 18:00 in Berlin: {@code Europe/Berlin|20260105T080000||PT10H|weekly|||MO,TU,WE,TH,FR}. Without a zone,
 * the router's (the JVM's default zone, as OpenSIPS uses the server's). The rules, and where they part from
 * OpenSIPS's quirks, are in {@code internal.TimeRecurrence}.
 *
 * <h2>Chaining with continue</h2>
 * OpenSIPS applies one rule per {@code dp_translate}; a script chains by calling it again. Interchange keeps
 * {@link org.interchange.dialplan.Dialplan#translate} as that one rule, and adds
 * {@link org.interchange.dialplan.Dialplan#translateChained}: when the rule applied has the word {@code continue} in
 * its attrs (words separated by spaces, commas or semicolons), its output is translated again by the first matching
 * rule after it in the set's order, and so on: a clean-up rule (priority 1: strip a {@code +} or a trunk prefix,
 * attrs {@code continue}) runs before a normalising one (priority 10). Each rule applies at most once (the chain only
 * moves forward) and at most {@value org.interchange.dialplan.Dialplan#MAX_CHAIN} apply. No column is added: the
 * table stays OpenSIPS's, and a row copied into OpenSIPS only carries a word in its attrs.
 *
 * <h2>Loading and validation</h2>
 * The table is loaded at start and on {@code reload}; a load builds a new snapshot (rules sorted, expressions
 * compiled) and swaps it in at once. A row that is no rule or does not compile (a bad regex, a {@code repl_exp}
 * that refers to a group {@code subst_exp} does not have, a timerec that does not parse) is skipped with a WARN
 * naming its id and the reason; the others are used. {@code add} and {@code change} refuse such a rule with an
 * {@link org.interchange.dialplan.InvalidRuleException} naming the column, and put the change in use at once.
 * Changes made by SQL are used after a reload, as in OpenSIPS.
 *
 * <p>Exports {@link org.interchange.dialplan.Dialplan} (translate, translateChained, list, add, change, remove,
 * reload), {@link org.interchange.dialplan.DialplanRule}, {@link org.interchange.dialplan.MatchOp},
 * {@link org.interchange.dialplan.Translation}, {@link org.interchange.dialplan.DialplanLoad} and
 * {@link org.interchange.dialplan.InvalidRuleException}. No configuration keys, no timers. Depends on the core
 * (database, clock) only.
 *
 * <p>MI commands: {@link org.interchange.dialplan.DialplanCommands} ({@code dp_reload}, {@code dp_translate}
 * dpid input, without chaining).
 */
package org.interchange.dialplan;
