package io.vodkit.client.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.client.internal.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** ListDomain (spec §10.3): {@code GET}, Version 2023-01-01. */
public final class ListDomain {

    public static final String ACTION = "ListDomain";
    public static final String VERSION = "2023-01-01";
    public static final String PLAY = "play";
    /** {@code SourceStationType} 1: domains whose origin is VOD storage. */
    public static final int VOD_ORIGIN = 1;

    /**
     * @param spaceName         required
     * @param domainType        {@code play} or {@code image}
     * @param sourceStationType 1 = VOD origin, 2 = third-party origin, 0 = not sent
     * @param offset            paging offset
     */
    public record Request(String spaceName, String domainType, int sourceStationType, int offset) {

        public Request {
            Objects.requireNonNull(spaceName, "spaceName == null");
            Objects.requireNonNull(domainType, "domainType == null");
        }

        /** The first page of VOD-origin play domains of {@code spaceName}. */
        public static Request playDomains(String spaceName) {
            return new Request(spaceName, PLAY, VOD_ORIGIN, 0);
        }
    }

    private final ApiCaller api;

    public ListDomain(ApiCaller api) {
        this.api = Objects.requireNonNull(api, "api == null");
    }

    public DomainPage call(Request request) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", request.spaceName());
        params.put("DomainType", request.domainType());
        if (request.sourceStationType() > 0) {
            params.put("SourceStationType", Integer.toString(request.sourceStationType()));
        }
        params.put("Offset", Integer.toString(request.offset()));

        JsonNode result = api.get(ACTION, VERSION, params);
        String instancesField = request.domainType().equals(PLAY) ? "PlayInstanceInfo" : "ImageInstanceInfo";
        List<DomainInfo> domains = new ArrayList<>();
        for (JsonNode instance : result.path(instancesField).path("ByteInstances")) {
            domains.addAll(Json.list(instance, "Domains", DomainInfo::from));
        }
        return new DomainPage(domains, Json.intValue(result, "Total"), Json.intValue(result, "Offset"));
    }
}
