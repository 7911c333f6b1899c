package org.interchange.dialplan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.interchange.dialplan.InvalidRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Time recurrences as OpenSIPS 3 writes them, read in UTC unless they name a zone. January 2026 starts on a
 * Thursday: Monday the 5th, Friday the 9th, Saturday the 10th.
 */
class TimeRecurrenceTest {

    private static final ZoneId UTC = ZoneOffset.UTC;

    @Test
    void anIntervalFromDtstartToDtendIncludesTheTimesBetween() {
        // OpenSIPS's check_time_rec example: "only passing if still in 2012"
        TimeRecurrence in2012 = parse("20120101T000000|20121231T235959");

        assertThat(in2012.includes(at("2012-06-15T12:00"))).isTrue();
        assertThat(in2012.includes(at("2012-01-01T00:00"))).isTrue();
        assertThat(in2012.includes(at("2011-12-31T23:59"))).isFalse();
        assertThat(in2012.includes(at("2013-01-01T00:00"))).isFalse();
    }

    @Test
    void aDurationCountsFromDtstart() {
        // OpenSIPS's check_time_rec example: "only passing if less than 30 days have passed from dtstart"
        TimeRecurrence thirtyDays = parse("20121101T000000||p30d");

        assertThat(thirtyDays.includes(at("2012-11-30T23:59"))).isTrue();
        assertThat(thirtyDays.includes(at("2012-12-01T00:00"))).isFalse();
        assertThat(thirtyDays.includes(at("2012-10-31T23:59"))).isFalse();
    }

    @Test
    void withoutEndOrDurationAOneOffRecurrenceLastsForEver() {
        TimeRecurrence fromNewYear = parse("20260101T000000");

        assertThat(fromNewYear.includes(at("2025-12-31T23:59"))).isFalse();
        assertThat(fromNewYear.includes(at("2099-06-01T00:00"))).isTrue();
    }

    @Test
    void officeHoursOnWeekdays() {
        // the recurrence of OpenSIPS issue 2616: 08:00 for 8 hours, Monday to Friday
        TimeRecurrence office = parse("20210104T080000||8H|WEEKLY|||MO,TU,WE,TH,FR");

        assertThat(office.includes(at("2026-01-05T07:30"))).as("Monday, too early").isFalse();
        assertThat(office.includes(at("2026-01-05T08:00"))).as("Monday at opening").isTrue();
        assertThat(office.includes(at("2026-01-09T15:59"))).as("Friday afternoon").isTrue();
        assertThat(office.includes(at("2026-01-09T16:00"))).as("Friday at closing").isFalse();
        assertThat(office.includes(at("2026-01-10T10:00"))).as("Saturday").isFalse();
    }

    @Test
    void aDailyWindowAcrossMidnight() {
        TimeRecurrence nights = parse("20200610T230000|20200611T070000||DAILY");

        assertThat(nights.includes(at("2026-03-03T23:30"))).isTrue();
        assertThat(nights.includes(at("2026-03-04T02:00"))).isTrue();
        assertThat(nights.includes(at("2026-03-04T07:00"))).isFalse();
        assertThat(nights.includes(at("2026-03-04T12:00"))).isFalse();
    }

    @Test
    void anOccurrenceAcrossMidnightBelongsToTheDayItStarts() {
        TimeRecurrence fridayNight = parse("20260102T230000|20260103T070000||weekly|||FR");

        assertThat(fridayNight.includes(at("2026-01-09T23:30"))).as("Friday night").isTrue();
        assertThat(fridayNight.includes(at("2026-01-10T02:00"))).as("early Saturday").isTrue();
        assertThat(fridayNight.includes(at("2026-01-10T23:30"))).as("Saturday night").isFalse();
        assertThat(fridayNight.includes(at("2026-01-11T02:00"))).as("early Sunday").isFalse();
    }

