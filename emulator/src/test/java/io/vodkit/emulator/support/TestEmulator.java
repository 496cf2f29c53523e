package io.vodkit.emulator.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vodkit.emulator.Emulator;
import io.vodkit.emulator.EmulatorConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A started emulator plus a signed client and the upload steps most tests need. */
public final class TestEmulator implements AutoCloseable {
    public static final String ACCESS_KEY = "AKLTTESTACCESSKEY";
    public static final String SECRET_KEY = "TESTSECRETKEY0123456789";
    public static final String SPACE = "demo";
    public static final String OTHER_SPACE = "other";

    /** ApplyUploadInfo's answer. */
    public record Grant(String storeUri, String auth, String sessionKey, List<String> uploadHosts) {
        public String fileName() {
            return storeUri.substring(storeUri.indexOf('/') + 1);
        }
    }

    private final Emulator emulator;
    private final VodTestClient client;
    private final Clock clock;

    private TestEmulator(Emulator emulator, Clock clock) {
        this.emulator = emulator;
        this.clock = clock;
        this.client = new VodTestClient(
                emulator.endpoint(), emulator.accessKey(), emulator.secretKey(), emulator.region(), clock);
    }

    /** Port 0, fixed test credentials, spaces {@code demo} and {@code other}. */
    public static EmulatorConfig config(Path dataDir) {
        return EmulatorConfig.builder(dataDir)
                .port(0)
                .credentials(ACCESS_KEY, SECRET_KEY)
                .spaces(List.of(SPACE, OTHER_SPACE))
                .build();
    }

    public static TestEmulator start(Path dataDir) throws IOException {
        return start(config(dataDir), Clock.systemUTC());
    }

    public static TestEmulator start(EmulatorConfig config, Clock clock) throws IOException {
        return new TestEmulator(Emulator.start(config, clock), clock);
    }

    public Emulator emulator() {
        return emulator;
    }

    public VodTestClient client() {
        return client;
    }

    public Grant apply(String space, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(extra);
        params.put("SpaceName", space);
        JsonNode address = client.get("ApplyUploadInfo", "2023-01-01", params)
                .result()
                .path("Data")
                .path("UploadAddress");
        List<String> hosts = new ArrayList<>();
        address.path("UploadHosts").forEach(h -> hosts.add(h.asText()));
        JsonNode store = address.path("StoreInfos").get(0);
        return new Grant(
                store.path("StoreUri").asText(),
                store.path("Auth").asText(),
                address.path("SessionKey").asText(),
                hosts);
    }

    public VodTestClient.Reply directPut(Grant grant, byte[] data) {
        return client.gatewayPut(
                grant.storeUri(), grant.auth(), null, data, Map.of("Content-CRC32", VodTestClient.crc32(data)));
    }

    /** Applies in {@code demo} and uploads {@code data} in one PUT, asserting success. */
    public Grant upload(String fileName, byte[] data) {
        Grant grant = apply(SPACE, Map.of("FileName", fileName));
        VodTestClient.Reply reply = directPut(grant, data);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return grant;
    }

    public VodTestClient.Reply commit(String space, String sessionKey, String functionsJson) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("SpaceName", space);
        params.put("SessionKey", sessionKey);
        if (functionsJson != null) {
            params.put("Functions", functionsJson);
        }
        return client.get("CommitUploadInfo", "2023-01-01", params);
    }

    /** StartExecution (2025-07-01) of an Enhance task on media {@code vid}, with {@code moeEnhance} as its JSON. */
    public VodTestClient.Reply startExecution(String vid, String moeEnhance) {
        return client.postJson(
                "StartExecution",
                "2025-07-01",
                "{\"Input\":{\"Type\":\"Vid\",\"Vid\":\"" + vid + "\"},\"Operation\":{\"Type\":\"Task\","
                        + "\"Task\":{\"Type\":\"Enhance\",\"Enhance\":{\"Type\":\"Moe\",\"MoeEnhance\":" + moeEnhance
                        + "}}}}");
    }

    /** The SourceInfo GetMediaInfos reports for {@code vid}. */
    public JsonNode mediaSourceInfo(String vid) {
        return client.get("GetMediaInfos", "2023-01-01", Map.of("Vids", vid))
                .result()
                .path("MediaInfoList")
                .path(0)
                .path("SourceInfo");
    }

    /** The master key of the play domain, as DescribeDomainConfig reports it. */
    public String masterKey() {
        return domainAuthAction().path("MasterSecretKey").asText();
    }

    public JsonNode domainAuthAction() {
        String domain = client.get("ListDomain", "2023-01-01", Map.of("SpaceName", SPACE))
                .result()
                .path("DefaultPlayDomain")
                .asText();
        return client.get("DescribeDomainConfig", "2023-01-01", Map.of("SpaceName", SPACE, "Domain", domain))
                .result()
                .path("Config")
                .path("SignedUrlAuthControl")
                .path("SignedUrlAuth")
                .path("SignedUrlAuthRules")
                .get(0)
                .path("SignedUrlAuthAction");
    }

    /** A valid type-A auth_key for {@code fileName}, timestamped now. */
    public String authKey(String fileName) {
        return VodTestClient.typeA(fileName, clock.instant().getEpochSecond(), "AbCdEfGh12345678", masterKey());
    }

    public VodTestClient.Reply download(String fileName) {
        return client.download("GET", fileName, authKey(fileName), Map.of());
    }

    @Override
    public void close() {
        emulator.close();
    }
}
