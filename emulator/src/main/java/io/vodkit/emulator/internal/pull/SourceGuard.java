package io.vodkit.emulator.internal.pull;

import io.vodkit.emulator.internal.service.PublicAddress;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
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
 * A name that does not resolve is left to the request, which reports "host not found".
 */
public final class SourceGuard {
    /** Metadata endpoints outside the link-local range. */
    private static final Set<String> METADATA_ADDRESSES = Set.of("100.100.100.200", "fd00:ec2:0:0:0:0:0:254");

    private final boolean refusePrivate;
    private volatile PublicAddress self;

    /**
     * @param bindHost            the address the emulator listens on
     * @param allowPrivateSources accept loopback and private sources even when bound beyond loopback
     */
    public SourceGuard(String bindHost, boolean allowPrivateSources) {
        this.refusePrivate = !allowPrivateSources && beyondLoopback(bindHost);
    }

    /** Tells the guard where the emulator's own listener is (its port is read when a pull is checked). */
    public void servedAt(PublicAddress address) {
        this.self = address;
    }

    /**
     * Refuses {@code uri} when its host may not be reached.
     *
     * @throws FetchFailure with the reason
     */
    public void check(URI uri) throws FetchFailure {
        String host = uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
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
