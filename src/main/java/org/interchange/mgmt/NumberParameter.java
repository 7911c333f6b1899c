package org.interchange.mgmt;

/**
 * A number an API request gives as text (a query or path parameter, a field of a form): read, or refused with a
 * problem that names the parameter and the numbers it may be, which {@link ProblemMapper} answers as 400.
 */
final class NumberParameter {

    private NumberParameter() {
    }

    /** {@code text} as a number from {@code min} to {@code max}; else an {@link IllegalArgumentException}. */
    static int of(String name, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(name + " is required: " + range(min, max));
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + " '" + text + "' is not " + range(min, max));
    }

    private static String range(int min, int max) {
        if (max == Integer.MAX_VALUE) {
            return min == Integer.MIN_VALUE ? "an integer" : "an integer of " + min + " or more";
        }
        return "a number from " + min + " to " + max;
    }
}
