package io.vodkit.client.limits;

/**
 * A value outside what the service accepts, found before any request. The message reads
 * {@code "<name> must be <accepted>, got <got>"}; a caller that knows where the value came from (a command-line flag,
 * an environment variable) can say the same with {@link #accepted()} and {@link #got()} under its own name.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private final String name;
    private final String accepted;
    private final String got;

    /**
     * @param name     the value's name in the client API, e.g. {@code partSize}
     * @param accepted the accepted range, e.g. {@code 20 MiB to 5 GiB}
     * @param got      what was given, described without echoing long or private text, e.g. {@code 6 GiB}
     */
    public InvalidValueException(String name, String accepted, String got) {
        super(name + " must be " + accepted + ", got " + got);
        this.name = name;
        this.accepted = accepted;
        this.got = got;
    }

    public String name() {
        return name;
    }

    public String accepted() {
        return accepted;
    }

    public String got() {
        return got;
    }
}
