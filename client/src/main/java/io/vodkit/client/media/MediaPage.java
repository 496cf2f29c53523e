package io.vodkit.client.media;

import java.util.List;

/** One GetMediaList page: its media and how many media match the query in all. */
public record MediaPage(List<MediaInfo> media, int totalCount, int offset, int pageSize) {
    public MediaPage {
        media = List.copyOf(media);
    }
}
