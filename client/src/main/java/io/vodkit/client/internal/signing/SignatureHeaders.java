package io.vodkit.client.internal.signing;

/**
 * The three headers a signed OpenAPI request carries. {@link #toString()} hides the {@code Authorization} value.
 *
 * @param xDate         value of {@code X-Date}, e.g. {@code 20260101T000000Z}
 * @param contentSha256 value of {@code X-Content-Sha256} (lowercase hex SHA-256 of the body)
 * @param authorization value of {@code Authorization}
 */
public record SignatureHeaders(String xDate, String contentSha256, String authorization) {

    @Override
    public String toString() {
        return "SignatureHeaders[xDate=" + xDate + ", contentSha256=" + contentSha256 + ", authorization=██]";
    }
}
