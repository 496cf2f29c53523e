package io.vodkit.cli.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ledger's enums are written as their names in lower case, in the ledger and in the output alike. */
final class WireNames {
    private WireNames() {}

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        return Arrays.stream(type.getEnumConstants())
                .filter(value -> of(value).equals(name))
                .findFirst();
    }
}
