package io.vodkit.emulator.internal.pull;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Name resolution for {@link SourceGuard}: the one lookup whose answers are vetted and then connected to. */
@FunctionalInterface
public interface HostResolver {
    /** The JVM's resolver ({@link InetAddress#getAllByName}): literals as they are, names through the system's DNS. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * Every address of {@code host} (a name or an address literal, IPv6 with or without brackets).
     *
     * @throws UnknownHostException the name does not resolve
     */
    List<InetAddress> resolve(String host) throws UnknownHostException;
}
