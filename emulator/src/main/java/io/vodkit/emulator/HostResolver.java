package io.vodkit.emulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * How URL pulls look up the hosts of their sources: the seam between the emulator and DNS, so that a test can stand
 * in a DNS server that answers one address and then another. Each fetch looks a host up once; the emulator checks
 * every address of that answer and connects to those addresses only.
 */
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
