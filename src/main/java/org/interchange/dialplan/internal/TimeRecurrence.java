package org.interchange.dialplan.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.interchange.dialplan.InvalidRuleException;

/**
 * A rule's {@code timerec}: when the rule applies, written as OpenSIPS 3 writes a time recurrence for
 * {@code check_time_rec()} and the dialplan and drouting tables (after RFC 2445's recurrence rules):
 * <pre>
 * [tz|]dtstart|dtend|duration|freq|until|interval|byday|bymday|byyday|byweekno|bymonth
 * </pre>
 * Empty fields may be left out at the end. {@code tz} is a time zone name ({@code Europe/Berlin}; recognised because
 * it starts with a capital letter) in which the date-times are read; without it they are in the router's zone.
 * <ul>
 * <li>{@code dtstart}, {@code dtend}, {@code until}: {@code 20260105T080000}; no dtstart means 1970-01-01;</li>
 * <li>{@code duration}: {@code P1W2D}, {@code PT8H30M}, {@code 8H} (without P: hours, minutes, seconds); an
 * occurrence lasts dtend - dtstart or the duration (not both); without either, for ever when there is no freq, else
 * to the end of dtstart's day (by day rules or daily), ISO week (weekly), month or year;</li>
 * <li>{@code freq}: {@code daily}, {@code weekly}, {@code monthly} or {@code yearly} (any case); with an
 * {@code interval} (2: every other), {@code until} (inclusive) and the by-lists;</li>
 * <li>{@code byday}: {@code MO,TU}, with an ordinal for monthly or yearly ({@code 2MO}, {@code -1FR}: within the
 * month, or the year when yearly without bymonth); {@code bymday} (day of month, -1 the last), {@code byyday}
 * (day of year), {@code byweekno} (ISO week, yearly only), {@code bymonth} (1..12).</li>
 * </ul>
 * A time is included when it lies in an occurrence: [start, start + length) for a start on a day the rule selects,
 * at dtstart's time of day, from dtstart on, and not after until. Without by-lists a weekly rule selects dtstart's
 * weekday, a monthly one its day of the month and a yearly one its date, as in RFC 5545. An occurrence that crosses
 * midnight belongs to the day it starts on ({@code 20260102T230000|20260103T070000||weekly|||FR}: Friday 23:00 to
 * Saturday 07:00).
 *
 * <p>Recurrences combine as in OpenSIPS: {@code A & B} (both), {@code A / B} (either; a slash before the first
 * {@code |} of a recurrence belongs to its time zone name), {@code !A} (not), parentheses; one kind of operator per
 * level. Anything OpenSIPS would read as a mistake, or silently as something else (an unknown freq, a duration with
 * a stray character, an interval of 0), is refused with the reason. Immutable and thread-safe.
 */
public final class TimeRecurrence {

    private static final String COLUMN = "timerec";
    private static final String FORMAT =
            "[tz|]dtstart|dtend|duration|freq|until|interval|byday|bymday|byyday|byweekno|bymonth";
    private static final int FIELDS = 11;
    /** An occurrence of a recurring rule lasts at most this long: a year and a day. */
    private static final Duration LONGEST_OCCURRENCE = Duration.ofDays(367);

    private final String text;
    private final Node root;

