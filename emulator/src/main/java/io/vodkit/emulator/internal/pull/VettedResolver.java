package io.vodkit.emulator.internal.pull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The only name resolution of the URL-pull HTTP client: {@link SourceGuard#vet} resolves the host once and checks
 * every address, and the client connects to those addresses and no others. A refusal ({@link FetchFailure}) or an
 * unknown name ({@link UnknownHostException}) fails the request before any connection is made. Lookups run on
 * {@code executor}, as Jetty's own resolver does, so a slow DNS server holds no selector thread.
 *
 * <p>Jetty names the TLS peer after the connected address ({@link InetSocketAddress#getHostString()}), so each
 * address of a name carries that name: the server is sent it as SNI and its certificate must be for it, not for the
 * address. Addresses of an address literal carry none and are checked as addresses.
 */
record VettedResolver(SourceGuard guard, Executor executor) implements SocketAddressResolver {

    @Override
    public void resolve(String host, int port, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                List<InetSocketAddress> connectTo = new ArrayList<>();
                for (InetAddress address : guard.vet(host, port)) {
                    InetAddress named = literal(host) ? address : InetAddress.getByAddress(host, address.getAddress());
                    connectTo.add(new InetSocketAddress(named, port));
                }
                promise.succeeded(connectTo);
            } catch (FetchFailure | UnknownHostException | RuntimeException e) {
                promise.failed(e);
            }
        });
    }

    /** An address as a URL's host has it: IPv6 in brackets, IPv4 all digits and dots (no DNS name is). */
    private static boolean literal(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }
}
