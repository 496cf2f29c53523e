package io.vodkit.cli.doctor;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One line of {@code vodkit doctor}'s report.
 *
 * @param essential whether vodkit cannot work while this check fails (the exit code follows these only)
 */
@JsonPropertyOrder({"name", "ok", "essential", "detail"})
public record Check(String name, boolean ok, boolean essential, String detail) {

    public static Check pass(String name, String detail) {
        return new Check(name, true, true, detail);
    }

    public static Check fail(String name, String detail) {
        return new Check(name, false, true, detail);
    }
}
