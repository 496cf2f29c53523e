package io.vodkit.client.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code Input} of StartExecution (spec §9.1): a Vid, or a stored file addressed by FileName in a space.
 *
 * @param type      {@link #VID} or {@link #DIRECT_URL}
 * @param vid       the Vid (for {@link #VID})
 * @param fileName  the FileName (for {@link #DIRECT_URL})
 * @param spaceName the space of the file (for {@link #DIRECT_URL})
 */
public record MediaInput(String type, String vid, String fileName, String spaceName) {

    public static final String VID = "Vid";
    public static final String DIRECT_URL = "DirectUrl";

    public MediaInput {
        Objects.requireNonNull(type, "type == null");
        if (type.equals(VID)) {
            Objects.requireNonNull(vid, "vid == null");
        } else if (type.equals(DIRECT_URL)) {
            Objects.requireNonNull(fileName, "fileName == null");
            Objects.requireNonNull(spaceName, "spaceName == null");
        } else {
            throw new IllegalArgumentException("type must be Vid or DirectUrl: " + type);
        }
    }

    public static MediaInput vid(String vid) {
        return new MediaInput(VID, vid, null, null);
    }

    public static MediaInput directUrl(String fileName, String spaceName) {
        return new MediaInput(DIRECT_URL, null, fileName, spaceName);
    }

    /** The wire form: {@code {"Type":"Vid","Vid":…}} or {@code {"Type":"DirectUrl","DirectUrl":{FileName, SpaceName}}}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Type", type);
        if (type.equals(VID)) {
            json.put("Vid", vid);
        } else {
            Map<String, Object> direct = new LinkedHashMap<>();
            direct.put("FileName", fileName);
            direct.put("SpaceName", spaceName);
            json.put("DirectUrl", direct);
        }
        return json;
    }
}
