package io.vodkit.emulator.support;

import io.vodkit.emulator.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link HostResolver} that plays a hostile DNS server: a scripted name answers its answers in turn (the last one
 * again after that), an unknown one fails, and every lookup is counted. Other hosts (address literals) resolve as
 * the JVM resolves them.
 */
public final class ScriptedDns implements HostResolver {
    private final Map<String, Deque<List<InetAddress>>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lookups = new ConcurrentHashMap<>();

    /** {@code name} answers {@code answers[0]} to the first lookup, {@code answers[1]} to the next, and so on. */
    @SafeVarargs
    public final ScriptedDns answer(String name, List<String>... answers) {
        Deque<List<InetAddress>> script = new ArrayDeque<>();
        for (List<String> answer : Arrays.asList(answers)) {
            script.add(answer.stream().map(ScriptedDns::literal).toList());
        }
        scripts.put(name, script);
        return this;
    }

    /** {@code name} does not resolve. */
    public ScriptedDns unknown(String name) {
        scripts.put(name, new ArrayDeque<>());
        return this;
    }

    /** How many times {@code name} was looked up. */
    public int lookups(String name) {
        AtomicInteger count = lookups.get(name);
        return count == null ? 0 : count.get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        Deque<List<InetAddress>> script = scripts.get(host);
        if (script == null) {
            return SYSTEM.resolve(host);
        }
        synchronized (script) {
            if (script.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return script.size() > 1 ? script.removeFirst() : script.getFirst();
        }
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + address, e);
        }
    }
}
