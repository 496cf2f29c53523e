package io.vodkit.cli.output;

/**
 * The {@code resume_hint} of a timed-out command: what happened, and a complete shell command that picks the same
 * job up again ({@link Launcher#command}).
 */
public record ResumeHint(String description, String command) {}
