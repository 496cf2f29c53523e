package io.vodkit.client.media;

import java.util.List;

/**
 * What GetMediaInfos found.
 *
 * @param media    the media of the Vids that exist, in the order asked
 * @param notExist the Vids the service does not have ({@code NotExistVids})
 */
public record MediaInfos(List<MediaInfo> media, List<String> notExist) {
    public MediaInfos {
        media = List.copyOf(media);
        notExist = List.copyOf(notExist);
    }
}
