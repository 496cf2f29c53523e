package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.HostResolver;
import io.vodkit.emulator.internal.service.PublicAddress;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;

/**
 * Decides which hosts a URL pull may connect to, checked for the source and for every redirect before the
 * connection is made:
 * <ul>
 *   <li>never link-local or cloud-metadata addresses (169.254.0.0/16 — where 169.254.169.254 lives —, fe80::/10,
 *       100.100.100.200, fd00:ec2::254) or the unspecified address, so a pull cannot read instance credentials;</li>
 *   <li>never the emulator's own listener, whatever names it ({@code 127.0.0.1}, {@code localhost}, {@code ::1}, a
 *       LAN address of this machine): its port on any local address;</li>
 *   <li>when the emulator is bound beyond loopback (others can submit pulls), no loopback, private (10/8, 172.16/12,
 *       192.168/16, fc00::/7) or shared (100.64/10) address either, unless
 *       {@code vodkit serve --allow-private-sources}. Bound on loopback, local sources stay allowed.</li>
 * </ul>
 * {@link #vet} resolves a host once and answers the addresses it checked, so that the connection goes to one of
 * them and a name cannot answer the guard one address and the connection another (DNS rebinding).
 */
public final class SourceGuard {
    /** Metadata endpoints outside the link-local range. */
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final boolean refusePrivate;
    private final HostResolver resolver;
    private volatile PublicAddress self;

    /**
     * A guard that resolves names with the JVM's resolver.
     *
     * @param bindHost            the address the emulator listens on
     * @param allowPrivateSources accept loopback and private sources even when bound beyond loopback
     */
    public SourceGuard(String bindHost, boolean allowPrivateSources) {
        this(bindHost, allowPrivateSources, HostResolver.SYSTEM);
    }

    /** As {@link #SourceGuard(String, boolean)}, resolving source hosts with {@code resolver}. */
    public SourceGuard(String bindHost, boolean allowPrivateSources, HostResolver resolver) {
        this.refusePrivate = !allowPrivateSources && beyondLoopback(bindHost);
        this.resolver = resolver;
    }

    /** Tells the guard where the emulator's own listener is (its port is read when a pull is checked). */
    public void servedAt(PublicAddress address) {
        this.self = address;
    }

    /**
     * Refuses {@code uri} when its host may not be reached. A name that does not resolve passes: the request that
     * follows reports it. This checks only; a connection that resolves the name again may reach another address, so
     * whoever connects should connect to the addresses {@link #vet} answers.
     *
     * @throws FetchFailure with the reason
     */
    public void check(URI uri) throws FetchFailure {
        try {
            vet(uri.getHost(), port(uri));
        } catch (UnknownHostException e) {
            // left to the request, which reports "host not found"
        }
    }

    /**
     * Resolves {@code host} once and checks every address it has for {@code port}: all of them may be reached, or
     * none is answered.
     *
     * @return the addresses checked, to connect to
     * @throws FetchFailure         one of the addresses may not be reached (the reason in the message)
     * @throws UnknownHostException the name does not resolve
     */
    public List<InetAddress> vet(String host, int port) throws FetchFailure, UnknownHostException {
        List<InetAddress> addresses = resolver.resolve(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        for (InetAddress address : addresses) {
            if (address.isAnyLocalAddress()) {
                throw new FetchFailure("refused: " + host + " is the unspecified address, which reaches this machine");
            }
            if (address.isLinkLocalAddress() || METADATA_ADDRESSES.contains(address.getHostAddress())) {
                throw new FetchFailure("refused: " + host + " is a link-local or cloud-metadata address ("
                        + address.getHostAddress() + ")");
            }
            if (port == selfPort() && isLocal(address)) {
                throw new FetchFailure("refused: " + host + ":" + port + " is this emulator itself ("
                        + address.getHostAddress() + ")");
            }
            if (refusePrivate && isPrivate(address)) {
                throw new FetchFailure("refused: " + host + " is a loopback or private address ("
                        + address.getHostAddress() + ") and the emulator serves beyond loopback; start it with "
                        + "vodkit serve --allow-private-sources to pull from private networks");
            }
        }
        return addresses;
    }

    /** The port a connection to {@code uri} uses: the explicit one, else 80 or 443 by scheme. */
    static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private int selfPort() {
        PublicAddress address = self;
        if (address == null) {
            return -1;
        }
        String hostPort = address.hostPort();
        return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
    }

    /** Whether the emulator bound on {@code bindHost} is reachable from beyond this machine. */
    static boolean beyondLoopback(String bindHost) {
        try {
            for (InetAddress address : InetAddress.getAllByName(bindHost)) {
                if (!address.isLoopbackAddress()) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return true;
        }
    }

    /** An address of this machine: loopback or one of its interfaces. */
    private static boolean isLocal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return true;
        }
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    private static boolean isPrivate(InetAddress address) {
        byte[] b = address.getAddress();
        return address.isLoopbackAddress()
                || address.isSiteLocalAddress()
                || (b.length == 16 && (b[0] & 0xfe) == 0xfc)
                || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64);
    }
}
