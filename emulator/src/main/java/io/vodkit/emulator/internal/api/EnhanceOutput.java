package io.vodkit.emulator.internal.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code Output} of a successful enhance execution (spec §9.2): {@code {"Type":"Task","Task":{…}}}. */
public record EnhanceOutput(
        @JsonProperty("Type") String type,
        @JsonProperty("Task") Task task) {

    public static EnhanceOutput of(Enhance enhance) {
        return new EnhanceOutput("Task", new Task("Enhance", enhance));
    }

    public record Task(
            @JsonProperty("Type") String type,
            @JsonProperty("Enhance") Enhance enhance) {}

    /** The restored file: an object of the space, addressed by {@code StoreUri = <bucket>/<FileName>}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Enhance(
            @JsonProperty("FileId") String fileId,
            @JsonProperty("StoreUri") String storeUri,
            @JsonProperty("Md5") String md5,
            @JsonProperty("FileType") String fileType,
            @JsonProperty("Format") String format,
            @JsonProperty("Duration") double duration,
            @JsonProperty("Size") long size,
            @JsonProperty("CreateTime") String createTime,
            @JsonProperty("VideoStreamMeta") VideoStreamMeta videoStreamMeta,
            @JsonProperty("AudioStreamMeta") AudioStreamMeta audioStreamMeta) {}
}
