package org.interchange.it.malformed;

import java.util.Arrays;
import java.util.List;

/**
 * The lenient expectation the data's README gives a message: alternatives separated by {@code |}, each {@code ok}
 * (processed: a final 2xx, 3xx or 4xx other than 400, provisional responses only, or the request forwarded back),
 * {@code drop} (nothing comes back) or a status code. Notes in parentheses are not part of it.
 */
record Expectation(List<String> alternatives) {

    private static final String PROCESSED = "ok";
    private static final String DROPPED = "drop";

    /** Reads a cell of the README's table, such as {@code 400\|drop} or {@code ok (no reply to the INVITE)}. */
    static Expectation parse(String cell) {
        List<String> alternatives = Arrays.stream(cell.replaceAll("\\(.*?\\)", "").replace("\\|", "|").split("\\|"))
                .map(String::trim).toList();
        for (String alternative : alternatives) {
            if (!alternative.equals(PROCESSED) && !alternative.equals(DROPPED) && !alternative.matches("\\d{3}")) {
                throw new IllegalArgumentException("not an expectation of the README: " + cell);
            }
        }
        return new Expectation(alternatives);
    }

    boolean admits(Outcome outcome) {
        return alternatives.stream().anyMatch(alternative -> admits(alternative, outcome));
    }

    /** Whether silence is a correct answer, which a test can only see by waiting for it. */
    boolean admitsSilence() {
        return alternatives.contains(DROPPED);
    }

    private static boolean admits(String alternative, Outcome outcome) {
        return switch (alternative) {
            case PROCESSED -> switch (outcome.kind()) {
                case FORWARDED, ONLY_PROVISIONAL -> true;
                case FINAL_RESPONSE -> outcome.status() >= 200 && outcome.status() < 500 && outcome.status() != 400;
                case NOTHING -> false;
            };
            case DROPPED -> outcome.kind() == Outcome.Kind.NOTHING;
            default -> outcome.kind() == Outcome.Kind.FINAL_RESPONSE
                    && outcome.status() == Integer.parseInt(alternative);
        };
    }

    @Override
    public String toString() {
        return String.join("|", alternatives);
    }
}
