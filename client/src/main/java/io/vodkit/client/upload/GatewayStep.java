package io.vodkit.client.upload;

/** The storage-gateway requests (spec §6). */
public enum GatewayStep {
    DIRECT_UPLOAD("direct upload"),
    INIT_MULTIPART_UPLOAD("init multipart upload"),
    UPLOAD_PART("upload part"),
    COMPLETE_MULTIPART_UPLOAD("complete multipart upload"),
    LIST_PARTS("list parts");

    private final String label;

    GatewayStep(String label) {
        this.label = label;
    }

    /** Human-readable name, e.g. {@code upload part}. */
    public String label() {
        return label;
    }
}
