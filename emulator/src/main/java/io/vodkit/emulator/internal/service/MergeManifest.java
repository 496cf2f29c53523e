package io.vodkit.emulator.internal.service;

import io.vodkit.emulator.internal.api.GatewayError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merge body {@code idx:crc,idx:crc,…} (spec §6.4). Official clients disagree on the index base (0-based list
 * positions or 1-based part numbers), so both are accepted; entry k always names part k+1 and its expected CRC.
 */
public record MergeManifest(List<String> partCrcs) {
    private static final Pattern ENTRY = Pattern.compile("\\s*(\\d{1,5})\\s*:\\s*([0-9a-fA-F]{8})\\s*");

    public MergeManifest {
        partCrcs = List.copyOf(partCrcs);
    }

    public static MergeManifest parse(String body) {
        String trimmed = body.trim();
        if (trimmed.isEmpty()) {
            throw GatewayError.INVALID_MERGE_BODY.exception("the body is empty");
        }
        String[] entries = trimmed.split(",", -1);
        List<String> crcs = new ArrayList<>();
        int base = -1;
        for (int k = 0; k < entries.length; k++) {
            Matcher m = ENTRY.matcher(entries[k]);
            if (!m.matches()) {
                throw GatewayError.INVALID_MERGE_BODY.exception(
                        "entry " + k + " '" + entries[k].trim() + "' is not index:crc32");
            }
            int index = Integer.parseInt(m.group(1));
            if (k == 0) {
                if (index != 0 && index != 1) {
                    throw GatewayError.INVALID_MERGE_BODY.exception("the first index must be 0 or 1, got " + index);
                }
                base = index;
            }
            if (index != base + k) {
                throw GatewayError.INVALID_MERGE_BODY.exception(
                        "entry " + k + " has index " + index + ", expected " + (base + k));
            }
            crcs.add(m.group(2).toLowerCase(Locale.ROOT));
        }
        if (crcs.size() > Limits.MAX_PART_NUMBER) {
            throw GatewayError.INVALID_MERGE_BODY.exception("more than " + Limits.MAX_PART_NUMBER + " parts");
        }
        return new MergeManifest(crcs);
    }
}
