package org.interchange.mi.spi;

/**
 * An error answer of a command: the JSON-RPC {@code error} object's {@code code} and {@code message}, and its
 * {@code data} when there is more to say. OpenSIPS's commands answer with HTTP-like codes ({@code 404 AOR not
 * found}, {@code 500}); the protocol's own codes are negative ({@link #INVALID_PARAMS}).
 */
public class MiError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** JSON-RPC 2.0: the parameters do not fit the method. */
    public static final int INVALID_PARAMS = -32602;
    /** JSON-RPC 2.0's implementation-defined server error, OpenSIPS's answer when a command fails inside. */
    public static final int SERVER_ERROR = -32000;

    private final int code;
    private final String data;

    public MiError(int code, String message) {
        this(code, message, null);
    }

    public MiError(int code, String message, String data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    /** {@code -32602 Invalid params}, with what is wrong as its data ({@code Bad type for parameter 'dpid'}). */
    public static MiError invalidParams(String detail) {
        return new MiError(INVALID_PARAMS, "Invalid params", detail);
    }

    /** {@code -32000 Server error}, with what failed as its data. */
    public static MiError serverError(String detail) {
        return new MiError(SERVER_ERROR, "Server error", detail);
    }

    public int code() {
        return code;
    }

    /** More about the error, or null. */
    public String data() {
        return data;
    }
}
