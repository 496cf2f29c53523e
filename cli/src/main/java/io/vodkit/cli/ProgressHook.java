package io.vodkit.cli;

/**
 * Where long work tells how far it got, besides what it writes on stderr: {@code vodkit mcp} turns it into MCP
 * progress notifications. Called from any thread; it must return quickly. Both methods do nothing by default.
 */
public interface ProgressHook {
    /** Reports nothing: the hook of a command run from a terminal or a script. */
    ProgressHook NONE = new ProgressHook() {};

    /**
     * An upload moved on.
     *
     * @param label      what is being uploaded (the file name)
     * @param bytes      bytes sent so far; can go down when a failed request is sent again
     * @param totalBytes the size of the upload
     */
    default void transferred(String label, long bytes, long totalBytes) {}

    /** A job was polled: {@code message} names it and its state, e.g. {@code "hb:… Running"}. */
    default void status(String message) {}
}
