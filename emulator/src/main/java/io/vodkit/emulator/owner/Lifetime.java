package io.vodkit.emulator.owner;

/** How long an emulator means to run, which tells another vodkit what to do with a data folder it owns. */
public enum Lifetime {
    /** Runs until stopped ({@code vodkit serve}, {@code vodkit mcp}): other vodkit commands use it. */
    LONG_LIVED,
    /** Embedded in one command and stopped when that command ends: other vodkit commands wait for it. */
    SINGLE_COMMAND
}