    @Test
    void aWeeklyRuleWithoutByDayFallsOnDtstartsWeekday() {
        TimeRecurrence mondays = parse("20260105T090000||PT1H|weekly");

        assertThat(mondays.includes(at("2026-01-12T09:30"))).isTrue();
        assertThat(mondays.includes(at("2026-01-13T09:30"))).isFalse();
    }

    @Test
    void anIntervalOfTwoIsEveryOtherWeek() {
        TimeRecurrence everyOtherMonday = parse("20260105T090000||PT1H|weekly||2");

        assertThat(everyOtherMonday.includes(at("2026-01-05T09:30"))).isTrue();
        assertThat(everyOtherMonday.includes(at("2026-01-12T09:30"))).isFalse();
        assertThat(everyOtherMonday.includes(at("2026-01-19T09:30"))).isTrue();
    }

    @Test
    void aYearlyHolidayByMonthAndDayLastsTheWholeDay() {
        TimeRecurrence christmas = parse("20200101T000000|||yearly||||25|||12");

        assertThat(christmas.includes(at("2026-12-25T00:00"))).isTrue();
        assertThat(christmas.includes(at("2026-12-25T23:59"))).isTrue();
        assertThat(christmas.includes(at("2026-12-24T12:00"))).isFalse();
        assertThat(christmas.includes(at("2026-12-26T00:00"))).isFalse();
        assertThat(christmas.includes(at("2026-11-25T12:00"))).isFalse();
    }

    @Test
    void withoutDurationAnOccurrenceLastsToTheEndOfItsPeriod() {
        TimeRecurrence secondHalves = parse("20260115T000000|||monthly");

        assertThat(secondHalves.includes(at("2026-01-20T10:00"))).isTrue();
        assertThat(secondHalves.includes(at("2026-02-10T10:00"))).isFalse();
        assertThat(secondHalves.includes(at("2026-02-28T23:59"))).isTrue();
    }

    @Test
    void anOrdinalByDaySelectsTheNthWeekdayOfTheMonth() {
        TimeRecurrence lastFriday = parse("20260101T170000||PT2H|monthly|||-1FR");
        TimeRecurrence secondMonday = parse("20260101T090000||PT1H|monthly|||2MO");

        assertThat(lastFriday.includes(at("2026-01-30T18:00"))).isTrue();
        assertThat(lastFriday.includes(at("2026-01-23T18:00"))).isFalse();
        assertThat(secondMonday.includes(at("2026-01-12T09:30"))).isTrue();
        assertThat(secondMonday.includes(at("2026-01-05T09:30"))).isFalse();
    }

    @Test
    void negativeMonthDaysCountFromTheEnd() {
        TimeRecurrence lastDay = parse("20260101T000000||P1D|monthly||||-1");

        assertThat(lastDay.includes(at("2026-02-28T12:00"))).isTrue();
        assertThat(lastDay.includes(at("2026-01-31T12:00"))).isTrue();
        assertThat(lastDay.includes(at("2026-01-30T12:00"))).isFalse();
    }

    @Test
    void untilIsTheLastInstantIncluded() {
        TimeRecurrence firstDays = parse("20260101T000000||P1D|daily|20260110T000000");

        assertThat(firstDays.includes(at("2026-01-09T12:00"))).isTrue();
        assertThat(firstDays.includes(at("2026-01-10T00:00"))).isTrue();
        assertThat(firstDays.includes(at("2026-01-10T00:01"))).isFalse();
    }

    @Test
    void aZoneNamedFirstIsTheZoneOfTheDateTimes() {
        TimeRecurrence berlinMorning = TimeRecurrence.parse("Europe/Berlin|20260105T080000||PT1H",
                ZoneId.of("America/New_York"));

        assertThat(berlinMorning.includes(Instant.parse("2026-01-05T07:30:00Z"))).isTrue();
        assertThat(berlinMorning.includes(Instant.parse("2026-01-05T08:30:00Z"))).isFalse();
    }

