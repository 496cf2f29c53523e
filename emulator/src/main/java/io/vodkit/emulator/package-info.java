/**
 * The local BytePlus VOD emulator's public API: {@link io.vodkit.emulator.Emulator} (start, endpoint, keys, close),
 * {@link io.vodkit.emulator.EmulatorConfig} and the values it holds, and {@link io.vodkit.emulator.DataFolder}
 * (which process serves a data folder). The {@code media} and {@code restore} packages are public as well;
 * everything under {@code io.vodkit.emulator.internal} may change without notice.
 */
package io.vodkit.emulator;
