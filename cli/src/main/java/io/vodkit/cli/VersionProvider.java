package io.vodkit.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest (the Maven project version), or "dev" when run from classes. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"vodkit " + version()};
    }

    public static String version() {
        String version = VodkitCli.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
