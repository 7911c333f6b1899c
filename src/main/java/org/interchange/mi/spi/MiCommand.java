package org.interchange.mi.spi;

import java.util.List;
import java.util.function.Function;

/**
 * A command of the management interface, answered over JSON-RPC at {@code /interchange/mi} as OpenSIPS's
 * {@code mi_http} answers its own. Every CDI bean of this type is a command: a capability contributes its commands
 * as beans (a class implementing this, or a producer method returning {@link #of}), and so can an integrator's jar.
 * Commands run on the admin listener's request threads, never on the SIP stack's; they must be thread-safe.
 */
public interface MiCommand {

    /** The command's name, OpenSIPS's where the command is OpenSIPS's ({@code ul_dump}). */
    String name();

    /**
     * The sets of parameters the command takes, each in the order a positional call ({@code "params": [...]}) gives
     * them; a call must match one set exactly, by names (an object) or by count (an array), else it is answered
     * {@code -32602 Invalid params}. OpenSIPS calls these sets recipes. The empty set: no parameters.
     */
    List<List<String>> parameterSets();

    /**
     * Runs the command.
     *
     * @param params the parameters of the call, matched to one of {@link #parameterSets()}
     * @return the JSON-RPC result: a map (an object), a list, a string or a number, as Jackson writes it
     * @throws MiError for an answer with an error code ({@code 404 AOR not found})
     */
    Object run(MiParams params);

    /** A command made of a name, its parameter sets and a function. */
    static MiCommand of(String name, List<List<String>> parameterSets, Function<MiParams, Object> run) {
        List<List<String>> sets = parameterSets.stream().map(List::copyOf).toList();
        return new MiCommand() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<List<String>> parameterSets() {
                return sets;
            }

            @Override
            public Object run(MiParams params) {
                return run.apply(params);
            }

            @Override
            public String toString() {
                return "MiCommand[" + name + "]";
            }
        };
    }

    /** The parameter sets of a command without parameters. */
    static List<List<String>> noParameters() {
        return List.of(List.of());
    }
}