    @Test
    void withoutAZoneTheDateTimesAreInTheGivenZone() {
        TimeRecurrence morning = TimeRecurrence.parse("20260105T080000||PT1H", ZoneId.of("Europe/Berlin"));

        assertThat(morning.includes(Instant.parse("2026-01-05T07:30:00Z"))).isTrue();
        assertThat(morning.includes(Instant.parse("2026-01-05T08:30:00Z"))).isFalse();
    }

    @Test
    void weekdaysButNotHolidays() {
        TimeRecurrence workingDays = parse(
                "20260105T000000||P1D|weekly|||MO,TU,WE,TH,FR & !20200101T000000|||yearly||||1|||1");

        assertThat(workingDays.includes(at("2026-01-05T10:00"))).isTrue();
        assertThat(workingDays.includes(at("2027-01-01T10:00"))).as("a Friday, New Year's Day").isFalse();
        assertThat(workingDays.includes(at("2026-01-10T10:00"))).as("a Saturday").isFalse();
    }

    @Test
    void aSlashAfterTheFirstFieldMeansOr() {
        TimeRecurrence twoSlots = parse("Europe/Berlin|20260105T080000||PT1H/UTC|20260105T120000||PT1H");

        assertThat(twoSlots.includes(Instant.parse("2026-01-05T07:30:00Z"))).isTrue();
        assertThat(twoSlots.includes(Instant.parse("2026-01-05T12:30:00Z"))).isTrue();
        assertThat(twoSlots.includes(Instant.parse("2026-01-05T10:00:00Z"))).isFalse();
    }

    @Test
    void parenthesesGroupOperators() {
        TimeRecurrence slots = parse("(20260105T080000||PT1H / 20260105T120000||PT1H) & !20260105T123000||PT10M");

        assertThat(slots.includes(at("2026-01-05T08:30"))).isTrue();
        assertThat(slots.includes(at("2026-01-05T12:35"))).isFalse();
        assertThat(slots.includes(at("2026-01-05T12:50"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "2026;dtstart '2026' is not a date-time",
            "20261305T080000;dtstart '20261305T080000' is not a date-time",
            "19691231T000000||P1D;is before 1970",
            "20260105T080000||8X;duration '8X' is not a duration",
            "20260105T080000||P8H;duration 'P8H' is not a duration",
            "20260105T080000||PT8;ends in a number without its unit",
            "20260105T080000|||hourly;freq 'hourly' is not daily, weekly, monthly or yearly",
            "20260105T080000||PT1H|daily||0;interval '0'",
            "20260105T080000||PT1H||20270101T000000;without freq",
            "20260105T080000||||||MO;without freq",
            "20260105T080000||PT1H|weekly|||2MO;needs freq monthly or yearly",
            "20260105T080000||PT1H|monthly|||XX;byday 'XX'",
            "20260105T080000||PT1H|monthly||||32;bymday '32'",
            "20260105T080000||PT1H|monthly||||||10;byweekno needs freq yearly",
            "20260105T080000|20260105T090000|PT1H;both dtend and duration",
            "20260105T080000|20260105T070000;is not after dtstart",
            "Mars/Olympus|20260105T080000;is not a time zone",
            "20260105T080000||PT1H|daily|||||||||1;more fields than",
            "20260105T080000 & 20260106T080000 / 20260107T080000;mixes & and /",
            "(20260105T080000;unbalanced parentheses",
            "20260105T080000 &;missing at the end",
            "();empty parentheses",
            "20260105T080000||P400D|yearly;at most 367 days",
    })
    void aMalformedRecurrenceIsRefusedWithTheReason(String text, String reason) {
        assertThatThrownBy(() -> parse(text))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("timerec: ")
                .hasMessageContaining(reason);
    }

    private static TimeRecurrence parse(String text) {
        return TimeRecurrence.parse(text, UTC);
    }

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC);
    }
}
