package org.interchange.permissions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.enterprise.context.ApplicationScoped;
import javax.inject.Inject;

import org.interchange.container.config.RouterConfiguration;
import org.interchange.routing.Attribute;
import org.interchange.routing.Decision;
import org.interchange.routing.Flags;
import org.interchange.routing.RequestContext;
import org.interchange.routing.Steps;
import org.interchange.routing.spi.RequestStep;

/**
 * {@code source-group}: tags every request with the address group of its source ({@code get_source_group}), the
 * classic first step of a script that tells requests by direction: the group goes into the attribute {@link #GROUP}
 * and the row's context_info into {@link #CONTEXT}; a group named in {@code permissions.group-flags} sets that message
 * flag, and a group in {@code permissions.trusted-groups} sets {@link Flags#TRUSTED}, which spares the request
 * authentication and lets it be relayed anywhere. A source in no group goes on untagged.
 */
@ApplicationScoped
@Priority(Steps.SOURCE_GROUP)
public class SourceGroupStep implements RequestStep {

    /** The address group of the request's source. */
    public static final Attribute<Integer> GROUP = Attribute.of("source-group", Integer.class);
    /** The context_info of the address row the source matched, when it has one. */
    public static final Attribute<String> CONTEXT = Attribute.of("source-context", String.class);

    private AddressGroups groups;
    private Map<Integer, String> groupFlags;
    private Set<Integer> trustedGroups;

    protected SourceGroupStep() {
        // for CDI's proxy
    }

    @Inject
    public SourceGroupStep(AddressGroups groups, RouterConfiguration config) {
        this(groups, groupFlags(config), Set.copyOf(config.list("permissions.trusted-groups", List.of(),
                SourceGroupStep::group)));
    }

    /**
     * @param groupFlags    the message flag each group sets
     * @param trustedGroups the groups whose requests are {@link Flags#TRUSTED}
     */
    public SourceGroupStep(AddressGroups groups, Map<Integer, String> groupFlags, Set<Integer> trustedGroups) {
        this.groups = groups;
        this.groupFlags = Map.copyOf(groupFlags);
        this.trustedGroups = Set.copyOf(trustedGroups);
    }

    @Override
    public Decision apply(RequestContext context) {
        if (groups.isEmpty()) {
            return Decision.next();
        }
        var source = context.request().source();
        Optional<Match> match = context.request().sourceAddress()
                .flatMap(ip -> groups.sourceGroup(ip, source.port(), source.transport()));
        if (match.isEmpty()) {
            return Decision.next();
        }
        int group = match.get().group();
        context.attributes().set(GROUP, group);
        match.get().contextInfo().ifPresent(info -> context.attributes().set(CONTEXT, info));
        String flag = groupFlags.get(group);
        if (flag != null) {
            context.flags().set(flag);
        }
        if (trustedGroups.contains(group)) {
            context.flags().set(Flags.TRUSTED);
        }
        return Decision.next();
    }

    @Override
    public String name() {
        return "source-group";
    }

    /** {@code permissions.group-flags = 2:FROM_MEDIA, 3:FROM_IVR}. */
    private static Map<Integer, String> groupFlags(RouterConfiguration config) {
        Map<Integer, String> flags = new HashMap<>();
        for (String entry : config.list("permissions.group-flags", List.of())) {
            int colon = entry.indexOf(':');
            if (colon < 1 || colon == entry.length() - 1) {
                throw config.invalid("permissions.group-flags", "'" + entry + "' is not group:FLAG");
            }
            String flag = entry.substring(colon + 1).trim();
            int group;
            try {
                group = group(entry.substring(0, colon));
            } catch (IllegalArgumentException e) {
                throw config.invalid("permissions.group-flags", e.getMessage());
            }
            if (flags.put(group, flag) != null) {
                throw config.invalid("permissions.group-flags", "group " + entry.substring(0, colon).trim()
                        + " is given twice");
            }
        }
        return flags;
    }

    private static int group(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text.trim() + "' is not a group number");
        }
    }
}