    private TimeRecurrence(String text, Node root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Reads a timerec.
     *
     * @param text a time recurrence, or several combined with operators; not empty
     * @param zone the zone of date-times in a recurrence without its own
     * @throws InvalidRuleException when it does not parse, naming the recurrence's part at fault
     */
    public static TimeRecurrence parse(String text, ZoneId zone) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            throw invalid("empty");
        }
        return new TimeRecurrence(trimmed, new ExpressionParser(zone).parse(trimmed));
    }

    /** Whether the rule applies at this instant. */
    public boolean includes(Instant instant) {
        return root.includes(instant);
    }

    @Override
    public String toString() {
        return text;
    }

    private static InvalidRuleException invalid(String reason) {
        return new InvalidRuleException(COLUMN, reason);
    }

    /** A recurrence, or recurrences combined. */
    private sealed interface Node permits Recurrence, Not, All, Any {
        boolean includes(Instant instant);
    }

    private record Not(Node node) implements Node {
        @Override
        public boolean includes(Instant instant) {
            return !node.includes(instant);
        }
    }

    private record All(List<Node> nodes) implements Node {
        @Override
        public boolean includes(Instant instant) {
            return nodes.stream().allMatch(node -> node.includes(instant));
        }
    }

    private record Any(List<Node> nodes) implements Node {
        @Override
        public boolean includes(Instant instant) {
            return nodes.stream().anyMatch(node -> node.includes(instant));
        }
    }

    /** Reads operators and parentheses the way OpenSIPS's tmrec_expr_parse does. */
    private record ExpressionParser(ZoneId zone) {

        Node parse(String expression) {
            List<Node> operands = new ArrayList<>();
            char operator = 0;
            boolean needOperand = true;
            boolean invert = false;
            int i = 0;
            while (i < expression.length()) {
                char c = expression.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (!needOperand) {
                    if (c != '&' && c != '/') {
                        throw invalid("expected & or / between recurrences, found '" + c + "' in '" + expression
                                + "'");
                    }
                    if (operator != 0 && operator != c) {
                        throw invalid("mixes & and / at one level in '" + expression + "'; group with parentheses");
                    }
                    operator = c;
                    needOperand = true;
                    i++;
                } else if (c == '!') {
                    invert = !invert;
                    i++;
                } else if (c == '(') {
                    int close = closing(expression, i);
                    String inner = expression.substring(i + 1, close).trim();
                    if (inner.isEmpty()) {
                        throw invalid("empty parentheses in '" + expression + "'");
                    }
                    operands.add(invert ? new Not(parse(inner)) : parse(inner));
                    invert = false;
                    needOperand = false;
                    i = close + 1;
                } else if (c == ')' || c == '&' || c == '/') {
                    throw invalid("unexpected '" + c + "' in '" + expression + "'");
                } else {
                    int end = endOfRecurrence(expression, i);
                    Node recurrence = Recurrence.parse(expression.substring(i, end), zone);
                    operands.add(invert ? new Not(recurrence) : recurrence);
                    invert = false;
                    needOperand = false;
                    i = end;
                }
            }
            if (needOperand) {
                throw invalid(operands.isEmpty() && !invert ? "empty" : "a recurrence is missing at the end of '"
                        + expression + "'");
            }
            if (operands.size() == 1) {
                return operands.get(0);
            }
            return operator == '&' ? new All(List.copyOf(operands)) : new Any(List.copyOf(operands));
        }

        private static int closing(String expression, int open) {
            int depth = 0;
            for (int i = open; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    return i;
                }
            }
            throw invalid("unbalanced parentheses in '" + expression + "'");
        }

        /** Where a recurrence ends: at a space, an &, or a / once a | has been seen (before it, / is a zone's). */
        private static int endOfRecurrence(String expression, int start) {
            boolean sawField = false;
            int i = start;
            for (; i < expression.length(); i++) {
                char c = expression.charAt(i);
                if (c == '!' || c == '(' || c == ')') {
                    throw invalid("unexpected '" + c + "' in the recurrence '" + expression.substring(start) + "'");
                }
                sawField |= c == '|';
                if (Character.isWhitespace(c) || c == '&' || (c == '/' && sawField)) {
                    break;
                }
            }
            return i;
        }
    }

    private enum Freq {
        DAILY, WEEKLY, MONTHLY, YEARLY
    }

    /** A byday entry: a weekday, and which one in the month or year (1 the first, -1 the last; 0 every). */
    private record WeekdayNumber(int ordinal, DayOfWeek day) {
    }

    /** One recurrence, the operand of the expressions. */
    private static final class Recurrence implements Node {

        private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
                .withResolverStyle(ResolverStyle.STRICT);
        private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);
        private static final Pattern WEEKDAY = Pattern.compile("([+-]?)(\\d{0,2})(MO|TU|WE|TH|FR|SA|SU)",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,3}");
        private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

        private final ZoneId zone;
        private final LocalDateTime dtstart;
        private final Instant start;
        /** How long an occurrence lasts; null: for ever. */
        private final Duration length;
        /** null: no recurrence, one occurrence. */
        private final Freq freq;
        /** null: no end. */
        private final LocalDateTime until;
        private final int interval;
        private final List<WeekdayNumber> byDay;
        private final List<Integer> byMonthDay;
        private final List<Integer> byYearDay;
        private final List<Integer> byWeekNo;
        private final List<Integer> byMonth;

        private Recurrence(ZoneId zone, LocalDateTime dtstart, Duration length, Freq freq, LocalDateTime until,
                           int interval, List<WeekdayNumber> byDay, List<Integer> byMonthDay,
                           List<Integer> byYearDay, List<Integer> byWeekNo, List<Integer> byMonth) {
            this.zone = zone;
            this.dtstart = dtstart;
            this.start = dtstart.atZone(zone).toInstant();
            this.length = length;
            this.freq = freq;
            this.until = until;
            this.interval = interval;
            this.byDay = byDay;
            this.byMonthDay = byMonthDay;
            this.byYearDay = byYearDay;
            this.byWeekNo = byWeekNo;
            this.byMonth = byMonth;
        }

        static Recurrence parse(String text, ZoneId defaultZone) {
            String[] fields = text.split("\\|", -1);
            int first = 0;
            ZoneId zone = defaultZone;
            // as in OpenSIPS, the first field is the zone when it starts with a capital letter (or is empty)
            if (fields[0].isEmpty() || fields[0].charAt(0) >= 'A' && fields[0].charAt(0) <= 'Z') {
                zone = fields[0].isEmpty() ? defaultZone : zone(fields[0]);
                first = 1;
            }
            if (fields.length - first > FIELDS) {
                throw invalid("'" + text + "' has more fields than " + FORMAT);
            }
            Fields f = new Fields(fields, first);
            LocalDateTime dtstart = f.has(0) ? dateTime("dtstart", f.get(0)) : EPOCH;
            LocalDateTime dtend = f.has(1) ? dateTime("dtend", f.get(1)) : null;
            Duration duration = f.has(2) ? duration(f.get(2)) : null;
            Freq freq = f.has(3) ? freq(f.get(3)) : null;
            LocalDateTime until = f.has(4) ? dateTime("until", f.get(4)) : null;
            int interval = f.has(5) ? interval(f.get(5)) : 1;
            List<WeekdayNumber> byDay = f.has(6) ? byDay(f.get(6)) : List.of();
            List<Integer> byMonthDay = f.has(7) ? numbers("bymday", f.get(7), 31) : List.of();
            List<Integer> byYearDay = f.has(8) ? numbers("byyday", f.get(8), 366) : List.of();
            List<Integer> byWeekNo = f.has(9) ? numbers("byweekno", f.get(9), 53) : List.of();
            List<Integer> byMonth = f.has(10) ? numbers("bymonth", f.get(10), 12) : List.of();

            if (dtend != null && duration != null) {
                throw invalid("'" + text + "' gives both dtend and duration; give one");
            }
            if (dtend != null && !dtend.isAfter(dtstart)) {
                throw invalid("dtend " + f.get(1) + " is not after dtstart");
            }
            boolean byLists = !byDay.isEmpty() || !byMonthDay.isEmpty() || !byYearDay.isEmpty()
                    || !byWeekNo.isEmpty() || !byMonth.isEmpty();
            if (freq == null && (until != null || f.has(5) || byLists)) {
                throw invalid("'" + text + "' has until, interval or by-lists without freq");
            }
            if (!byWeekNo.isEmpty() && freq != Freq.YEARLY) {
                throw invalid("byweekno needs freq yearly");
            }
            if (freq != Freq.MONTHLY && freq != Freq.YEARLY && byDay.stream().anyMatch(day -> day.ordinal() != 0)) {
                throw invalid("byday with an ordinal (" + f.get(6) + ") needs freq monthly or yearly");
            }
            Duration length = duration;
            if (length == null && dtend != null) {
                length = Duration.between(dtstart.atZone(zone), dtend.atZone(zone));
            }
            if (length == null && freq != null) {
                length = restOfPeriod(dtstart, zone, shortestPeriod(freq, byDay, byMonthDay, byYearDay, byWeekNo,
                        byMonth));
            }
            if (freq != null && length.compareTo(LONGEST_OCCURRENCE) > 0) {
                throw invalid("an occurrence of a recurring rule lasts at most 367 days");
            }
            return new Recurrence(zone, dtstart, length, freq, until, interval, byDay, byMonthDay, byYearDay,
                    byWeekNo, byMonth);
        }

        @Override
        public boolean includes(Instant instant) {
            if (instant.isBefore(start)) {
                return false;
            }
            ZonedDateTime now = instant.atZone(zone);
            if (until != null && now.toLocalDateTime().isAfter(until)) {
                return false;
            }
            if (freq == null) {
                return length == null || instant.isBefore(start.plus(length));
            }
            // the occurrences that may still last: those starting from (instant - length) to instant
            LocalDate earliest = instant.minus(length).atZone(zone).toLocalDate();
            LocalDate firstDay = dtstart.toLocalDate();
            for (LocalDate day = now.toLocalDate(); !day.isBefore(earliest) && !day.isBefore(firstDay);
                 day = day.minusDays(1)) {
                if (selects(day)) {
                    Instant occurrence = ZonedDateTime.of(day, dtstart.toLocalTime(), zone).toInstant();
                    if (!occurrence.isAfter(instant) && !occurrence.isBefore(start)
                            && instant.isBefore(occurrence.plus(length))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Whether an occurrence starts on this day (at dtstart's time), leaving dtstart and until aside. */
        private boolean selects(LocalDate day) {
            LocalDate first = dtstart.toLocalDate();
            if (interval > 1 && periodsBetween(first, day) % interval != 0) {
                return false;
            }
            if (!byMonth.isEmpty() && !matches(byMonth, day.getMonthValue(), 12)) {
                return false;
            }
            if (!byWeekNo.isEmpty() && !matches(byWeekNo, day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR),
                    (int) day.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum())) {
                return false;
            }
            if (!byYearDay.isEmpty() && !matches(byYearDay, day.getDayOfYear(), day.lengthOfYear())) {
                return false;
            }
            if (!byMonthDay.isEmpty() && !matches(byMonthDay, day.getDayOfMonth(), day.lengthOfMonth())) {
                return false;
            }
            if (!byDay.isEmpty() && byDay.stream().noneMatch(weekday -> selects(weekday, day))) {
                return false;
            }
            // without a by-list saying which days, the period's occurrence falls where dtstart's did (RFC 5545)
            return switch (freq) {
                case DAILY -> true;
                case WEEKLY -> !byDay.isEmpty() || day.getDayOfWeek() == first.getDayOfWeek();
                case MONTHLY -> !byDay.isEmpty() || !byMonthDay.isEmpty() || !byYearDay.isEmpty()
                        || day.getDayOfMonth() == first.getDayOfMonth();
                case YEARLY -> !byDay.isEmpty() || !byMonthDay.isEmpty() || !byYearDay.isEmpty()
                        || !byWeekNo.isEmpty()
                        || day.getDayOfMonth() == first.getDayOfMonth()
                        && (!byMonth.isEmpty() || day.getMonth() == first.getMonth());
            };
        }

        private boolean selects(WeekdayNumber weekday, LocalDate day) {
            if (day.getDayOfWeek() != weekday.day()) {
                return false;
            }
            if (weekday.ordinal() == 0) {
                return true;
            }
            boolean inMonth = freq == Freq.MONTHLY || !byMonth.isEmpty();
            int position = inMonth ? day.getDayOfMonth() : day.getDayOfYear();
            int days = inMonth ? day.lengthOfMonth() : day.lengthOfYear();
            return weekday.ordinal() > 0 ? (position - 1) / 7 + 1 == weekday.ordinal()
                    : (days - position) / 7 + 1 == -weekday.ordinal();
        }

        /** Days, ISO weeks, months or years from the first occurrence's to this day's, by freq. */
        private long periodsBetween(LocalDate first, LocalDate day) {
            return switch (freq) {
                case DAILY -> ChronoUnit.DAYS.between(first, day);
                case WEEKLY -> ChronoUnit.WEEKS.between(first.with(DayOfWeek.MONDAY), day.with(DayOfWeek.MONDAY));
                case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(day));
                case YEARLY -> day.getYear() - first.getYear();
            };
        }

        /** Whether a value is one of a by-list's: 3 the third, -1 the last of {@code count}. */
        private static boolean matches(List<Integer> list, int value, int count) {
            for (int wanted : list) {
                if (wanted > 0 ? value == wanted : value == count + 1 + wanted) {
                    return true;
                }
            }
            return false;
        }

        /** The shortest period the rule selects by (as OpenSIPS's get_min_interval): its default length. */
        private static Freq shortestPeriod(Freq freq, List<WeekdayNumber> byDay, List<Integer> byMonthDay,
                                           List<Integer> byYearDay, List<Integer> byWeekNo, List<Integer> byMonth) {
            if (freq == Freq.DAILY || !byDay.isEmpty() || !byMonthDay.isEmpty() || !byYearDay.isEmpty()) {
                return Freq.DAILY;
            }
            if (freq == Freq.WEEKLY || !byWeekNo.isEmpty()) {
                return Freq.WEEKLY;
            }
            if (freq == Freq.MONTHLY || !byMonth.isEmpty()) {
                return Freq.MONTHLY;
            }
            return Freq.YEARLY;
        }

        /** From dtstart to the end of its day, ISO week, month or year. */
        private static Duration restOfPeriod(LocalDateTime dtstart, ZoneId zone, Freq period) {
            LocalDate day = dtstart.toLocalDate();
            LocalDate end = switch (period) {
                case DAILY -> day.plusDays(1);
                case WEEKLY -> day.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
                case MONTHLY -> day.with(TemporalAdjusters.firstDayOfNextMonth());
                case YEARLY -> day.with(TemporalAdjusters.firstDayOfNextYear());
            };
            return Duration.between(dtstart.atZone(zone), end.atStartOfDay(zone));
        }

        private static ZoneId zone(String name) {
            try {
                return ZoneId.of(name);
            } catch (DateTimeException e) {
                throw invalid("'" + name + "' is not a time zone (such as Europe/Berlin or UTC)");
            }
        }

        private static LocalDateTime dateTime(String field, String text) {
            try {
                LocalDateTime value = LocalDateTime.parse(text, DATE_TIME);
                if (value.getYear() < 1970) {
                    throw invalid(field + " " + text + " is before 1970");
                }
                return value;
            } catch (DateTimeException e) {
                throw invalid(field + " '" + text + "' is not a date-time such as 20260105T080000");
            }
        }

        /** OpenSIPS's duration: P, then weeks and days, then T, hours, minutes, seconds; without P, the latter. */
        private static Duration duration(String text) {
            String upper = text.toUpperCase(Locale.ROOT);
            boolean datePart = upper.startsWith("P");
            long seconds = 0;
            long number = -1;
            for (int i = datePart ? 1 : 0; i < upper.length(); i++) {
                char c = upper.charAt(i);
                if (c >= '0' && c <= '9') {
                    number = Math.max(number, 0) * 10 + (c - '0');
                    if (number > 1_000_000_000L) {
                        throw invalid("duration '" + text + "' is too long");
                    }
                    continue;
                }
                if (c == 'T' && datePart && number < 0) {
                    datePart = false;
                    continue;
                }
                long unit = switch (c) {
                    case 'W' -> datePart ? 7 * 86_400 : -1;
                    case 'D' -> datePart ? 86_400 : -1;
                    case 'H' -> datePart ? -1 : 3_600;
                    case 'M' -> datePart ? -1 : 60;
                    case 'S' -> datePart ? -1 : 1;
                    default -> -1;
                };
                if (unit < 0 || number < 0) {
                    throw invalid("duration '" + text + "' is not a duration such as P1D, PT8H30M or 8H");
                }
                seconds += number * unit;
                number = -1;
            }
            if (number >= 0) {
                throw invalid("duration '" + text + "' ends in a number without its unit (W, D, H, M or S)");
            }
            if (seconds <= 0) {
                throw invalid("duration '" + text + "' is not positive");
            }
            return Duration.ofSeconds(seconds);
        }

        private static Freq freq(String text) {
            for (Freq freq : Freq.values()) {
                if (freq.name().equalsIgnoreCase(text)) {
                    return freq;
                }
            }
            throw invalid("freq '" + text + "' is not daily, weekly, monthly or yearly");
        }

        private static int interval(String text) {
            if (!text.matches("\\d{1,4}") || Integer.parseInt(text) == 0) {
                throw invalid("interval '" + text + "' is not a whole number from 1 to 9999");
            }
            return Integer.parseInt(text);
        }

        private static List<WeekdayNumber> byDay(String text) {
            List<WeekdayNumber> days = new ArrayList<>();
            for (String item : text.split(",", -1)) {
                Matcher m = WEEKDAY.matcher(item.trim());
                if (!m.matches()) {
                    throw invalid("byday '" + text + "' is not a list such as MO,TU or 1MO,-1FR");
                }
                int ordinal = m.group(2).isEmpty() ? 0 : Integer.parseInt(m.group(2));
                if (!m.group(2).isEmpty() && (ordinal < 1 || ordinal > 53)) {
                    throw invalid("byday '" + item.trim() + "': the ordinal is 1 to 53, or -1 to -53");
                }
                DayOfWeek day = DayOfWeek.of(WEEKDAYS.indexOf(m.group(3).toUpperCase(Locale.ROOT)) + 1);
                days.add(new WeekdayNumber("-".equals(m.group(1)) ? -ordinal : ordinal, day));
            }
            return List.copyOf(days);
        }

        private static List<Integer> numbers(String field, String text, int highest) {
            List<Integer> numbers = new ArrayList<>();
            for (String item : text.split(",", -1)) {
                String trimmed = item.trim();
                int value = NUMBER.matcher(trimmed).matches() ? Integer.parseInt(trimmed.replace("+", "")) : 0;
                if (value == 0 || Math.abs(value) > highest) {
                    throw invalid(field + " '" + text + "' is not a list of numbers from 1 to " + highest
                            + " (or -1 to -" + highest + ", from the end)");
                }
                numbers.add(value);
            }
            return List.copyOf(numbers);
        }

        /** The fields of one recurrence after the optional zone. */
        private record Fields(String[] all, int first) {

            boolean has(int index) {
                return first + index < all.length && !all[first + index].trim().isEmpty();
            }

            String get(int index) {
                return all[first + index].trim();
            }
        }
    }
}
