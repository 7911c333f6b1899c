package org.interchange.core;

import java.util.List;
import java.util.Map;

/**
 * What a reload did.
 *
 * @param changed        the keys whose new values are in use now, with their values before and after (a value is
 *                       null where the file did not set the key: the default applies)
 * @param restartNeeded  keys whose values in the file differ from those the router started with but can change only
 *                       with a restart
 */
public record ReloadReport(Map<String, Change> changed, List<String> restartNeeded) {

    /** One key's values before and after. */
    public record Change(String from, String to) {
    }
}
