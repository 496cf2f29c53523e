package io.vodkit.emulator.internal.pull;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * The only name resolution of the URL-pull HTTP client: {@link SourceGuard#vet} resolves the host once and checks
 * every address, and the client connects to those addresses and no others. A refusal ({@link FetchFailure}) or an
 * unknown name ({@link UnknownHostException}) fails the request before any connection is made. Lookups run on
 * {@code executor}, as Jetty's own resolver does, so a slow DNS server holds no selector thread.
 */
final class VettedResolver implements SocketAddressResolver {
    private final SourceGuard guard;
    private final Executor executor;

    VettedResolver(SourceGuard guard, Executor executor) {
        this.guard = guard;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Promise<List<InetSocketAddress>> promise) {
        executor.execute(() -> {
            try {
                List<InetAddress> vetted = guard.vet(host, port);
                promise.succeeded(vetted.stream()
                        .map(address -> new InetSocketAddress(address, port))
                        .toList());
            } catch (FetchFailure | UnknownHostException | RuntimeException e) {
                promise.failed(e);
            }
        });
    }
}
